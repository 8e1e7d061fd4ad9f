import Foundation
import KinerjaCore
import Testing

/// An indicator whose Manual IKU says monthly: twelve entries a year, measured per quarter through the months up to
/// the quarter's end, against the quarterly plan.
@Suite struct MonthlyReportingTests {
    let engine = CapaianEngine()
    let plan: [Target?] = [.value(d("30")), .value(d("30")), .value(d("30")), .value(d("30"))]

    func months(_ filled: [String?]) -> [Realisasi?] {
        (0..<12).map { i in i < filled.count ? filled[i].map { .value(d($0)) } : nil }
    }

    @Test func a_summed_monthly_indicator_adds_the_months_up_to_the_quarter() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum, reporting: .monthly)
        let year = months(["8", "10", "12", "9", "11", "13", "20"])
        let tw1 = engine.evaluate(spec: spec, yearTarget: .value(d("120")), periodTargets: plan, realisasi: year, through: 1)
        #expect(tw1.realisasi.value == .value(d("30")), "January to March")
        #expect(tw1.realisasi.reportedPeriods == 3)
        #expect(tw1.capaian.raw == d("100"))
        let tw2 = engine.evaluate(spec: spec, yearTarget: .value(d("120")), periodTargets: plan, realisasi: year, through: 2)
        #expect(tw2.realisasi.value == .value(d("63")), "January to June; July is not read before TW III")
        #expect(tw2.target == .value(d("60")))
        #expect(tw2.capaian.raw == d("105"))
    }

    @Test func a_cumulative_monthly_indicator_takes_the_latest_month_to_the_quarters_end() {
        let spec = IndicatorSpec(kind: .percent, entryMode: .cumulative, reporting: .monthly)
        let year = months(["5", "11", "18", "24", "31", nil, "55"])
        let tw2 = engine.evaluate(spec: spec, yearTarget: .value(d("100")), periodTargets: [.value(d("20")), .value(d("40")), nil, nil],
                                  realisasi: year, through: 2)
        #expect(tw2.realisasi.value == .value(d("31")), "June is missing: May is the latest to date, July comes later")
        #expect(tw2.capaian.raw == d("77.5"))
    }

    @Test func a_tdi_month_is_left_out_and_marks_a_sum_partial() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum, reporting: .monthly)
        var year = months(["8", "10", "12"])
        year[1] = .tdi
        let tw1 = engine.evaluate(spec: spec, yearTarget: .value(d("120")), periodTargets: plan, realisasi: year, through: 1)
        #expect(tw1.realisasi.value == .value(d("20")), "TDI is never read as 0, nor as a value")
        #expect(tw1.realisasi.tdiPeriods == 1)
        #expect(tw1.capaian.flags.contains(.partialPeriods))
    }

    @Test func a_quarterly_table_combines_the_months_of_the_quarter_alone() {
        let sum = IndicatorSpec(kind: .numeric, aggregation: .sum, reporting: .monthly)
        let last = IndicatorSpec(kind: .numeric, aggregation: .last, reporting: .monthly)
        let year = months(["8", "10", "12", "9", "11", nil])
        #expect(PeriodAggregation.quarterValue(year, quarter: 2, spec: sum) == .value(d("20")))
        #expect(PeriodAggregation.quarterValue(year, quarter: 2, spec: last) == .value(d("11")))
        #expect(PeriodAggregation.quarterValue(year, quarter: 3, spec: sum) == nil)
        #expect(PeriodAggregation.quarterValue(year, quarter: 0, spec: sum) == nil, "a quarter from outside is bounded")
        #expect(PeriodAggregation.quarterValue(year, quarter: Int.max, spec: sum) == nil)
        let quarterly = IndicatorSpec(kind: .numeric, aggregation: .sum)
        #expect(PeriodAggregation.quarterValue(values("1", "2", "3", "4"), quarter: 3, spec: quarterly) == .value(d("3")))
    }

    @Test func the_sheet_measures_a_monthly_indicator_like_a_quarterly_one() {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum, reporting: .monthly)
        let m = IndicatorMeasurement(key: "a", sasaran: "S", spec: spec, yearTarget: .value(d("120")), periodTargets: plan,
                                     accepted: months(["10", "10", "10", "10", "10", "10"]))
        let measured = engine.measure(m, through: 2)
        #expect(measured.path.map { $0.realisasi.value } == [.value(d("30")), .value(d("60")), .value(d("60")), .value(d("60"))])
        #expect(measured.toDate.capaian.raw == d("100"))
    }

    @Test func a_quarterly_spec_is_stored_as_before_and_a_monthly_one_says_so() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let quarterly = IndicatorSpec(kind: .percent, aggregation: .sum)
        // What signed PKs hold: the same bytes as before the reporting period existed.
        let old = #"{"aggregation":"sum","entryMode":"perPeriod","kind":"percent","negativeFormula":"inverse","ordinalRule":"rankRatio","polarity":"positive"}"#
        #expect(String(decoding: try encoder.encode(quarterly), as: UTF8.self) == old)
        #expect(try JSONDecoder().decode(IndicatorSpec.self, from: Data(old.utf8)) == quarterly)
        var monthly = quarterly
        monthly.reporting = .monthly
        let json = try encoder.encode(monthly)
        #expect(String(decoding: json, as: UTF8.self).contains(#""reporting":"monthly""#))
        #expect(try JSONDecoder().decode(IndicatorSpec.self, from: json) == monthly)
    }

    @Test func the_month_of_an_entry_must_fit_its_indicator_and_quarter() {
        #expect(violation { try Bulan.check(0, quarter: 2, reporting: .quarterly, field: .realisasi) } == nil)
        #expect(violation { try Bulan.check(4, quarter: 2, reporting: .quarterly, field: .realisasi) }?.code == "realisasi.month")
        #expect(violation { try Bulan.check(5, quarter: 2, reporting: .monthly, field: .realisasi) } == nil)
        let outside = violation { try Bulan.check(7, quarter: 2, reporting: .monthly, field: .realisasi) }
        #expect(outside?.message.id.contains("April, Mei, Juni") == true)
        #expect(violation { try Bulan.check(0, quarter: 2, reporting: .monthly, field: .realisasi) } != nil)
        #expect(violation { try Bulan.check(Int.min, quarter: Int.max, reporting: .monthly, field: .realisasi) } != nil)
        #expect(Array(Bulan.of(quarter: 4)) == [10, 11, 12] && Bulan.of(quarter: 9).isEmpty)
        #expect(Bulan.quarter(of: 12) == 4 && Bulan.quarter(of: Int.max) == 4 && Bulan.quarter(of: Int.min) == 1)
        #expect(ReportingPeriod.monthly.entries(throughQuarter: Int.max) == 12)
    }

    @Test func a_falling_cumulative_month_is_named_by_its_month() throws {
        let spec = IndicatorSpec(kind: .percent, entryMode: .cumulative, reporting: .monthly)
        let record = try #require(try? RealisasiEntryRules.validate(RealisasiDraft(key: "a", month: 5, value: "20"), spec: spec).get())
        let warnings = RealisasiWarnings.check(record, period: 2, spec: spec, earlier: months(["5", "11", "18", "24"]),
                                               periodTargets: plan, yearTarget: .value(d("100")))
        #expect(warnings.map(\.kind) == [.cumulativeFell], "May is not the quarter's end, so it is not set against the plan")
        #expect(warnings.first?.message.id.contains("Mei") == true && warnings.first?.message.id.contains("April") == true)
        // June closes TW II: far below the plan of 30 it is worth a look.
        let june = try #require(try? RealisasiEntryRules.validate(RealisasiDraft(key: "a", month: 6, value: "25"), spec: spec).get())
        let atEnd = RealisasiWarnings.check(june, period: 2, spec: spec, earlier: months(["5", "11", "18", "24", "25"]),
                                            periodTargets: [nil, .value(d("60")), nil, nil], yearTarget: .value(d("100")))
        #expect(atEnd.map(\.kind) == [.farFromPlan])
        #expect(atEnd.first?.message.id.contains("Realisasi Juni") == true)
    }

    @Test func a_month_of_a_summed_indicator_is_not_set_against_the_quarters_plan() throws {
        let spec = IndicatorSpec(kind: .numeric, aggregation: .sum, reporting: .monthly)
        let record = try #require(try? RealisasiEntryRules.validate(RealisasiDraft(key: "a", month: 1, value: "9"), spec: spec).get())
        #expect(RealisasiWarnings.check(record, period: 1, spec: spec, earlier: [], periodTargets: plan, yearTarget: nil).isEmpty)
    }

    @Test func a_monthly_quarter_is_seen_as_its_worst_month() {
        typealias Q = IndicatorWatch.Quarter
        #expect(Q.combining(months: [Q(latest: .diterima), Q(latest: .diterima), Q(latest: .diterima)], bukti: 1).latest == .diterima)
        #expect(Q.combining(months: [Q(latest: .diterima), Q(latest: .diajukan), Q(latest: .dikembalikan)], bukti: 0).latest == .dikembalikan)
        #expect(Q.combining(months: [Q(latest: .diterima), Q(latest: nil), Q(latest: .dikembalikan)], bukti: 0).latest == nil,
                "a month not entered leaves the quarter missing")
        let tdi = Q.combining(months: [Q(latest: .diterima), Q(latest: .diterima, isTdi: true), Q(latest: .diterima)], bukti: 2)
        #expect(tdi.isTdi && tdi.bukti == 2)
    }

    @Test func a_month_of_a_draft_is_named_apart_from_its_row() {
        let draft = RealisasiDraft(key: "s1.i2", month: 3, value: "TDI")
        #expect(draft.fieldKey == "s1.i2~3")
        guard case .failure(let found) = RealisasiEntryRules.validate(draft, spec: IndicatorSpec(kind: .numeric, reporting: .monthly)) else {
            Issue.record("TDI without a reason is refused")
            return
        }
        #expect(found.all.first?.field == .keyed("s1.i2~3", .reason))
    }
}
