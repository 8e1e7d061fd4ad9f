import KinerjaCore
import Testing

@Suite struct CapaianCalculatorTests {
    // MARK: Positive polarity (sakip-rules §2.1)

    @Test func positive_capaian_is_realisation_over_target() {
        let result = capaian("90", of: "100")
        #expect(result.status == .measured)
        #expect(result.raw == FixedDecimal(90))
        #expect(result.capped == FixedDecimal(90))
        #expect(result.formula == .positiveRatio)
        #expect(result.flags.isEmpty)
    }

    @Test func positive_capaian_above_target_is_kept_above_100_without_a_cap() {
        let result = capaian("120", of: "100")
        #expect(result.raw == FixedDecimal(120))
        #expect(result.capped == FixedDecimal(120))
        #expect(!result.flags.contains(.cappedAbove))
    }

    @Test func positive_capaian_is_rounded_half_away_from_zero_at_six_decimals() {
        #expect(capaian("1", of: "3").raw == d("33.333333"))
        #expect(capaian("2", of: "3").raw == d("66.666667"))
        #expect(capaian("72.74", of: "75").raw == d("96.986667"))
    }

    @Test(arguments: [IndicatorKind.numeric, .percent, .index])
    func every_quantitative_kind_uses_the_same_ratio(kind: IndicatorKind) {
        let result = capaian("0.372", of: "0.4", IndicatorSpec(kind: kind))
        #expect(result.raw == d("93"))
        #expect(result.formula == .positiveRatio)
    }

    // MARK: Negative polarity (§2.2)

    @Test func negative_inverse_worked_example_target_7_realisation_6_5_is_107_142857() {
        let result = capaian("6.5", of: "7", negative)
        #expect(result.raw == d("107.142857"))
        #expect(result.formula == .negativeInverse)
        #expect(result.formula.rawValue == "NEG_2T_R")
        #expect(IDFormat.percent(result.raw ?? .zero) == "107,14%")
    }

    @Test func negative_inverse_worked_example_target_8_realisation_9_is_87_5() {
        let result = capaian("9", of: "8", negative)
        #expect(result.raw == d("87.5"))
        #expect(result.capped == d("87.5"))
        #expect(result.formula == .negativeInverse)
    }

    @Test func negative_inverse_is_the_default_formula() {
        #expect(IndicatorSpec(kind: .numeric, polarity: .negative).negativeFormula == .inverse)
    }

    @Test func negative_ratio_is_target_over_realisation() {
        let result = capaian("6.5", of: "7", negativeRatio)
        #expect(result.raw == d("107.692308"))
        #expect(result.formula == .negativeRatio)
        #expect(result.formula.rawValue == "NEG_T_R")
        #expect(!result.flags.contains(.formulaFallback))
        // The two negative formulas are not the same: 9 against 8 is 87.5 by one and 88.888889 by the other.
        #expect(capaian("9", of: "8", negativeRatio).raw == d("88.888889"))
    }

    @Test func negative_ratio_with_realisation_0_falls_back_to_inverse_and_gives_200() {
        let result = capaian("0", of: "10", negativeRatio)
        #expect(result.status == .measured)
        #expect(result.raw == FixedDecimal(200))
        #expect(result.formula == .negativeInverse)
        #expect(result.flags.contains(.formulaFallback))
    }

    @Test func negative_ratio_with_a_negative_realisation_falls_back_to_inverse() {
        let result = capaian("-2", of: "10", negativeRatio)
        #expect(result.raw == FixedDecimal(220))
        #expect(result.flags.contains(.formulaFallback))
    }

    // MARK: Zero target and zero realisation (§2.5)

    @Test(arguments: [Polarity.positive, .negative])
    func target_0_with_realisation_0_is_met(polarity: Polarity) {
        let result = capaian("0", of: "0", IndicatorSpec(kind: .numeric, polarity: polarity))
        #expect(result.status == .measured)
        #expect(result.raw == FixedDecimal(100))
        #expect(result.formula == .zeroTarget)
        #expect(result.formula.rawValue == "ZERO_TARGET")
    }

    @Test func positive_target_0_is_met_by_any_realisation_at_or_above_0() {
        #expect(capaian("3", of: "0").raw == FixedDecimal(100))
        #expect(capaian("-1", of: "0").raw == FixedDecimal.zero)
    }

    @Test func negative_target_0_is_missed_by_any_realisation_above_0() {
        let missed = capaian("2", of: "0", negative)
        #expect(missed.raw == FixedDecimal.zero)
        #expect(missed.formula == .zeroTarget)
        let penalised = capaian("2", of: "0", negative, policy: CapaianPolicy(missValue: FixedDecimal(25)))
        #expect(penalised.raw == FixedDecimal(25))
    }

    @Test(arguments: [positive, negative, negativeRatio])
    func realisation_0_against_a_positive_target_gives_a_figure_without_crashing(spec: IndicatorSpec) {
        let result = capaian("0", of: "5", spec)
        #expect(result.status == .measured)
        #expect(result.raw != nil)
    }

    @Test func zero_realisation_on_a_positive_indicator_is_0_percent() {
        #expect(capaian("0", of: "5").raw == FixedDecimal.zero)
    }

    // MARK: Range targets (§2.3)

    private func ranged(_ r: String, _ spec: IndicatorSpec = positive) -> CapaianResult {
        CapaianCalculator().capaian(of: .value(d(r)), against: .range(lower: FixedDecimal(80), upper: FixedDecimal(90)),
                                    spec: spec)
    }

    @Test(arguments: ["80", "85", "90", "89.999999"])
    func realisation_inside_a_range_is_100(r: String) {
        let result = ranged(r)
        #expect(result.raw == FixedDecimal(100))
        #expect(result.formula == .rangeInside)
        #expect(result.flags.isDisjoint(with: [.rangeLowerBound, .rangeUpperBound]))
    }

    @Test func realisation_above_a_range_uses_the_upper_bound() {
        let result = ranged("92")
        #expect(result.raw == d("102.222222"))
        #expect(result.formula == .positiveRatio)
        #expect(result.flags.contains(.rangeUpperBound))
        #expect(!result.flags.contains(.rangeLowerBound))
    }

    @Test func realisation_below_a_range_uses_the_lower_bound() {
        let result = ranged("70")
        #expect(result.raw == d("87.5"))
        #expect(result.flags.contains(.rangeLowerBound))
        #expect(!result.flags.contains(.rangeUpperBound))
    }

    @Test func negative_range_applies_the_negative_formula_against_the_nearer_bound() {
        let above = ranged("95", negative)
        #expect(above.raw == d("94.444444"))
        #expect(above.formula == .negativeInverse)
        #expect(above.flags.contains(.rangeUpperBound))
        let below = ranged("70", negative)
        #expect(below.raw == d("112.5"))
        #expect(below.flags.contains(.rangeLowerBound))
    }

    // MARK: Binary, ordinal, text (§2.5)

    @Test func binary_met_is_100_and_missed_is_the_miss_value() {
        let calculator = CapaianCalculator()
        let spec = IndicatorSpec(kind: .binary)
        let met = calculator.capaian(of: .binary(true), against: .binary(true), spec: spec)
        #expect(met.raw == FixedDecimal(100))
        #expect(met.formula == .binary)
        let missed = calculator.capaian(of: .binary(false), against: .binary(true), spec: spec)
        #expect(missed.raw == FixedDecimal.zero)
        #expect(missed.status == .measured)
        let penalty = CapaianCalculator(policy: CapaianPolicy(missValue: FixedDecimal(20)))
        #expect(penalty.capaian(of: .binary(false), against: .binary(true), spec: spec).raw == FixedDecimal(20))
    }

    @Test func binary_target_tidak_ada_is_met_by_tidak_ada() {
        let result = CapaianCalculator().capaian(of: .binary(false), against: .binary(false),
                                                 spec: IndicatorSpec(kind: .binary))
        #expect(result.raw == FixedDecimal(100))
    }

    @Test func ordinal_rank_ratio_divides_the_ranks() {
        let spec = IndicatorSpec(kind: .ordinal, ordinalScale: .predikatSakip, ordinalRule: .rankRatio)
        let calculator = CapaianCalculator()
        // Target A (rank 6), realisation BB (rank 5): one level short.
        let short = calculator.capaian(of: .ordinal(rank: 5), against: .ordinal(rank: 6), spec: spec)
        #expect(short.raw == d("83.333333"))
        #expect(short.formula == .ordinalRankRatio)
        let exact = calculator.capaian(of: .ordinal(rank: 6), against: .ordinal(rank: 6), spec: spec)
        #expect(exact.raw == FixedDecimal(100))
        let better = calculator.capaian(of: .ordinal(rank: 7), against: .ordinal(rank: 6), spec: spec)
        #expect(better.raw == d("116.666667"))
    }

    @Test func ordinal_threshold_is_100_at_or_above_the_target_level_and_the_miss_value_below() {
        let spec = IndicatorSpec(kind: .ordinal, ordinalScale: .opiniBpk, ordinalRule: .threshold)
        let calculator = CapaianCalculator(policy: CapaianPolicy(missValue: FixedDecimal(10)))
        let wtp = calculator.capaian(of: .ordinal(rank: 4), against: .ordinal(rank: 4), spec: spec)
        #expect(wtp.raw == FixedDecimal(100))
        #expect(wtp.formula == .ordinalThreshold)
        let wdp = calculator.capaian(of: .ordinal(rank: 3), against: .ordinal(rank: 4), spec: spec)
        #expect(wdp.raw == FixedDecimal(10))
        let above = calculator.capaian(of: .ordinal(rank: 4), against: .ordinal(rank: 3), spec: spec)
        #expect(above.raw == FixedDecimal(100))
    }

    @Test func judged_text_takes_the_verifiers_percentage() {
        let result = CapaianCalculator().capaian(of: .judged(FixedDecimal(85)), against: .qualitative,
                                                 spec: IndicatorSpec(kind: .text))
        #expect(result.status == .measured)
        #expect(result.raw == FixedDecimal(85))
        #expect(result.formula == .verifierJudgement)
    }

    @Test func text_awaiting_judgement_is_pending_without_a_figure() {
        let result = CapaianCalculator().capaian(of: .awaitingJudgement, against: .qualitative,
                                                 spec: IndicatorSpec(kind: .text))
        #expect(result.status == .pending)
        #expect(result.raw == nil)
        #expect(result.capped == nil)
        #expect(result.formula == .none)
    }

    // MARK: TDI and missing data

    @Test func tdi_has_its_own_status_and_never_a_figure() {
        let result = CapaianCalculator().capaian(of: .tdi, against: .value(FixedDecimal(10)), spec: positive)
        #expect(result.status == .tdi)
        #expect(result.raw == nil)
        #expect(result.capped == nil)
        #expect(result.formula == .none)
    }

    @Test func no_realisation_yet_is_pending() {
        let result = CapaianCalculator().capaian(of: nil, against: .value(FixedDecimal(10)), spec: positive)
        #expect(result.status == .pending)
        #expect(result.raw == nil)
    }

    @Test func a_realisation_of_another_shape_than_its_target_is_pending_not_a_figure() {
        let calculator = CapaianCalculator()
        #expect(calculator.capaian(of: .binary(true), against: .value(FixedDecimal(5)), spec: positive).status == .pending)
        #expect(calculator.capaian(of: .value(FixedDecimal(5)), against: .binary(true), spec: positive).status == .pending)
        #expect(calculator.capaian(of: .ordinal(rank: 2), against: .qualitative, spec: positive).status == .pending)
    }

    // MARK: Caps and floor (§2.4)

    @Test(arguments: [(CapaianCap.none, "130"), (.at100, "100"), (.at110, "110"), (.at120, "120")])
    func the_cap_limits_the_capped_figure_and_keeps_the_raw_one(cap: CapaianCap, expected: String) {
        let result = capaian("130", of: "100", policy: CapaianPolicy(cap: cap))
        #expect(result.raw == FixedDecimal(130))
        #expect(result.capped == d(expected))
        #expect(result.flags.contains(.cappedAbove) == (cap != .none))
    }

    @Test func a_figure_below_the_cap_is_not_flagged() {
        let result = capaian("105", of: "100", policy: CapaianPolicy(cap: .at110))
        #expect(result.capped == FixedDecimal(105))
        #expect(!result.flags.contains(.cappedAbove))
        let atCap = capaian("110", of: "100", policy: CapaianPolicy(cap: .at110))
        #expect(atCap.capped == FixedDecimal(110))
        #expect(!atCap.flags.contains(.cappedAbove))
    }

    @Test func cap_limits_are_the_named_percentages() {
        #expect(CapaianCap.none.limit == nil)
        #expect(CapaianCap.at100.limit == FixedDecimal(100))
        #expect(CapaianCap.at110.limit == FixedDecimal(110))
        #expect(CapaianCap.at120.limit == FixedDecimal(120))
        #expect(CapaianCap(rawValue: "120") == .at120)
    }

    @Test func the_cap_also_limits_judged_and_fallback_figures() {
        let judged = CapaianCalculator(policy: CapaianPolicy(cap: .at120))
            .capaian(of: .judged(FixedDecimal(150)), against: .qualitative, spec: IndicatorSpec(kind: .text))
        #expect(judged.raw == FixedDecimal(150))
        #expect(judged.capped == FixedDecimal(120))
        let fallback = capaian("0", of: "10", negativeRatio, policy: CapaianPolicy(cap: .at120))
        #expect(fallback.capped == FixedDecimal(120))
        #expect(fallback.flags.isSuperset(of: [.formulaFallback, .cappedAbove]))
    }

    @Test func negative_indicator_more_than_twice_its_target_is_floored_at_0() {
        let result = capaian("25", of: "10", negative)
        #expect(result.raw == FixedDecimal(-50))
        #expect(result.capped == FixedDecimal.zero)
        #expect(result.flags.contains(.flooredAtZero))
    }

    @Test func the_floor_can_be_turned_off() {
        let result = capaian("25", of: "10", negative, policy: CapaianPolicy(floorAtZero: false))
        #expect(result.raw == FixedDecimal(-50))
        #expect(result.capped == FixedDecimal(-50))
        #expect(!result.flags.contains(.flooredAtZero))
    }

    @Test func negative_indicator_at_exactly_twice_its_target_is_0_without_the_floor_flag() {
        let result = capaian("20", of: "10", negative)
        #expect(result.raw == FixedDecimal.zero)
        #expect(!result.flags.contains(.flooredAtZero))
    }

    @Test func an_absurd_ratio_saturates_and_is_flagged() {
        let result = capaian("9000000000000", of: "0.000001")
        #expect(result.raw == FixedDecimal.max)
        #expect(result.flags.contains(.saturated))
        #expect(!capaian("90", of: "100").flags.contains(.saturated))
    }

    @Test func the_standard_policy_has_no_cap_a_zero_miss_value_and_the_floor() {
        #expect(CapaianPolicy.standard.cap == .none)
        #expect(CapaianPolicy.standard.missValue == FixedDecimal.zero)
        #expect(CapaianPolicy.standard.floorAtZero)
    }

    // MARK: Formula ids

    @Test func every_result_names_the_formula_that_made_it() {
        let calculator = CapaianCalculator()
        let ordinal = IndicatorSpec(kind: .ordinal, ordinalScale: .predikatSakip)
        let threshold = IndicatorSpec(kind: .ordinal, ordinalScale: .predikatSakip, ordinalRule: .threshold)
        let cases: [(CapaianResult, String)] = [
            (capaian("90", of: "100"), "POS_R_T"),
            (capaian("6.5", of: "7", negative), "NEG_2T_R"),
            (capaian("6.5", of: "7", negativeRatio), "NEG_T_R"),
            (capaian("0", of: "0"), "ZERO_TARGET"),
            (calculator.capaian(of: .value(FixedDecimal(85)), against: .range(lower: FixedDecimal(80), upper: FixedDecimal(90)),
                                spec: positive), "RANGE_INSIDE"),
            (calculator.capaian(of: .binary(true), against: .binary(true), spec: IndicatorSpec(kind: .binary)), "BINARY"),
            (calculator.capaian(of: .ordinal(rank: 5), against: .ordinal(rank: 6), spec: ordinal), "ORD_RANK"),
            (calculator.capaian(of: .ordinal(rank: 5), against: .ordinal(rank: 6), spec: threshold), "ORD_THRESHOLD"),
            (calculator.capaian(of: .judged(FixedDecimal(70)), against: .qualitative, spec: IndicatorSpec(kind: .text)),
             "TEXT_JUDGED"),
            (calculator.capaian(of: .tdi, against: .value(FixedDecimal(1)), spec: positive), "NONE"),
        ]
        for (result, id) in cases {
            #expect(result.formula.rawValue == id)
            #expect(!result.formula.expression.isEmpty)
        }
        #expect(Set(CapaianFormula.allCases.map(\.rawValue)).count == CapaianFormula.allCases.count)
    }
}
