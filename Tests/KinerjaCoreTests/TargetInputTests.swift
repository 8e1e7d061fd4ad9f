import KinerjaCore
import Testing

@Suite struct TargetInputTests {
    let numeric = IndicatorSpec(kind: .percent)

    @Test(arguments: [("72,5", "72.5"), ("7", "7"), ("1.234.567", "1234567"), ("-2,5", "-2.5"), ("  12,5 %", "12.5")])
    func a_number_is_a_value_target(text: String, expected: String) throws {
        #expect(try TargetInput.parse(text, for: numeric) == .value(d(expected)))
    }

    @Test(arguments: ["80 - 90", "80–90", "80 – 90", "80—90", "80 s.d. 90", "80 s.d 90", "80 s/d 90", "80 sampai 90",
                      "80..90", "80-90", "80,0 - 90,0"])
    func the_usual_ways_of_writing_a_range_are_read(text: String) throws {
        #expect(try TargetInput.parse(text, for: numeric) == .range(lower: FixedDecimal(80), upper: FixedDecimal(90)))
    }

    @Test func a_range_with_decimal_commas_keeps_them() throws {
        #expect(try TargetInput.parse("72,5 - 75,25", for: numeric)
            == .range(lower: d("72.5"), upper: d("75.25")))
    }

    @Test func a_range_of_negative_numbers_is_read() throws {
        #expect(try TargetInput.parse("-5 - -2", for: numeric) == .range(lower: FixedDecimal(-5), upper: FixedDecimal(-2)))
    }

    @Test func a_range_with_equal_bounds_is_a_single_value() throws {
        #expect(try TargetInput.parse("80 - 80", for: numeric) == .value(FixedDecimal(80)))
    }

    @Test func a_reversed_range_is_refused_with_the_fix_in_the_message() throws {
        let error = try #require(violation { try TargetInput.parse("90 - 80", for: numeric) })
        #expect(error.code == "target.rangeReversed")
        #expect(error.field == .target)
        #expect(error.message.id.contains("Batas bawah rentang target (90) lebih besar dari batas atas (80)"))
        #expect(error.message.id.contains("80–90"))
    }

    @Test func a_statement_as_the_target_of_a_numeric_indicator_is_refused() throws {
        let error = try #require(violation { try TargetInput.parse("Meningkat", for: IndicatorSpec(kind: .numeric)) })
        #expect(error.code == "target.notANumber")
        #expect(error.message.id.contains("harus berupa angka atau rentang angka"))
        #expect(error.message.id.contains("\"Meningkat\""))
        #expect(error.message.id.contains("kualitatif"))
    }

    @Test func a_bad_range_bound_names_the_bound() throws {
        let error = try #require(violation { try TargetInput.parse("abc - 90", for: numeric) })
        #expect(error.field == .targetLower)
    }

    @Test(arguments: ["", "   "])
    func an_empty_target_is_refused(text: String) throws {
        #expect(violation { try TargetInput.parse(text, for: numeric) }?.code == "target.empty")
    }

    @Test(arguments: [("ada", true), ("Ya", true), ("tercapai", true), ("Tidak Ada", false), ("belum", false), ("0", false)])
    func binary_targets_read_yes_and_no_words(text: String, met: Bool) throws {
        #expect(try TargetInput.parse(text, for: IndicatorSpec(kind: .binary)) == .binary(met))
    }

    @Test func an_unknown_binary_word_is_refused() throws {
        let error = try #require(violation { try TargetInput.parse("mungkin", for: IndicatorSpec(kind: .binary)) })
        #expect(error.code == "target.notBinary")
    }

    @Test func an_ordinal_target_is_a_level_of_the_scale() throws {
        let spec = IndicatorSpec(kind: .ordinal, ordinalScale: .predikatSakip)
        #expect(try TargetInput.parse("bb", for: spec) == .ordinal(rank: 5))
        let error = try #require(violation { try TargetInput.parse("Z", for: spec) })
        #expect(error.code == "target.notOnScale")
        #expect(error.message.id.contains("D, C, CC, B, BB, A, AA"))
    }

    @Test func any_statement_is_the_target_of_a_qualitative_indicator() throws {
        #expect(try TargetInput.parse("Meningkat", for: IndicatorSpec(kind: .text)) == .qualitative)
    }

    @Test func targets_have_a_canonical_stored_form() {
        #expect(Target.value(d("7.5")).canonical() == "7.5")
        #expect(Target.range(lower: FixedDecimal(80), upper: FixedDecimal(90)).canonical() == "80..90")
        #expect(Target.binary(true).canonical() == "ya")
        #expect(Target.binary(false).canonical() == "tidak")
        #expect(Target.ordinal(rank: 5).canonical(scale: .predikatSakip) == "BB")
        #expect(Target.ordinal(rank: 5).canonical() == "5")
        #expect(Target.qualitative.canonical(statement: "Meningkat") == "Meningkat")
    }

    @Test(arguments: [Target.value(d("72.74")), .value(d("-2.5")), .value(FixedDecimal(1_234_567)),
                      .value(d("72.745")), .value(d("1.234")), .value(d("0.372")), .value(d("0.000001")),
                      .range(lower: d("72.5"), upper: d("75.25")), .range(lower: d("1.125"), upper: d("2.375")),
                      .range(lower: FixedDecimal(-5), upper: FixedDecimal(-2))])
    func the_stored_form_reads_back_as_the_same_target(target: Target) {
        #expect(TargetInput.parseStored(target.canonical(), for: numeric) == target)
    }

    @Test(arguments: ["", "..", "1..", "..2", "3..2", "1..2..3", "1...2", "1,5..2", "7.5 ", "1 ..2"])
    func a_stored_numeric_target_in_another_form_reads_as_none(text: String) {
        #expect(TargetInput.parseStored(text, for: numeric) == nil)
    }

    @Test func a_stored_range_with_equal_bounds_is_a_value() {
        #expect(TargetInput.parseStored("5..5", for: numeric) == .value(FixedDecimal(5)))
        #expect(TargetInput.parseStored("-5..-2", for: numeric) == .range(lower: FixedDecimal(-5), upper: FixedDecimal(-2)))
    }

    @Test func stored_non_numeric_targets_read_back() {
        #expect(TargetInput.parseStored("ya", for: IndicatorSpec(kind: .binary)) == .binary(true))
        #expect(TargetInput.parseStored("tidak", for: IndicatorSpec(kind: .binary)) == .binary(false))
        let ordinal = IndicatorSpec(kind: .ordinal, ordinalScale: .predikatSakip)
        #expect(TargetInput.parseStored(Target.ordinal(rank: 5).canonical(scale: .predikatSakip), for: ordinal)
            == .ordinal(rank: 5))
        #expect(TargetInput.parseStored("Meningkat", for: IndicatorSpec(kind: .text)) == .qualitative)
    }

    @Test(arguments: ["72,74", "1.234.567", "80 - 90", "90..80", "abc", "", "1.", "72.74..", "..5"])
    func text_not_in_the_stored_form_is_not_read_as_stored(text: String) {
        #expect(TargetInput.parseStored(text, for: numeric) == nil)
    }

    @Test func a_typed_decimal_below_one_with_a_dot_is_a_decimal() throws {
        #expect(try TargetInput.parse("0.372", for: IndicatorSpec(kind: .index)) == .value(d("0.372")))
    }
}

@Suite struct RealisasiInputTests {
    @Test(arguments: ["TDI", "tdi", "Tidak Diperoleh Informasi", "n/a", "NA", " tdi "])
    func tdi_words_are_tdi_whatever_the_kind(text: String) throws {
        #expect(try RealisasiInput.parse(text, for: IndicatorSpec(kind: .numeric)) == .tdi)
        #expect(try RealisasiInput.parse(text, for: IndicatorSpec(kind: .binary)) == .tdi)
    }

    @Test func an_empty_realisation_is_refused_pointing_to_tdi() throws {
        let error = try #require(violation { try RealisasiInput.parse(" ", for: IndicatorSpec(kind: .numeric)) })
        #expect(error.code == "realisasi.empty")
        #expect(error.message.id.contains("TDI"))
    }

    @Test func a_numeric_realisation_is_read_as_typed() throws {
        #expect(try RealisasiInput.parse("72,74", for: IndicatorSpec(kind: .index)) == .value(d("72.74")))
        #expect(violation { try RealisasiInput.parse("banyak", for: IndicatorSpec(kind: .numeric)) }?.code
            == "number.invalid")
    }

    @Test func a_binary_realisation_reads_yes_and_no_words() throws {
        #expect(try RealisasiInput.parse("ada", for: IndicatorSpec(kind: .binary)) == .binary(true))
        #expect(try RealisasiInput.parse("tidak", for: IndicatorSpec(kind: .binary)) == .binary(false))
        #expect(violation { try RealisasiInput.parse("mungkin", for: IndicatorSpec(kind: .binary)) }?.code
            == "realisasi.notBinary")
    }

    @Test func an_ordinal_realisation_is_a_level_of_the_scale() throws {
        let spec = IndicatorSpec(kind: .ordinal, ordinalScale: .opiniBpk)
        #expect(try RealisasiInput.parse("WTP", for: spec) == .ordinal(rank: 4))
        let error = try #require(violation { try RealisasiInput.parse("XYZ", for: spec) })
        #expect(error.code == "realisasi.notOnScale")
        #expect(error.message.id.contains("TMP, TW, WDP, WTP"))
    }

    @Test func a_qualitative_realisation_awaits_its_verifier() throws {
        #expect(try RealisasiInput.parse("Laporan sudah disusun", for: IndicatorSpec(kind: .text)) == .awaitingJudgement)
    }
}
