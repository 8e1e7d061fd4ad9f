/// Capaian to date of an indicator with period (triwulan) targets and realisations.
public struct PeriodCapaian: Sendable, Hashable {
    /// The last period included (4 for the year when there are four triwulan).
    public var throughPeriod: Int
    public var realisasi: PeriodAggregate
    public var target: Target?
    public var capaian: CapaianResult
}

/// The one place where a capaian is computed: from raw period entries to year figure, capaian and predikat.
public struct CapaianEngine: Sendable {
    public var calculator: CapaianCalculator
    public var scale: PredikatScale

    public init(policy: CapaianPolicy = .standard, scale: PredikatScale = .permendagri86) {
        self.calculator = CapaianCalculator(policy: policy)
        self.scale = scale
    }

    public var policy: CapaianPolicy { calculator.policy }

    /// The capaian to date through quarter `period` (year-to-date when `period` is the last one). `realisasi` holds
    /// the year's entries in order: four quarters, or twelve months for a monthly indicator, whose figure through a
    /// quarter reads the months up to its end; targets stay per quarter (Rencana Aksi).
    public func evaluate(spec: IndicatorSpec, yearTarget: Target?, periodTargets: [Target?] = [],
                         realisasi: [Realisasi?], through period: Int) -> PeriodCapaian
    {
        let aggregate = PeriodAggregation.toDate(realisasi, through: spec.reporting.entries(throughQuarter: period), spec: spec)
        let target = PeriodAggregation.targetToDate(
            periodTargets: periodTargets, yearTarget: yearTarget, through: period, spec: spec)
        var result: CapaianResult
        if let target {
            result = calculator.capaian(of: aggregate.value, against: target, spec: spec)
        } else {
            // Without a target nothing can be computed, but "no data" is still worth saying.
            result = aggregate.value == .tdi ? .tdi : .pending
        }
        if result.status == .measured && aggregate.tdiPeriods > 0 && spec.entryMode == .perPeriod
            && spec.aggregation != .last
        {
            result.flags.insert(.partialPeriods)
        }
        return PeriodCapaian(throughPeriod: period, realisasi: aggregate, target: target, capaian: result)
    }

    /// The year's capaian: every period included, against the year target.
    public func year(spec: IndicatorSpec, yearTarget: Target, periodCount: Int = 4, realisasi: [Realisasi?])
        -> PeriodCapaian
    {
        evaluate(spec: spec, yearTarget: yearTarget, realisasi: realisasi, through: periodCount)
    }

    public func predikat(of result: CapaianResult) -> PredikatBand? {
        result.capped.flatMap { scale.band(for: $0) }
    }
}
