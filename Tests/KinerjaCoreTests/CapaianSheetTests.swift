import KinerjaCore
import Testing

/// The sheet rolls indicators up to sasaran and to the whole by hand-checkable figures, and never counts TDI as 0.
@Suite struct CapaianSheetTests {
    let engine = CapaianEngine()

    @Test func indicators_roll_up_to_sasaran_and_the_whole_without_reading_tdi_as_zero() {
        let percent = IndicatorSpec(kind: .percent)
        let negative = IndicatorSpec(kind: .percent, polarity: .negative)
        let cumulative = IndicatorSpec(kind: .numeric, aggregation: .last, entryMode: .cumulative)
        let sheet = engine.sheet([
            // 80 of 100: 80%.
            IndicatorMeasurement(key: "a", sasaran: "S1", spec: percent, yearTarget: .value(d("100")), periodTargets: [],
                                 accepted: [.value(d("80")), nil, nil, nil], forecast: .value(d("95"))),
            // Negative: target 7, realisation 6,5 → 107,142857%.
            IndicatorMeasurement(key: "b", sasaran: "S1", spec: negative, yearTarget: .value(d("7")), periodTargets: [],
                                 accepted: [.value(d("6.5")), nil, nil, nil]),
            // TDI: left out of the mean, counted.
            IndicatorMeasurement(key: "c", sasaran: "S2", spec: percent, yearTarget: .value(d("50")), periodTargets: [],
                                 accepted: [.tdi, nil, nil, nil]),
            // Range 80–90, realisation 92 → 102,222222%.
            IndicatorMeasurement(key: "d", sasaran: "S2", spec: percent, yearTarget: .range(lower: d("80"), upper: d("90")),
                                 periodTargets: [], accepted: [.value(d("92")), nil, nil, nil]),
            // Cumulative to date against the cumulative quarter target: 30 of 40 at TW II.
            IndicatorMeasurement(key: "e", sasaran: "S3", spec: cumulative, yearTarget: .value(d("100")),
                                 periodTargets: [.value(d("20")), .value(d("40")), .value(d("70")), .value(d("100"))],
                                 accepted: [.value(d("15")), .value(d("30")), nil, nil]),
        ], through: 2)
        let byKey = Dictionary(uniqueKeysWithValues: sheet.indicators.map { ($0.key, $0) })
        #expect(byKey["a"]?.toDate.capaian.capped == d("80"))
        #expect(byKey["a"]?.forecast.capped == d("95"))
        #expect(byKey["b"]?.toDate.capaian.capped == d("107.142857"))
        #expect(byKey["c"]?.toDate.capaian.status == .tdi)
        #expect(byKey["d"]?.toDate.capaian.capped == d("102.222222"))
        #expect(byKey["e"]?.toDate.capaian.capped == d("75"))
        #expect(byKey["e"]?.path.map(\.capaian.capped) == [d("75"), d("75"), d("42.857143"), d("30")])
        #expect(sheet.sasaran.map(\.name) == ["S1", "S2", "S3"])
        // S1 = (80 + 107,142857) / 2; S2 = 102,222222 (the TDI is not a 0); S3 = 75.
        #expect(sheet.sasaran[0].toDate.capaian == d("93.571429"))
        #expect(sheet.sasaran[1].toDate.capaian == d("102.222222"))
        #expect(sheet.sasaran[1].toDate.tdi == 1)
        #expect(sheet.total.capaian == d("90.26455"))
        #expect((sheet.total.measured, sheet.total.tdi, sheet.total.pending) == (4, 1, 0))
        #expect(sheet.predikat?.label.id == "Tinggi")
    }

    @Test func weights_move_the_sasaran_figure() {
        let spec = IndicatorSpec(kind: .percent)
        let sheet = engine.sheet([
            IndicatorMeasurement(key: "a", sasaran: "S", spec: spec, weight: d("3"), yearTarget: .value(d("100")), periodTargets: [],
                                 accepted: [.value(d("100")), nil, nil, nil]),
            IndicatorMeasurement(key: "b", sasaran: "S", spec: spec, weight: d("1"), yearTarget: .value(d("100")), periodTargets: [],
                                 accepted: [.value(d("60")), nil, nil, nil]),
        ], through: 1)
        #expect(sheet.total.capaian == d("90"))
    }
}
