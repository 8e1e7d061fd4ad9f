import Foundation
import KinerjaCore
import Testing

@Suite struct FixedDecimalTests {
    @Test(arguments: ["0", "1", "-1", "72.74", "0.372", "0.000001", "-1234.5", "107.142857", "9223372036854.775807"])
    func canonical_text_round_trips_through_description(text: String) throws {
        let value = try #require(FixedDecimal(canonical: text))
        #expect(value.description == text)
    }

    @Test func description_is_dot_decimal_without_grouping_or_trailing_zeros() {
        #expect(FixedDecimal(units: 72_740_000).description == "72.74")
        #expect(FixedDecimal(units: 1).description == "0.000001")
        #expect(FixedDecimal(units: -500_000).description == "-0.5")
        #expect(FixedDecimal(1_234_567).description == "1234567")
        #expect(FixedDecimal(units: 1_050_000).description == "1.05")
    }

    @Test(arguments: ["", "-", "1.", ".5", "1,5", "1.2345678", "+1", "1e3", " 1", "1.2.3", "12345678901234", "--1", "1.-5", "-.5", "1..2", "1.5-", "١", "１", "0x1"])
    func canonical_parse_refuses_anything_but_the_canonical_form(text: String) {
        #expect(FixedDecimal(canonical: text) == nil)
    }

    @Test(arguments: ["9223372036854.999999", "-9223372036854.775808", "9223372036854.775808"])
    func canonical_parse_refuses_values_just_beyond_the_range_instead_of_trapping(text: String) {
        #expect(FixedDecimal(canonical: text) == nil)
    }

    @Test func the_largest_value_parses_exactly() {
        #expect(FixedDecimal(canonical: "9223372036854.775807") == FixedDecimal.max)
        #expect(FixedDecimal(canonical: "-9223372036854.775807") == FixedDecimal.min)
    }

    @Test func division_rounds_half_away_from_zero_at_the_sixth_digit() {
        #expect(FixedDecimal(2) / FixedDecimal(3) == d("0.666667"))
        #expect(FixedDecimal(1) / FixedDecimal(3) == d("0.333333"))
        #expect(FixedDecimal(-2) / FixedDecimal(3) == d("-0.666667"))
        #expect(FixedDecimal(2) / FixedDecimal(-3) == d("-0.666667"))
        // 0.0000005 is exactly half a unit: away from zero on both sides.
        #expect(FixedDecimal(units: 1) / FixedDecimal(2) == FixedDecimal(units: 1))
        #expect(FixedDecimal(units: -1) / FixedDecimal(2) == FixedDecimal(units: -1))
        #expect(FixedDecimal(units: 1) / FixedDecimal(3) == FixedDecimal.zero)
    }

    @Test func multiplication_rounds_half_away_from_zero() {
        #expect(d("1.5") * FixedDecimal(2) == FixedDecimal(3))
        #expect(d("0.000001") * d("0.5") == d("0.000001"))
        #expect(d("-0.000001") * d("0.5") == d("-0.000001"))
        #expect(d("0.000001") * d("0.4") == FixedDecimal.zero)
    }

    @Test func arithmetic_beyond_the_range_saturates_instead_of_trapping() {
        #expect(FixedDecimal.max + FixedDecimal(1) == FixedDecimal.max)
        #expect(FixedDecimal.min - FixedDecimal(1) == FixedDecimal.min)
        #expect(FixedDecimal.min + FixedDecimal(-1) == FixedDecimal.min)
        var total = FixedDecimal.max
        total += FixedDecimal.max
        #expect(total == FixedDecimal.max)
        #expect(FixedDecimal.max * FixedDecimal(2) == FixedDecimal.max)
        #expect(FixedDecimal.max * FixedDecimal(-2) == FixedDecimal.min)
        #expect(FixedDecimal.max / d("0.5") == FixedDecimal.max)
    }

    @Test(arguments: [
        ("2.345", 2, "2.35"), ("-2.345", 2, "-2.35"), ("2.344999", 2, "2.34"), ("0.5", 0, "1"), ("-0.5", 0, "-1"),
        ("107.142857", 2, "107.14"), ("107.145", 2, "107.15"), ("1.234567", 6, "1.234567"), ("0.0049", 2, "0"),
    ])
    func rounding_to_fraction_digits_is_half_away_from_zero(value: String, digits: Int, expected: String) {
        #expect(d(value).rounded(toFractionDigits: digits) == d(expected))
    }

    @Test func ordering_and_sign_helpers_follow_the_value() {
        #expect(d("-1") < d("0.5"))
        #expect(d("0.000001") > FixedDecimal.zero)
        #expect(d("-3.5").magnitude == d("3.5"))
        #expect(d("-3.5").isNegative)
        #expect(!FixedDecimal.zero.isNegative)
        #expect(FixedDecimal.zero.isZero)
        #expect(-d("2.5") == d("-2.5"))
        var total = d("1.25")
        total += d("0.75")
        #expect(total == FixedDecimal(2))
        #expect(d("5") - d("7.5") == d("-2.5"))
    }

    @Test func encodes_as_its_canonical_string() throws {
        let data = try JSONEncoder().encode([d("72.74"), d("-0.5"), FixedDecimal(100)])
        #expect(String(decoding: data, as: UTF8.self) == #"["72.74","-0.5","100"]"#)
    }

    @Test func decodes_from_its_canonical_string() throws {
        let decoded = try JSONDecoder().decode([FixedDecimal].self, from: Data(#"["107.142857","0.000001"]"#.utf8))
        #expect(decoded == [d("107.142857"), FixedDecimal(units: 1)])
    }

    @Test(arguments: [#"[1.5]"#, #"["1,5"]"#, #"["1.2345678"]"#, #"["abc"]"#])
    func decoding_refuses_numbers_and_non_canonical_strings(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([FixedDecimal].self, from: Data(json.utf8))
        }
    }
}
