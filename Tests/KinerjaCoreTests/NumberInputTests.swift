import KinerjaCore
import Testing

@Suite struct NumberInputTests {
    @Test(arguments: [
        ("72,74", "72.74"), ("72.74", "72.74"), ("1.234.567", "1234567"), ("1234567", "1234567"),
        ("1,234,567", "1234567"), ("1,234.5", "1234.5"), ("1.234,5", "1234.5"), ("1.234.567,89", "1234567.89"),
        ("0,372", "0.372"), ("12,3456", "12.3456"), ("12,345678", "12.345678"), ("0", "0"), ("007", "7"),
    ])
    func reads_numbers_as_typed_in_indonesian_and_english_style(text: String, expected: String) throws {
        let parsed = try NumberInput.parse(text)
        #expect(parsed.value == d(expected))
    }

    @Test(arguments: ["72,74", "1.234.567", "1,234.5", "1234567", "12,34"])
    func an_unambiguous_number_carries_no_note(text: String) throws {
        #expect(try NumberInput.parse(text).note == nil)
    }

    @Test func a_single_dot_before_three_digits_is_read_as_thousands_with_a_note() throws {
        let parsed = try NumberInput.parse("1.234")
        #expect(parsed.value == FixedDecimal(1234))
        let note = try #require(parsed.note)
        #expect(note.id.contains("pemisah ribuan"))
        #expect(note.id.contains("\"1.234\""))
    }

    @Test func a_single_comma_before_three_digits_is_read_as_decimal_with_a_note() throws {
        let parsed = try NumberInput.parse("1,234")
        #expect(parsed.value == d("1.234"))
        let note = try #require(parsed.note)
        #expect(note.id.contains("desimal"))
    }

    @Test(arguments: ["0.372", "0,372", "-0.372"])
    func three_decimals_after_a_leading_zero_are_always_decimals(text: String) throws {
        let parsed = try NumberInput.parse(text)
        #expect(parsed.value.magnitude == d("0.372"))
        #expect(parsed.note == nil)
    }

    @Test func more_than_six_decimals_is_refused_not_rounded() throws {
        let error = try #require(violation { try NumberInput.parse("12,3456789") })
        #expect(error.code == "number.tooPrecise")
        #expect(error.message.id.contains("paling banyak 6 angka di belakang koma"))
        #expect(error.message.id.contains("tertulis 7"))
    }

    @Test(arguments: ["abc", "12a", "1..2", ",5", "5,", "1.23.456", "1,2.3", "--5", "1.234,5,6", "12.34.56", "-", "1 2/3"])
    func text_that_is_not_a_number_is_refused(text: String) throws {
        let error = try #require(violation { try NumberInput.parse(text) })
        #expect(error.code == "number.invalid")
        #expect(error.message.id.contains("harus berupa angka"))
    }

    @Test(arguments: ["", "   ", "%", "Rp"])
    func empty_input_is_refused_with_the_field_name(text: String) throws {
        let error = try #require(violation { try NumberInput.parse(text, field: .realisasi) })
        #expect(error.code == "number.empty")
        #expect(error.field == .realisasi)
        #expect(error.message.id == "Realisasi wajib diisi dengan angka.")
    }

    @Test func the_field_name_is_carried_into_the_violation() throws {
        let error = try #require(violation { try NumberInput.parse("x", field: .target) })
        #expect(error.field == .target)
        #expect(error.message.id.hasPrefix("Target harus berupa angka"))
        #expect(error.message.id.contains("\"x\""))
    }

    @Test(arguments: [("-2,5", "-2.5"), ("−2,5", "-2.5"), ("-1.234.567", "-1234567"), ("-0,5", "-0.5")])
    func negative_numbers_are_read(text: String, expected: String) throws {
        #expect(try NumberInput.parse(text).value == d(expected))
    }

    @Test(arguments: [("Rp 1.234.567", "1234567"), ("Rp1.000.000", "1000000"), ("72,5%", "72.5"), (" 72,5 % ", "72.5"),
                      ("1 234 567", "1234567"), ("1\u{00A0}234", "1234")])
    func currency_percent_signs_and_spaces_are_ignored(text: String, expected: String) throws {
        #expect(try NumberInput.parse(text).value == d(expected))
    }

    @Test func a_number_beyond_the_range_is_refused_as_too_large() throws {
        let error = try #require(violation { try NumberInput.parse("99999999999999") })
        #expect(error.code == "number.tooLarge")
        #expect(error.message.id.contains("terlalu besar"))
    }

    @Test func a_number_just_beyond_the_range_is_refused_instead_of_trapping() throws {
        let error = try #require(violation { try NumberInput.parse("9.223.372.036.854,999999") })
        #expect(error.code == "number.tooLarge")
    }
}
