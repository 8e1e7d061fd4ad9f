import KinerjaCore
import Testing

@Suite struct CapaianEngineTests {
    let engine = CapaianEngine()
    let quarterly: [Target?] = [.value(FixedDecimal(25)), .value(FixedDecimal(25)), .value(FixedDecimal(25)),
                                .value(FixedDecimal(25))]

    @Test func year_to_date_at_triwulan_ii_compares_with_the_quarterly_targets_to_date() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum)
        let result = engine.evaluate(spec: spec, yearTarget: .value(FixedDecimal(100)), periodTargets: quarterly,
                                     realisasi: values("20", "30", nil, nil), through: 2)
        #expect(result.throughPeriod == 2)
        #expect(result.realisasi.value == .value(FixedDecimal(50)))
        #expect(result.target == .value(FixedDecimal(50)))
        #expect(result.capaian.raw == FixedDecimal(100))
        #expect(result.capaian.formula == .positiveRatio)
    }

    @Test func year_to_date_without_period_targets_uses_the_year_target() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum)
        let result = engine.evaluate(spec: spec, yearTarget: .value(FixedDecimal(100)),
                                     realisasi: values("20", "30", nil, nil), through: 2)
        #expect(result.target == .value(FixedDecimal(100)))
        #expect(result.capaian.raw == FixedDecimal(50))
    }

    @Test func cumulative_percent_at_triwulan_ii_compares_the_figure_to_date_with_the_target_to_date() {
        let spec = IndicatorSpec(kind: .percent, entryMode: .cumulative)
        let targets: [Target?] = [.value(FixedDecimal(25)), .value(FixedDecimal(50)), .value(FixedDecimal(75)),
                                  .value(FixedDecimal(100))]
        let result = engine.evaluate(spec: spec, yearTarget: .value(FixedDecimal(100)), periodTargets: targets,
                                     realisasi: values("20", "45"), through: 2)
        #expect(result.target == .value(FixedDecimal(50)))
        #expect(result.capaian.raw == FixedDecimal(90))
    }

    @Test func the_year_sums_four_triwulan_against_the_year_target() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum)
        let result = engine.year(spec: spec, yearTarget: .value(FixedDecimal(100)),
                                 realisasi: values("20", "30", "25", "35"))
        #expect(result.throughPeriod == 4)
        #expect(result.realisasi.value == .value(FixedDecimal(110)))
        #expect(result.capaian.raw == FixedDecimal(110))
    }

    @Test func the_year_of_an_average_negative_indicator_uses_the_mean_of_the_periods() {
        let spec = IndicatorSpec(kind: .percent, polarity: .negative, aggregation: .average)
        let result = engine.year(spec: spec, yearTarget: .value(FixedDecimal(8)), realisasi: values("10", "8", "9", "9"))
        #expect(result.realisasi.value == .value(FixedDecimal(9)))
        #expect(result.capaian.raw == d("87.5"))
    }

    @Test func tdi_periods_in_a_sum_flag_the_figure_as_partial() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum)
        let result = engine.year(spec: spec, yearTarget: .value(FixedDecimal(100)),
                                 realisasi: [.value(FixedDecimal(30)), .tdi, .value(FixedDecimal(30)), .value(FixedDecimal(30))])
        #expect(result.capaian.raw == FixedDecimal(90))
        #expect(result.capaian.flags.contains(.partialPeriods))
        #expect(result.realisasi.tdiPeriods == 1)
    }

    @Test(arguments: [IndicatorSpec(kind: .numeric, aggregation: .last),
                      IndicatorSpec(kind: .numeric, aggregation: .sum, entryMode: .cumulative)])
    func a_tdi_period_does_not_make_a_last_or_cumulative_figure_partial(spec: IndicatorSpec) {
        let result = engine.year(spec: spec, yearTarget: .value(FixedDecimal(100)),
                                 realisasi: [.value(FixedDecimal(30)), .tdi, .value(FixedDecimal(90)), .value(FixedDecimal(95))])
        #expect(result.capaian.raw == FixedDecimal(95))
        #expect(!result.capaian.flags.contains(.partialPeriods))
    }

    @Test func a_year_of_only_tdi_periods_has_status_tdi() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum)
        let result = engine.year(spec: spec, yearTarget: .value(FixedDecimal(100)), realisasi: [.tdi, .tdi, .tdi, .tdi])
        #expect(result.capaian.status == .tdi)
        #expect(result.capaian.capped == nil)
        #expect(result.realisasi.tdiPeriods == 4)
        #expect(engine.predikat(of: result.capaian) == nil)
    }

    @Test func without_any_target_the_capaian_is_pending() {
        let result = engine.evaluate(spec: positive, yearTarget: nil, realisasi: values("5"), through: 1)
        #expect(result.target == nil)
        #expect(result.capaian.status == .pending)
    }

    @Test func nothing_reported_yet_is_pending() {
        let result = engine.year(spec: positive, yearTarget: .value(FixedDecimal(10)), realisasi: [nil, nil, nil, nil])
        #expect(result.capaian.status == .pending)
        #expect(result.realisasi.reportedPeriods == 0)
    }

    @Test func the_engine_applies_its_policy_and_reads_the_predikat_from_the_capped_figure() {
        let capped = CapaianEngine(policy: CapaianPolicy(cap: .at110), scale: .sixLevel)
        let result = capped.year(spec: IndicatorSpec(kind: .numeric, aggregation: .sum),
                                 yearTarget: .value(FixedDecimal(100)), realisasi: values("50", "50", "30", "20"))
        #expect(result.capaian.raw == FixedDecimal(150))
        #expect(result.capaian.capped == FixedDecimal(110))
        #expect(capped.policy.cap == .at110)
        #expect(capped.predikat(of: result.capaian)?.label.id == "Memuaskan")
    }

    @Test func the_default_engine_uses_the_five_level_scale() {
        let result = engine.year(spec: positive, yearTarget: .value(FixedDecimal(100)), realisasi: values("90.5"))
        #expect(engine.predikat(of: result.capaian)?.label.id == "Tinggi")
        #expect(engine.scale.id == "permendagri86-5")
        #expect(engine.predikat(of: .pending) == nil)
    }
}

@Suite struct CapaianEngineEdgeTests {
    @Test func all_tdi_without_any_target_is_still_tdi() {
        let spec = IndicatorSpec(kind: .percent)
        let result = CapaianEngine().evaluate(spec: spec, yearTarget: nil, realisasi: [.tdi, .tdi, nil, nil], through: 4)
        #expect(result.capaian.status == .tdi)
        let nothing = CapaianEngine().evaluate(spec: spec, yearTarget: nil, realisasi: [nil, nil], through: 4)
        #expect(nothing.capaian.status == .pending)
    }

    @Test func the_smallest_units_value_is_clamped_so_negation_never_traps() {
        let lowest = FixedDecimal(units: Int64.min)
        #expect(lowest.units == Int64.min + 1)
        #expect((-lowest).units == Int64.max)
        #expect(lowest.magnitude.units == Int64.max)
    }
}
