import KinerjaCore
import Testing

@Suite struct RollupTests {
    private func part(_ capaian: String) -> RollupResult {
        RollupResult(capaian: d(capaian), measured: 1, tdi: 0, pending: 0)
    }

    private let tdiPart = RollupResult(.tdi)
    private let pendingPart = RollupResult(.pending)

    @Test func equal_weights_are_the_default() {
        #expect(Rollup.mean([part("80"), part("100")]).capaian == FixedDecimal(90))
        #expect(Rollup.mean([part("80"), part("90"), part("100")]).capaian == FixedDecimal(90))
        #expect(Rollup.mean([part("100"), part("100"), part("0")]).capaian == d("66.666667"))
    }

    @Test func custom_weights_pull_the_mean_towards_the_heavier_part() {
        let result = Rollup.weightedMean([(weight: FixedDecimal(3), result: part("80")),
                                          (weight: FixedDecimal(1), result: part("100"))])
        #expect(result.capaian == FixedDecimal(85))
        #expect(result.measured == 2)
    }

    @Test func fractional_weights_are_exact() {
        let result = Rollup.weightedMean([(weight: d("0.25"), result: part("60")),
                                          (weight: d("0.75"), result: part("100"))])
        #expect(result.capaian == FixedDecimal(90))
    }

    @Test func tdi_and_pending_parts_are_left_out_of_the_mean_and_counted() {
        let result = Rollup.mean([part("80"), tdiPart, pendingPart, part("100")])
        #expect(result.capaian == FixedDecimal(90))
        #expect(result.measured == 2)
        #expect(result.tdi == 1)
        #expect(result.pending == 1)
        #expect(result.total == 4)
    }

    @Test func parts_with_no_positive_weight_are_counted_but_not_averaged() {
        let result = Rollup.weightedMean([(weight: FixedDecimal.zero, result: part("10")),
                                          (weight: FixedDecimal(-1), result: part("20")),
                                          (weight: FixedDecimal(1), result: part("90"))])
        #expect(result.capaian == FixedDecimal(90))
        #expect(result.measured == 3)
    }

    @Test func nothing_measured_gives_no_figure_but_keeps_the_counts() {
        let result = Rollup.mean([tdiPart, pendingPart, tdiPart])
        #expect(result.capaian == nil)
        #expect(result.tdi == 2)
        #expect(result.pending == 1)
        #expect(result.measured == 0)
        let empty = Rollup.mean([RollupResult]())
        #expect(empty.capaian == nil)
        #expect(empty.total == 0)
    }

    @Test func a_leaf_takes_the_capped_figure_and_its_status() {
        let over = CapaianResult(status: .measured, raw: FixedDecimal(150), capped: FixedDecimal(120),
                                 formula: .positiveRatio, flags: .cappedAbove)
        let leaf = RollupResult(over)
        #expect(leaf.capaian == FixedDecimal(120))
        #expect(leaf.measured == 1 && leaf.tdi == 0 && leaf.pending == 0)
        let tdi = RollupResult(.tdi)
        #expect(tdi.capaian == nil)
        #expect(tdi.tdi == 1 && tdi.measured == 0)
        let pending = RollupResult(.pending)
        #expect(pending.pending == 1 && pending.total == 1)
    }

    @Test func sasaran_unit_and_pemda_figures_nest_and_carry_the_leaf_counts_up() {
        let calculator = CapaianCalculator()
        func leaf(_ r: String, _ t: String) -> RollupResult {
            RollupResult(calculator.capaian(of: .value(d(r)), against: .value(d(t)), spec: positive))
        }
        // Sasaran A: 70% and one TDI. Sasaran B: 90%, 100%, 110% and one pending.
        let sasaranA = Rollup.mean([leaf("70", "100"), tdiPart])
        let sasaranB = Rollup.mean([leaf("90", "100"), leaf("100", "100"), leaf("110", "100"), pendingPart])
        #expect(sasaranA.capaian == FixedDecimal(70))
        #expect(sasaranB.capaian == FixedDecimal(100))
        // The unit is the mean of its sasaran (85), not of its leaves (92.5).
        let unit = Rollup.mean([sasaranA, sasaranB])
        #expect(unit.capaian == FixedDecimal(85))
        #expect(unit.measured == 4 && unit.tdi == 1 && unit.pending == 1)
        // A unit with only TDI has no figure, does not drag the Pemda down, and is still counted.
        let silentUnit = Rollup.mean([Rollup.mean([tdiPart, tdiPart])])
        #expect(silentUnit.capaian == nil)
        let pemda = Rollup.mean([unit, silentUnit])
        #expect(pemda.capaian == FixedDecimal(85))
        #expect(pemda.measured == 4)
        #expect(pemda.tdi == 3)
        #expect(pemda.pending == 1)
        #expect(pemda.total == 8)
    }
}
