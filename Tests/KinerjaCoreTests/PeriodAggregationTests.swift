import KinerjaCore
import Testing

@Suite struct PeriodAggregationTests {
    private func spec(_ aggregation: Aggregation, _ entryMode: EntryMode = .perPeriod) -> IndicatorSpec {
        IndicatorSpec(kind: .numeric, aggregation: aggregation, entryMode: entryMode)
    }

    private func figure(_ entries: [Realisasi?], _ aggregation: Aggregation, _ mode: EntryMode = .perPeriod,
                        through period: Int = 4) -> Realisasi?
    {
        PeriodAggregation.toDate(entries, through: period, spec: spec(aggregation, mode)).value
    }

    // MARK: Realisations

    @Test(arguments: [(Aggregation.sum, "100"), (.average, "25"), (.last, "30"), (.max, "40"), (.min, "10")])
    func the_year_figure_follows_the_aggregation(aggregation: Aggregation, expected: String) {
        #expect(figure(values("10", "40", "20", "30"), aggregation) == .value(d(expected)))
    }

    @Test(arguments: [(Aggregation.sum, "30"), (.average, "15"), (.last, "20"), (.max, "20"), (.min, "10")])
    func the_figure_to_triwulan_ii_covers_only_the_first_two_periods(aggregation: Aggregation, expected: String) {
        let aggregate = PeriodAggregation.toDate(values("10", "20", "30", "40"), through: 2, spec: spec(aggregation))
        #expect(aggregate.value == .value(d(expected)))
        #expect(aggregate.reportedPeriods == 2)
    }

    @Test func a_sum_beyond_the_representable_range_saturates_instead_of_trapping() {
        // Four quarters of Rp 3 triliun: 12 triliun is beyond the 9,2 triliun that six decimals leave room for.
        let entries = values("3000000000000", "3000000000000", "3000000000000", "3000000000000")
        #expect(figure(entries, .sum) == .value(FixedDecimal.max))
    }

    @Test func the_average_is_rounded_at_six_decimals() {
        #expect(figure(values("1", "1", "2"), .average) == .value(d("1.333333")))
        #expect(figure(values("1", "2"), .average) == .value(d("1.5")))
    }

    @Test(arguments: Aggregation.allCases)
    func cumulative_entry_takes_the_latest_figure_whatever_the_aggregation(aggregation: Aggregation) {
        let entries = values("10", "25", "45", "70")
        #expect(figure(entries, aggregation, .cumulative) == .value(d("70")))
        #expect(figure(entries, aggregation, .cumulative, through: 2) == .value(d("25")))
    }

    @Test func cumulative_entry_skips_a_tdi_last_period() {
        let entries: [Realisasi?] = [.value(d("10")), .value(d("25")), .value(d("45")), .tdi]
        #expect(figure(entries, .sum, .cumulative) == .value(d("45")))
    }

    @Test func tdi_periods_are_skipped_never_read_as_0() {
        let entries: [Realisasi?] = [.value(d("10")), .tdi, .value(d("30")), .value(d("40"))]
        let sum = PeriodAggregation.toDate(entries, through: 4, spec: spec(.sum))
        #expect(sum.value == .value(d("80")))
        #expect(sum.reportedPeriods == 4)
        #expect(sum.tdiPeriods == 1)
        // Read as 0 the average would be 20; skipped it is 80 / 3.
        #expect(figure(entries, .average) == .value(d("26.666667")))
        #expect(figure(entries, .min) == .value(d("10")))
    }

    @Test func last_value_skips_a_tdi_last_period() {
        let entries: [Realisasi?] = [.value(d("10")), .value(d("30")), .tdi]
        #expect(figure(entries, .last) == .value(d("30")))
    }

    @Test func a_stretch_where_every_reported_period_is_tdi_is_tdi() {
        let aggregate = PeriodAggregation.toDate([.tdi, .tdi, nil, .tdi], through: 4, spec: spec(.sum))
        #expect(aggregate.value == .tdi)
        #expect(aggregate.reportedPeriods == 3)
        #expect(aggregate.tdiPeriods == 3)
    }

    @Test func nothing_reported_gives_no_figure() {
        let aggregate = PeriodAggregation.toDate([nil, nil, nil, nil], through: 4, spec: spec(.sum))
        #expect(aggregate.value == nil)
        #expect(aggregate.reportedPeriods == 0)
        #expect(aggregate.tdiPeriods == 0)
        #expect(PeriodAggregation.toDate([], through: 4, spec: spec(.sum)).value == nil)
        #expect(PeriodAggregation.toDate(values("5"), through: 0, spec: spec(.sum)).value == nil)
    }

    @Test func unreported_periods_are_left_out_not_read_as_0() {
        let aggregate = PeriodAggregation.toDate(values("10", nil, "30", nil), through: 4, spec: spec(.average))
        #expect(aggregate.value == .value(d("20")))
        #expect(aggregate.reportedPeriods == 2)
    }

    @Test func a_period_beyond_the_entries_uses_what_there_is() {
        #expect(figure(values("10", "20"), .sum, through: 4) == .value(d("30")))
    }

    @Test func binary_periods_take_yes_as_the_maximum() {
        let entries: [Realisasi?] = [.binary(false), .binary(true), .binary(false)]
        #expect(figure(entries, .max) == .binary(true))
        #expect(figure(entries, .min) == .binary(false))
        #expect(figure(entries, .last) == .binary(false))
    }

    @Test func ordinal_periods_are_ordered_by_rank() {
        let entries: [Realisasi?] = [.ordinal(rank: 3), .ordinal(rank: 5), .tdi, .ordinal(rank: 4)]
        #expect(figure(entries, .max) == .ordinal(rank: 5))
        #expect(figure(entries, .min) == .ordinal(rank: 3))
        #expect(figure(entries, .last) == .ordinal(rank: 4))
    }

    @Test func a_sum_of_non_numbers_falls_back_to_the_latest_entry() {
        let entries: [Realisasi?] = [.binary(true), .binary(false)]
        #expect(figure(entries, .sum) == .binary(false))
    }

    @Test func the_last_text_entry_decides_even_when_it_awaits_judgement() {
        let entries: [Realisasi?] = [.judged(FixedDecimal(80)), .awaitingJudgement]
        #expect(figure(entries, .last) == .awaitingJudgement)
        #expect(figure(entries, .max) == .judged(FixedDecimal(80)))
    }

    // MARK: Targets to date

    private func target(_ text: String) -> Target? { .value(d(text)) }

    @Test func period_targets_are_summed_for_a_sum_indicator() {
        let targets = [target("25"), target("25"), target("30"), target("20")]
        let toDate = PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: .value(FixedDecimal(100)),
                                                    through: 2, spec: spec(.sum))
        #expect(toDate == .value(FixedDecimal(50)))
    }

    @Test func period_targets_are_averaged_for_an_average_indicator() {
        let targets = [target("60"), target("70"), target("80"), target("90")]
        let toDate = PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: nil, through: 2,
                                                    spec: spec(.average))
        #expect(toDate == .value(FixedDecimal(65)))
    }

    @Test(arguments: [(EntryMode.cumulative, Aggregation.sum), (.perPeriod, .last)])
    func the_latest_period_target_is_the_target_to_date_for_cumulative_or_last(mode: EntryMode, aggregation: Aggregation) {
        let targets = [target("25"), target("50"), target("75"), target("100")]
        let toDate = PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: nil, through: 2,
                                                    spec: spec(aggregation, mode))
        #expect(toDate == .value(FixedDecimal(50)))
    }

    @Test func max_and_min_pick_the_extreme_period_target() {
        let targets = [target("5"), target("9"), target("7")]
        #expect(PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: nil, through: 3, spec: spec(.max))
            == .value(FixedDecimal(9)))
        #expect(PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: nil, through: 3, spec: spec(.min))
            == .value(FixedDecimal(5)))
    }

    @Test func range_period_targets_sum_bound_by_bound() {
        let targets: [Target?] = [.range(lower: FixedDecimal(10), upper: FixedDecimal(20)), .value(FixedDecimal(5))]
        let toDate = PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: nil, through: 2, spec: spec(.sum))
        #expect(toDate == .range(lower: FixedDecimal(15), upper: FixedDecimal(25)))
    }

    @Test func a_missing_period_target_in_the_stretch_falls_back_to_the_year_target() {
        let year = Target.value(FixedDecimal(100))
        let s = spec(.sum)
        #expect(PeriodAggregation.targetToDate(periodTargets: [target("25"), nil], yearTarget: year, through: 2, spec: s)
            == year)
        #expect(PeriodAggregation.targetToDate(periodTargets: [], yearTarget: year, through: 2, spec: s) == year)
        #expect(PeriodAggregation.targetToDate(periodTargets: [target("25")], yearTarget: year, through: 2, spec: s)
            == year)
        #expect(PeriodAggregation.targetToDate(periodTargets: [target("25")], yearTarget: year, through: 0, spec: s)
            == year)
    }

    @Test func period_targets_missing_only_after_the_stretch_are_not_needed() {
        let targets = [target("25"), target("25"), nil, nil]
        #expect(PeriodAggregation.targetToDate(periodTargets: targets, yearTarget: .value(FixedDecimal(100)),
                                               through: 2, spec: spec(.sum)) == .value(FixedDecimal(50)))
    }
}
