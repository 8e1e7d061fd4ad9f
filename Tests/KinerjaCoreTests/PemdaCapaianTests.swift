import KinerjaCore
import Testing

/// The Pemda's roll-up indikator → sasaran → tujuan → misi → whole, by hand-worked figures, with weights, TDI and
/// the early warning of each indicator.
@Suite struct PemdaCapaianTests {
    let engine = CapaianEngine()
    let percent = IndicatorSpec(kind: .percent)

    func leaf(_ node: String, _ value: String?, weight: String = "1", tdi: Bool = false) -> CapaianTree.Leaf {
        let result: RollupResult = tdi ? RollupResult(.tdi)
            : value.map { RollupResult(capaian: d($0), measured: 1, tdi: 0, pending: 0) } ?? RollupResult(.pending)
        return CapaianTree.Leaf(node: node, weight: d(weight), toDate: result, forecast: result)
    }

    @Test func the_tree_takes_weighted_means_level_by_level_and_never_reads_tdi_as_zero() {
        // Misi M1 (weight 2) ← tujuan T1 ← sasaran S1 (80, 100) and S2 (TDI, 60);
        // misi M2 (weight 1) ← tujuan T2 ← sasaran S3 (weight 3: 90) and S4 (weight 1: 50).
        let tree = CapaianTree(nodes: [
            .init(id: "M1", parent: nil, weight: d("2")), .init(id: "M2", parent: nil),
            .init(id: "T1", parent: "M1"), .init(id: "T2", parent: "M2"),
            .init(id: "S1", parent: "T1"), .init(id: "S2", parent: "T1"),
            .init(id: "S3", parent: "T2", weight: d("3")), .init(id: "S4", parent: "T2"),
        ], leaves: [
            leaf("S1", "80"), leaf("S1", "100"), leaf("S2", nil, tdi: true), leaf("S2", "60"),
            leaf("S3", "90"), leaf("S4", "50"), leaf("unknown", "0"),
        ])
        // S1 = 90, S2 = 60 (the TDI is counted, not a 0), T1 = M1 = 75.
        #expect(tree.nodes["S1"]?.toDate.capaian == d("90"))
        #expect(tree.nodes["S2"]?.toDate.capaian == d("60"))
        #expect(tree.nodes["S2"]?.toDate.tdi == 1)
        #expect(tree.nodes["M1"]?.toDate.capaian == d("75"))
        // T2 = (3 × 90 + 50) / 4 = 80 = M2.
        #expect(tree.nodes["M2"]?.toDate.capaian == d("80"))
        // Whole = (2 × 75 + 80) / 3 = 76,666667; the leaf on an unknown node is left out.
        #expect(tree.total.toDate.capaian == d("76.666667"))
        #expect((tree.total.toDate.measured, tree.total.toDate.tdi) == (5, 1))
    }

    @Test func a_cycle_in_stored_parents_does_not_hang_or_trap() {
        let tree = CapaianTree(nodes: [.init(id: "A", parent: "B"), .init(id: "B", parent: "A"), .init(id: "C", parent: "C")],
                               leaves: [leaf("A", "50"), leaf("C", "70")])
        #expect(tree.total.toDate.capaian == d("70"))
        #expect(tree.nodes["A"] != nil)
    }

    func row(_ key: String, sasaran: String, target: String, accepted: [Realisasi?], forecast: Realisasi? = nil) -> IndicatorMeasurement {
        IndicatorMeasurement(key: key, sasaran: sasaran, spec: percent, yearTarget: .value(d(target)), periodTargets: [],
                             accepted: accepted, forecast: forecast)
    }

    @Test func units_are_measured_by_their_heads_and_the_pemda_by_the_rpjmd_tree_over_its_iku() {
        let iku = MeasuredPk(id: "kd", unit: nil, level: .pemda, measurements: [
            row("i1", sasaran: "Sasaran 1", target: "100", accepted: [.value(d("70")), .value(d("80")), nil, nil]),
            row("i2", sasaran: "Sasaran 2", target: "100", accepted: [.tdi, .tdi, nil, nil]),
            row("i3", sasaran: "Lepas", target: "50", accepted: [.value(d("50")), nil, nil, nil]),
        ], strategicNode: ["i1": "S1", "i2": "S2"])
        let dinas = MeasuredPk(id: "kadis", unit: "U1", level: .jpt, measurements: [
            row("a", sasaran: "X", target: "100", accepted: [.value(d("60")), .value(d("100")), nil, nil], forecast: .value(d("95"))),
        ])
        let eselonIV = MeasuredPk(id: "kasi", unit: "U1", level: .pengawas, measurements: [
            row("b", sasaran: "Y", target: "100", accepted: [.value(d("10")), nil, nil, nil]),
        ])
        let figures = PemdaCapaian(engine: engine, pks: [iku, dinas, eselonIV], strategicNodes: [
            .init(id: "M", parent: nil), .init(id: "T", parent: "M"),
            .init(id: "S1", parent: "T"), .init(id: "S2", parent: "T"),
        ], through: 2)
        // The unit is its head's PK (Eselon IV left out): 60 at TW I, 100 at TW II, forecast 95.
        #expect(figures.units["U1"]?.quarters.map(\.capaian) == [d("60"), d("100"), d("100"), d("100")].map(Optional.some))
        #expect(figures.units["U1"]?.forecast.capaian == d("95"))
        #expect(figures.sheets["kasi"]?.total.capaian == d("10"))
        #expect(figures.iku == "kd")
        // TW II: S1 = 80; S2 = TDI (nothing measured); M = 80; the unlinked row is a root of its own (100).
        // Whole = (80 + 100) / 2 = 90.
        #expect(figures.strategic["S1"]?.toDate.capaian == d("80"))
        #expect(figures.strategic["S2"]?.toDate.capaian == nil)
        #expect(figures.strategic["M"]?.toDate.capaian == d("80"))
        #expect(figures.pemda.at(2).capaian == d("90"))
        #expect(figures.pemda.at(2).tdi == 1)
        // TW I: S1 = 70, S2 = TDI, M = 70, whole = (70 + 100) / 2 = 85.
        #expect(figures.pemda.at(1).capaian == d("85"))
        // Out of range asks for nothing and does not trap.
        #expect(figures.pemda.at(9).capaian == nil)
    }

    @Test func the_early_warning_names_each_reason_once_in_order() throws {
        let windows: [JadwalWindow?] = [
            try JadwalWindow(stage: .realisasiTw1, opens: day("2026-04-01"), closes: day("2026-04-20")),
            try JadwalWindow(stage: .realisasiTw2, opens: day("2026-07-01"), closes: day("2026-07-20")),
            try JadwalWindow(stage: .realisasiTw3, opens: day("2026-10-01"), closes: day("2026-10-20"), reopenedUntil: day("2026-12-20")),
            nil,
        ]
        let m = row("a", sasaran: "S", target: "100", accepted: [.value(d("60")), nil, nil, nil], forecast: .value(d("85")))
        let capaian = engine.measure(m, through: 3)
        let watch = IndicatorWatch(key: "a", quarters: [
            .init(latest: .diterima, bukti: 0),
            .init(latest: nil),
            .init(latest: .dikembalikan, bukti: 2),
            .init(latest: nil),
        ], capaian: capaian)
        let signals = EarlyWarning.signals(watch, windows: windows, today: day("2026-12-01"))
        // TW I has no evidence; TW II closed empty; TW III is returned (its window is reopened, so not "missing");
        // TW IV has no window; the forecast of 85 is short of the target.
        #expect(signals == [
            EarlyWarningSignal(kind: .returned, period: 3),
            EarlyWarningSignal(kind: .missing, period: 2),
            EarlyWarningSignal(kind: .buktiMissing, period: 1),
            EarlyWarningSignal(kind: .forecastBelowTarget, period: 1, capaian: d("85")),
        ])
        let tdi = IndicatorWatch(key: "a", quarters: [.init(latest: .diterima, isTdi: true)], capaian: engine.measure(
            row("a", sasaran: "S", target: "100", accepted: [.tdi, nil, nil, nil]), through: 1))
        #expect(EarlyWarning.signals(tdi, windows: [], today: day("2026-12-01")) == [EarlyWarningSignal(kind: .tdi, period: 1)])
    }

    @Test func huge_weights_and_saturated_figures_neither_trap_nor_outweigh_the_cap() {
        let top = RollupResult(capaian: FixedDecimal(units: Int64.max), measured: 1, tdi: 0, pending: 0)
        let parts = Array(repeating: (weight: FixedDecimal(units: Int64.max), result: top), count: 5)
            + [(weight: FixedDecimal(1), result: RollupResult(capaian: d("50"), measured: 1, tdi: 0, pending: 0))]
        let mean = Rollup.weightedMean(parts)
        #expect(mean.measured == 6)
        #expect(mean.capaian != nil && mean.capaian! > d("50"))
        // A weight above the maximum counts as the maximum: 1000 × 100 and 1 × 0 give 99,9001 (to six decimals).
        let capped = Rollup.weightedMean([(weight: d("5000"), result: RollupResult(capaian: d("100"), measured: 1, tdi: 0, pending: 0)),
                                          (weight: d("1"), result: RollupResult(capaian: d("0"), measured: 1, tdi: 0, pending: 0))])
        #expect(capped.capaian == d("99.9001"))
    }
}
