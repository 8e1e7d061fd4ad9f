import KinerjaCore
import PropertyBased
import Testing

/// Laws that hold for any input, checked on random ones.
@Suite struct PropertyTests {
    /// Realisations and targets in units of 10⁻⁶, up to ±10⁹ (far beyond any real indicator).
    static let amount = Gen.int64(in: -1_000_000_000_000_000...1_000_000_000_000_000)
    static let positiveAmount = Gen.int64(in: 1...1_000_000_000_000_000)
    /// Capaian figures from 0 to 200%.
    static let percentUnits = Gen.int64(in: 0...200_000_000)

    private func value(_ units: Int64) -> FixedDecimal { FixedDecimal(units: units) }

    // MARK: Monotonicity

    @Test func positive_capaian_never_falls_when_realisation_rises() async {
        await propertyCheck(input: Self.amount, Self.amount, Self.amount, Gen<CapaianCap>.case) { t, r1, r2, cap in
            let calculator = CapaianCalculator(policy: CapaianPolicy(cap: cap))
            let spec = IndicatorSpec(kind: .numeric)
            let low = calculator.capaian(of: .value(value(min(r1, r2))), against: .value(value(t)), spec: spec)
            let high = calculator.capaian(of: .value(value(max(r1, r2))), against: .value(value(t)), spec: spec)
            let (lowRaw, highRaw) = (try #require(low.raw), try #require(high.raw))
            let (lowCapped, highCapped) = (try #require(low.capped), try #require(high.capped))
            #expect(lowRaw <= highRaw)
            #expect(lowCapped <= highCapped)
        }
    }

    @Test func negative_capaian_never_rises_when_realisation_rises() async {
        await propertyCheck(input: Self.amount, Self.amount, Self.amount, Gen<CapaianCap>.case) { t, r1, r2, cap in
            let calculator = CapaianCalculator(policy: CapaianPolicy(cap: cap))
            let spec = IndicatorSpec(kind: .numeric, polarity: .negative)
            let low = calculator.capaian(of: .value(value(min(r1, r2))), against: .value(value(t)), spec: spec)
            let high = calculator.capaian(of: .value(value(max(r1, r2))), against: .value(value(t)), spec: spec)
            let (lowRaw, highRaw) = (try #require(low.raw), try #require(high.raw))
            let (lowCapped, highCapped) = (try #require(low.capped), try #require(high.capped))
            #expect(lowRaw >= highRaw)
            #expect(lowCapped >= highCapped)
        }
    }

    @Test func negative_ratio_capaian_never_rises_when_a_positive_realisation_rises() async {
        await propertyCheck(input: Self.positiveAmount, Self.positiveAmount, Self.positiveAmount) { t, r1, r2 in
            let calculator = CapaianCalculator()
            let spec = IndicatorSpec(kind: .numeric, polarity: .negative, negativeFormula: .ratio)
            let low = calculator.capaian(of: .value(value(min(r1, r2))), against: .value(value(t)), spec: spec)
            let high = calculator.capaian(of: .value(value(max(r1, r2))), against: .value(value(t)), spec: spec)
            #expect(low.formula == .negativeRatio)
            let (lowRaw, highRaw) = (try #require(low.raw), try #require(high.raw))
            #expect(lowRaw >= highRaw)
        }
    }

    @Test func capaian_against_a_range_moves_with_the_polarity() async {
        await propertyCheck(input: Self.positiveAmount, Self.positiveAmount, Self.amount, Self.amount, Gen<Polarity>.case) {
            a, b, r1, r2, polarity in
            let target = Target.range(lower: value(min(a, b)), upper: value(max(a, b)))
            let spec = IndicatorSpec(kind: .percent, polarity: polarity)
            let calculator = CapaianCalculator(policy: CapaianPolicy(floorAtZero: false))
            let low = try #require(calculator.capaian(of: .value(value(min(r1, r2))), against: target, spec: spec).raw)
            let high = try #require(calculator.capaian(of: .value(value(max(r1, r2))), against: target, spec: spec).raw)
            #expect(polarity == .positive ? low <= high : low >= high)
        }
    }

    // MARK: Cap and floor

    @Test func the_capped_figure_lies_between_0_and_the_cap() async {
        let capped = Gen.int(in: 0...2).map { [CapaianCap.at100, .at110, .at120][$0] }
        await propertyCheck(input: Self.amount, Self.amount, Gen<Polarity>.case, Gen<NegativeFormula>.case, capped) {
            t, r, polarity, formula, cap in
            let spec = IndicatorSpec(kind: .numeric, polarity: polarity, negativeFormula: formula)
            let result = CapaianCalculator(policy: CapaianPolicy(cap: cap))
                .capaian(of: .value(value(r)), against: .value(value(t)), spec: spec)
            let raw = try #require(result.raw)
            let figure = try #require(result.capped)
            let limit = try #require(cap.limit)
            #expect(figure >= FixedDecimal.zero)
            #expect(figure <= limit)
            #expect(result.flags.contains(.cappedAbove) == (raw > limit))
            #expect(result.flags.contains(.flooredAtZero) == (raw < FixedDecimal.zero))
        }
    }

    // MARK: TDI never counts as zero

    @Test func adding_a_tdi_period_never_changes_the_figure_of_the_other_periods() async {
        let periods = Gen.int64(in: -1_000_000_000_000...1_000_000_000_000).array(of: 1...4)
        await propertyCheck(input: periods, Gen.int(in: 0...4), Gen<Aggregation>.case, Gen<EntryMode>.case) {
            numbers, position, aggregation, mode in
            let spec = IndicatorSpec(kind: .numeric, aggregation: aggregation, entryMode: mode)
            let entries: [Realisasi?] = numbers.map { .value(value($0)) }
            var withTDI = entries
            withTDI.insert(.tdi, at: min(position, entries.count))
            let before = PeriodAggregation.toDate(entries, through: entries.count, spec: spec)
            let after = PeriodAggregation.toDate(withTDI, through: withTDI.count, spec: spec)
            #expect(after.value == before.value)
            #expect(after.tdiPeriods == before.tdiPeriods + 1)
            #expect(after.reportedPeriods == before.reportedPeriods + 1)
        }
    }

    @Test func a_tdi_period_never_lowers_an_average_as_a_zero_would() async {
        let periods = Gen.int64(in: 1_000_000...1_000_000_000_000).array(of: 1...3)
        await propertyCheck(input: periods) { numbers in
            let spec = IndicatorSpec(kind: .numeric, aggregation: .average)
            let entries: [Realisasi?] = numbers.map { .value(value($0)) }
            let withTDI = PeriodAggregation.toDate(entries + [.tdi], through: 4, spec: spec).value
            let withZero = PeriodAggregation.toDate(entries + [.value(.zero)], through: 4, spec: spec).value
            guard case .value(let tdiFigure) = withTDI, case .value(let zeroFigure) = withZero else {
                Issue.record("expected numeric figures, got \(String(describing: withTDI)) and \(String(describing: withZero))")
                return
            }
            #expect(tdiFigure > zeroFigure)
        }
    }

    @Test func a_roll_up_with_an_extra_tdi_part_keeps_its_capaian_and_counts_one_more_tdi() async {
        let parts = Self.percentUnits.array(of: 0...12)
        await propertyCheck(input: parts, Gen.int(in: 0...12)) { figures, position in
            let results = figures.map { RollupResult(capaian: value($0), measured: 1, tdi: 0, pending: 0) }
            var withTDI = results
            withTDI.insert(RollupResult(.tdi), at: min(position, results.count))
            let before = Rollup.mean(results)
            let after = Rollup.mean(withTDI)
            #expect(after.capaian == before.capaian)
            #expect(after.tdi == before.tdi + 1)
            #expect(after.measured == before.measured)
        }
    }

    // MARK: Roll-up bounds

    @Test func a_weighted_mean_lies_between_the_smallest_and_largest_part() async {
        let parts = Gen.int64(in: -200_000_000...300_000_000).array(of: 1...12)
        let weights = Gen.int64(in: 1...10_000_000).array(of: 12)
        await propertyCheck(input: parts, weights) { figures, weightUnits in
            let weighted = zip(figures, weightUnits).map { figure, weight in
                (weight: value(weight), result: RollupResult(capaian: value(figure), measured: 1, tdi: 0, pending: 0))
            }
            let mean = try #require(Rollup.weightedMean(weighted).capaian)
            let smallest = try #require(figures.min())
            let largest = try #require(figures.max())
            #expect(mean >= value(smallest))
            #expect(mean <= value(largest))
            #expect(Rollup.weightedMean(weighted).measured == figures.count)
        }
    }

    // MARK: Numbers

    @Test func numbers_written_the_indonesian_way_read_back_exactly() async {
        await propertyCheck(input: Gen.int64(in: -9_000_000_000_000_000_000...9_000_000_000_000_000_000)) { units in
            let written = IDFormat.number(value(units))
            let parsed = try NumberInput.parse(written)
            #expect(parsed.value == value(units), "\(written)")
        }
    }

    @Test func canonical_text_reads_back_exactly() async {
        await propertyCheck(input: Gen.int64(in: (Int64.min + 1)...Int64.max)) { units in
            #expect(FixedDecimal(canonical: value(units).description) == value(units))
        }
    }

    @Test func division_error_is_at_most_half_a_unit() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000), Self.positiveAmount) { n, dd in
            let q = value(n) / value(dd)
            // |q·d − n·10⁶| ≤ d/2, all in units of 10⁻⁶.
            let error = Int128(q.units) * Int128(dd) - Int128(n) * 1_000_000
            #expect(error.magnitude * 2 <= UInt128(dd))
        }
    }
}
