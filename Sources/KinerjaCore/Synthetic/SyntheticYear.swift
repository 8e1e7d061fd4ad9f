/// A whole year of performance data made up from a seed, with the shape of the real thing (data/SCALE.md): Pemda →
/// units → sasaran → indicators with four triwulan realisations. Used by the benchmark and the property tests.
public struct SyntheticYear: Sendable {
    public struct Indicator: Sendable {
        public var spec: Int
        public var yearTarget: Target
        public var realisasi: [Realisasi?]
    }

    /// The distinct indicator settings; indicators refer to them by index.
    public var specs: [IndicatorSpec]
    public var indicators: [Indicator]
    /// Start offsets into `indicators` of each sasaran, plus a final end offset.
    public var sasaranBounds: [Int]
    /// Start offsets into the sasaran of each unit, plus a final end offset.
    public var unitBounds: [Int]
    /// Start offsets into the units of each Pemda, plus a final end offset.
    public var pemdaBounds: [Int]

    public var periodValueCount: Int { indicators.reduce(0) { $0 + $1.realisasi.count { $0 != nil } } }

    /// - Parameters:
    ///   - pemdaCount: 546 for the whole country.
    ///   - indicatorsPerPemda: about 2,930 gives the national 1.6M.
    public static func generate(seed: UInt64, pemdaCount: Int, unitsPerPemda: Int = 45,
                                indicatorsPerPemda: Int = 2_930) -> SyntheticYear
    {
        var random = SeededRandom(seed: seed)
        let specs: [IndicatorSpec] = [
            IndicatorSpec(kind: .numeric, aggregation: .sum),
            IndicatorSpec(kind: .percent, aggregation: .last),
            IndicatorSpec(kind: .percent, entryMode: .cumulative),
            IndicatorSpec(kind: .numeric, polarity: .negative, aggregation: .last),
            IndicatorSpec(kind: .percent, polarity: .negative, negativeFormula: .ratio, aggregation: .average),
            IndicatorSpec(kind: .index, aggregation: .max),
            IndicatorSpec(kind: .binary, aggregation: .last),
            IndicatorSpec(kind: .ordinal, aggregation: .last, ordinalScale: .predikatSakip),
            IndicatorSpec(kind: .text, aggregation: .last),
        ]
        var indicators: [Indicator] = []
        indicators.reserveCapacity(pemdaCount * indicatorsPerPemda)
        var sasaranBounds: [Int] = []
        var unitBounds: [Int] = []
        var pemdaBounds: [Int] = []
        let perUnit = max(1, indicatorsPerPemda / max(1, unitsPerPemda))
        for _ in 0..<pemdaCount {
            pemdaBounds.append(unitBounds.count)
            for _ in 0..<unitsPerPemda {
                unitBounds.append(sasaranBounds.count)
                var made = 0
                while made < perUnit {
                    sasaranBounds.append(indicators.count)
                    let size = min(perUnit - made, random.int(1...5))
                    for _ in 0..<size { indicators.append(makeIndicator(&random)) }
                    made += size
                }
            }
        }
        sasaranBounds.append(indicators.count)
        unitBounds.append(sasaranBounds.count - 1)
        pemdaBounds.append(unitBounds.count - 1)
        return SyntheticYear(specs: specs, indicators: indicators, sasaranBounds: sasaranBounds,
                             unitBounds: unitBounds, pemdaBounds: pemdaBounds)
    }

    static func makeIndicator(_ random: inout SeededRandom) -> Indicator {
        func value(_ range: ClosedRange<Int>) -> FixedDecimal { FixedDecimal(units: Int64(random.int(range)) * 10_000) }
        func periods(_ make: (inout SeededRandom, Int) -> Realisasi) -> [Realisasi?] {
            (1...4).map { quarter in random.chance(2) ? .tdi : make(&random, quarter) }
        }
        let roll = random.int(0...99)
        switch roll {
        case 0..<40:
            let t = value(400...40_000)
            return Indicator(spec: 0, yearTarget: .value(t), realisasi: periods { r, _ in
                .value(FixedDecimal(units: t.units / 4 * Int64(r.int(60...130)) / 100)) })
        case 40..<55:
            return Indicator(spec: 1, yearTarget: .value(value(5_000...10_000)), realisasi: periods { r, _ in
                .value(FixedDecimal(units: Int64(r.int(3_000...10_000)) * 10_000)) })
        case 55..<65:
            var total: Int64 = 0
            return Indicator(spec: 2, yearTarget: .value(FixedDecimal(100)), realisasi: periods { r, _ in
                total += Int64(r.int(10...30)) * 1_000_000
                return .value(FixedDecimal(units: total)) })
        case 65..<77:
            let t = value(100...2_000)
            let rangeTarget = random.chance(25)
            return Indicator(spec: 3, yearTarget: rangeTarget ? .range(lower: t, upper: t + FixedDecimal(2)) : .value(t),
                             realisasi: periods { r, _ in .value(FixedDecimal(units: t.units * Int64(r.int(70...140)) / 100)) })
        case 77..<85:
            return Indicator(spec: 4, yearTarget: .value(value(200...1_500)), realisasi: periods { r, _ in
                .value(FixedDecimal(units: Int64(r.int(150...2_000)) * 10_000)) })
        case 85..<92:
            return Indicator(spec: 5, yearTarget: .value(value(6_000...8_000)), realisasi: periods { r, _ in
                .value(FixedDecimal(units: Int64(r.int(5_500...8_500)) * 10_000)) })
        case 92..<96:
            return Indicator(spec: 6, yearTarget: .binary(true), realisasi: periods { r, _ in .binary(r.chance(85)) })
        case 96..<98:
            return Indicator(spec: 7, yearTarget: .ordinal(rank: random.int(4...7)), realisasi: periods { r, _ in
                .ordinal(rank: r.int(3...7)) })
        default:
            return Indicator(spec: 8, yearTarget: .qualitative, realisasi: periods { r, _ in
                r.chance(90) ? .judged(FixedDecimal(units: Int64(r.int(50...100)) * 1_000_000)) : .awaitingJudgement })
        }
    }
}

/// The capaian of every indicator of a year, rolled up to sasaran, unit, Pemda and the nation.
public struct YearRollup: Sendable {
    public var pemda: [RollupResult]
    public var nation: RollupResult
    public var predikatCounts: [String: Int]
}

extension CapaianEngine {
    /// Computes and rolls up a whole synthetic year, with equal weights at every level.
    public func rollUp(_ year: SyntheticYear) -> YearRollup {
        var sasaran: [RollupResult] = []
        sasaran.reserveCapacity(year.sasaranBounds.count)
        var predikatCounts: [String: Int] = [:]
        let bandIDs = scale.bands.map(\.label.id)
        var bandTally = [Int](repeating: 0, count: bandIDs.count)
        var parts: [(weight: FixedDecimal, result: RollupResult)] = []
        for s in 0..<(year.sasaranBounds.count - 1) {
            parts.removeAll(keepingCapacity: true)
            for i in year.sasaranBounds[s]..<year.sasaranBounds[s + 1] {
                let indicator = year.indicators[i]
                let result = evaluate(spec: year.specs[indicator.spec], yearTarget: indicator.yearTarget,
                                      realisasi: indicator.realisasi, through: 4).capaian
                if let capped = result.capped, let band = scale.bands.firstIndex(where: { $0.admits(capped) }) {
                    bandTally[band] += 1
                }
                parts.append((FixedDecimal(1), RollupResult(result)))
            }
            sasaran.append(Rollup.weightedMean(parts))
        }
        var units: [RollupResult] = []
        for u in 0..<(year.unitBounds.count - 1) {
            units.append(Rollup.mean(sasaran[year.unitBounds[u]..<year.unitBounds[u + 1]]))
        }
        var pemda: [RollupResult] = []
        for p in 0..<(year.pemdaBounds.count - 1) {
            pemda.append(Rollup.mean(units[year.pemdaBounds[p]..<year.pemdaBounds[p + 1]]))
        }
        for (i, id) in bandIDs.enumerated() { predikatCounts[id] = bandTally[i] }
        return YearRollup(pemda: pemda, nation: Rollup.mean(pemda), predikatCounts: predikatCounts)
    }
}
