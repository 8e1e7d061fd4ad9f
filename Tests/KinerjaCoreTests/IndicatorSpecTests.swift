import Foundation
import KinerjaCore
import Testing

@Suite struct IndicatorSpecTests {
    @Test func an_ordinal_indicator_without_a_scale_is_refused() throws {
        let error = try #require(violation { try IndicatorSpec(kind: .ordinal).validate() })
        #expect(error.code == "indicator.ordinalWithoutScale")
        #expect(error.field == .scale)
        #expect(error.message.id.contains("harus punya skala"))
    }

    @Test(arguments: [(IndicatorKind.binary, Aggregation.sum), (.binary, .average), (.ordinal, .sum), (.ordinal, .average),
                      (.text, .sum)])
    func sum_and_average_on_a_non_numeric_indicator_are_refused(kind: IndicatorKind, aggregation: Aggregation) throws {
        let spec = IndicatorSpec(kind: kind, aggregation: aggregation, ordinalScale: .predikatSakip)
        let error = try #require(violation { try spec.validate() })
        #expect(error.code == "indicator.aggregationNeedsNumbers")
        #expect(error.field == .aggregation)
    }

    @Test func the_refusal_of_sum_on_binary_names_both_in_indonesian() throws {
        let error = try #require(violation { try IndicatorSpec(kind: .binary, aggregation: .sum).validate() })
        #expect(error.message.id.hasPrefix("Agregasi jumlah hanya untuk indikator angka; indikator ya/tidak"))
    }

    @Test(arguments: [IndicatorKind.text, .binary, .ordinal])
    func cumulative_entry_on_a_non_numeric_indicator_is_refused(kind: IndicatorKind) throws {
        let spec = IndicatorSpec(kind: kind, entryMode: .cumulative, ordinalScale: .predikatSakip)
        let error = try #require(violation { try spec.validate() })
        #expect(error.code == "indicator.cumulativeNeedsNumbers")
        #expect(error.field == .entryMode)
    }

    @Test(arguments: [Aggregation.max, .min])
    func a_text_indicator_is_judged_on_its_last_period_only(aggregation: Aggregation) throws {
        let error = try #require(violation { try IndicatorSpec(kind: .text, aggregation: aggregation).validate() })
        #expect(error.code == "indicator.textAggregation")
    }

    @Test(arguments: [
        IndicatorSpec(kind: .numeric, aggregation: .sum, entryMode: .cumulative),
        IndicatorSpec(kind: .percent, polarity: .negative, negativeFormula: .ratio, aggregation: .average),
        IndicatorSpec(kind: .index, aggregation: .max),
        IndicatorSpec(kind: .binary, aggregation: .last),
        IndicatorSpec(kind: .binary, aggregation: .min),
        IndicatorSpec(kind: .ordinal, aggregation: .max, ordinalScale: .opiniBpk, ordinalRule: .threshold),
        IndicatorSpec(kind: .text, aggregation: .last),
    ])
    func meaningful_combinations_pass(spec: IndicatorSpec) throws {
        try spec.validate()
    }

    @Test func the_defaults_are_positive_inverse_last_per_period_rank_ratio() {
        let spec = IndicatorSpec(kind: .numeric)
        #expect(spec.polarity == .positive)
        #expect(spec.negativeFormula == .inverse)
        #expect(spec.aggregation == .last)
        #expect(spec.entryMode == .perPeriod)
        #expect(spec.ordinalRule == .rankRatio)
        #expect(spec.ordinalScale == nil)
    }

    @Test func a_spec_round_trips_through_json() throws {
        let spec = IndicatorSpec(kind: .ordinal, polarity: .positive, aggregation: .max, ordinalScale: .predikatSakip,
                                 ordinalRule: .threshold)
        let decoded = try JSONDecoder().decode(IndicatorSpec.self, from: JSONEncoder().encode(spec))
        #expect(decoded == spec)
    }

    @Test func only_numbers_percentages_and_indices_are_quantitative() {
        #expect(IndicatorKind.allCases.filter(\.isQuantitative) == [.numeric, .percent, .index])
    }
}

@Suite struct OrdinalScaleTests {
    @Test func the_sakip_predikat_scale_ranks_d_lowest_and_aa_highest() {
        let scale = OrdinalScale.predikatSakip
        #expect(scale.rank(of: "D") == 1)
        #expect(scale.rank(of: "BB") == 5)
        #expect(scale.rank(of: "AA") == 7)
        #expect(scale.label(ofRank: 6) == "A")
    }

    @Test func ranks_are_read_ignoring_case_and_surrounding_spaces() {
        #expect(OrdinalScale.opiniBpk.rank(of: " wtp ") == 4)
        #expect(OrdinalScale.predikatSakip.rank(of: "bb") == 5)
        #expect(OrdinalScale.predikatSakip.rank(of: "E") == nil)
    }

    @Test func a_rank_outside_the_scale_has_no_label() {
        #expect(OrdinalScale.predikatSakip.label(ofRank: 0) == nil)
        #expect(OrdinalScale.predikatSakip.label(ofRank: 8) == nil)
    }

    @Test func a_scale_keeps_its_levels_trimmed() throws {
        #expect(try OrdinalScale(levels: [" Kurang ", "Baik"]).levels == ["Kurang", "Baik"])
    }

    @Test(arguments: [["A"], [], ["A", " "], ["", "B"]])
    func a_scale_needs_two_non_empty_levels(levels: [String]) throws {
        #expect(violation { try OrdinalScale(levels: levels) }?.code == "ordinal.tooFewLevels")
    }

    @Test func levels_differing_only_in_case_are_duplicates() throws {
        let error = try #require(violation { try OrdinalScale(levels: ["A", "B", "a"]) })
        #expect(error.code == "ordinal.duplicateLevel")
        #expect(error.message.id.contains("tidak boleh berulang"))
    }
}
