import KinerjaCore
import Testing

@Suite struct SyntheticYearTests {
    static let year = SyntheticYear.generate(seed: 7, pemdaCount: 2, unitsPerPemda: 5, indicatorsPerPemda: 60)

    @Test func the_same_seed_gives_the_same_year() {
        let again = SyntheticYear.generate(seed: 7, pemdaCount: 2, unitsPerPemda: 5, indicatorsPerPemda: 60)
        #expect(again.indicators.map(\.realisasi) == Self.year.indicators.map(\.realisasi))
        #expect(again.indicators.map(\.yearTarget) == Self.year.indicators.map(\.yearTarget))
        #expect(again.sasaranBounds == Self.year.sasaranBounds)
        let other = SyntheticYear.generate(seed: 8, pemdaCount: 2, unitsPerPemda: 5, indicatorsPerPemda: 60)
        #expect(other.indicators.map(\.realisasi) != Self.year.indicators.map(\.realisasi))
    }

    @Test func the_year_has_the_requested_shape() {
        let year = Self.year
        #expect(year.indicators.count == 2 * 5 * 12)
        #expect(year.pemdaBounds == [0, 5, 10])
        #expect(year.unitBounds.count == 11)
        #expect(year.sasaranBounds.first == 0)
        #expect(year.sasaranBounds.last == year.indicators.count)
        #expect(year.unitBounds.last == year.sasaranBounds.count - 1)
        #expect(zip(year.sasaranBounds, year.sasaranBounds.dropFirst()).allSatisfy { $0 < $1 })
        #expect(year.periodValueCount == year.indicators.count * 4)
        for spec in year.specs { #expect(throws: Never.self) { try spec.validate() } }
    }

    @Test func the_roll_up_counts_every_indicator_once() {
        let rollup = CapaianEngine().rollUp(Self.year)
        #expect(rollup.pemda.count == 2)
        #expect(rollup.nation.total == Self.year.indicators.count)
        #expect(rollup.pemda.map(\.total).reduce(0, +) == Self.year.indicators.count)
        #expect(rollup.predikatCounts.values.reduce(0, +) == rollup.nation.measured)
        #expect(Set(rollup.predikatCounts.keys) == Set(PredikatScale.permendagri86.bands.map(\.label.id)))
    }

    @Test func the_nation_is_the_mean_of_its_pemda_and_each_pemda_matches_the_engine() throws {
        let engine = CapaianEngine()
        let year = Self.year
        let rollup = engine.rollUp(year)
        #expect(rollup.nation.capaian == Rollup.mean(rollup.pemda).capaian)
        // Recompute the first Pemda by hand: indicator → sasaran → unit → Pemda, equal weights.
        var units: [RollupResult] = []
        for u in year.pemdaBounds[0]..<year.pemdaBounds[1] {
            var sasaran: [RollupResult] = []
            for s in year.unitBounds[u]..<year.unitBounds[u + 1] {
                let leaves = (year.sasaranBounds[s]..<year.sasaranBounds[s + 1]).map { i in
                    let indicator = year.indicators[i]
                    return RollupResult(engine.year(spec: year.specs[indicator.spec], yearTarget: indicator.yearTarget,
                                                    realisasi: indicator.realisasi).capaian)
                }
                sasaran.append(Rollup.mean(leaves))
            }
            units.append(Rollup.mean(sasaran))
        }
        #expect(Rollup.mean(units) == rollup.pemda[0])
    }

    @Test func a_cap_in_the_policy_bounds_every_pemda_figure() throws {
        let rollup = CapaianEngine(policy: CapaianPolicy(cap: .at100)).rollUp(Self.year)
        for pemda in rollup.pemda {
            let figure = try #require(pemda.capaian)
            #expect(figure <= FixedDecimal(100))
            #expect(figure >= FixedDecimal.zero)
        }
    }

    @Test func seeded_random_is_reproducible_and_stays_in_range() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(Set(first).count == 100)
        var c = SeededRandom(seed: 1)
        for _ in 0..<1_000 { #expect((3...7).contains(c.int(3...7))) }
        var never = SeededRandom(seed: 3)
        #expect((0..<100).allSatisfy { _ in !never.chance(0) })
        var always = SeededRandom(seed: 3)
        #expect((0..<100).allSatisfy { _ in always.chance(100) })
    }
}
