/// What the engine needs of one indicator to measure it through the year: its settings, targets and the accepted
/// realisation of each quarter.
public struct IndicatorMeasurement: Sendable, Hashable {
    public var key: String
    /// The sasaran the indicator measures: the first level of the roll-up.
    public var sasaran: String
    public var spec: IndicatorSpec
    /// Its weight within the sasaran (1 unless configured).
    public var weight: FixedDecimal
    public var yearTarget: Target?
    /// TW I–IV targets (Rencana Aksi); nil where none is planned.
    public var periodTargets: [Target?]
    /// The accepted realisation of TW I–IV (of January–December when the indicator reports monthly); nil where none
    /// is accepted yet.
    public var accepted: [Realisasi?]
    /// The latest accepted year-end forecast.
    public var forecast: Realisasi?

    public init(key: String, sasaran: String, spec: IndicatorSpec, weight: FixedDecimal = FixedDecimal(1),
                yearTarget: Target?, periodTargets: [Target?], accepted: [Realisasi?], forecast: Realisasi? = nil)
    {
        self.key = key
        self.sasaran = sasaran
        self.spec = spec
        self.weight = weight
        self.yearTarget = yearTarget
        self.periodTargets = periodTargets
        self.accepted = accepted
        self.forecast = forecast
    }
}

/// One indicator measured: the figure to date, the path quarter by quarter, and the year-end forecast.
public struct IndicatorCapaian: Sendable, Hashable {
    public var key: String
    /// Through the sheet's quarter.
    public var toDate: PeriodCapaian
    /// To date through TW I, TW II, … TW IV: the trend.
    public var path: [PeriodCapaian]
    /// The forecast against the year target.
    public var forecast: CapaianResult
    public var predikat: PredikatBand?
    public var forecastPredikat: PredikatBand?
}

/// A set of indicators (a PK, a unit, the Pemda) measured through one quarter and rolled up indikator → sasaran →
/// whole, TDI and pending left out of every mean and counted.
public struct CapaianSheet: Sendable, Hashable {
    public struct Sasaran: Sendable, Hashable {
        public var name: String
        public var keys: [String]
        public var toDate: RollupResult
        public var forecast: RollupResult
    }

    public var through: Int
    public var indicators: [IndicatorCapaian]
    public var sasaran: [Sasaran]
    public var total: RollupResult
    public var forecastTotal: RollupResult
    public var predikat: PredikatBand?
}

extension CapaianEngine {
    public func measure(_ m: IndicatorMeasurement, through period: Int) -> IndicatorCapaian {
        let path = Triwulan.all.map { q in
            evaluate(spec: m.spec, yearTarget: m.yearTarget, periodTargets: m.periodTargets, realisasi: m.accepted, through: q)
        }
        let through = min(max(period, 1), 4)
        var forecast = CapaianResult.pending
        if let target = m.yearTarget, let value = m.forecast {
            forecast = calculator.capaian(of: value, against: target, spec: m.spec)
        }
        return IndicatorCapaian(key: m.key, toDate: path[through - 1], path: path, forecast: forecast,
                                predikat: predikat(of: path[through - 1].capaian), forecastPredikat: predikat(of: forecast))
    }

    public func sheet(_ measurements: [IndicatorMeasurement], through period: Int) -> CapaianSheet {
        sheet(measurements, measured: measurements.map { measure($0, through: period) }, through: period)
    }

    /// The sheet of indicators already measured (each `measure` holds the whole TW I–IV path), read at `period`: a
    /// trend needs the same indicators rolled up at every quarter, and measuring them again four times would be waste.
    public func sheet(_ measurements: [IndicatorMeasurement], measured: [IndicatorCapaian], through period: Int) -> CapaianSheet {
        let through = min(max(period, 1), 4)
        // One measured indicator per measurement, or the roll-up below would read past the end.
        let measured = measured.count == measurements.count ? measured : measurements.map { measure($0, through: through) }
        let indicators = measured.map { c in
            var at = c
            at.toDate = c.path.indices.contains(through - 1) ? c.path[through - 1] : c.toDate
            at.predikat = predikat(of: at.toDate.capaian)
            return at
        }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, m) in measurements.enumerated() {
            if members[m.sasaran] == nil { order.append(m.sasaran) }
            members[m.sasaran, default: []].append(index)
        }
        let sasaran = order.map { name in
            let indices = members[name] ?? []
            return CapaianSheet.Sasaran(
                name: name, keys: indices.map { measurements[$0].key },
                toDate: Rollup.weightedMean(indices.map { (measurements[$0].weight, RollupResult(indicators[$0].toDate.capaian)) }),
                forecast: Rollup.weightedMean(indices.map { (measurements[$0].weight, RollupResult(indicators[$0].forecast)) }))
        }
        let total = Rollup.mean(sasaran.map(\.toDate))
        return CapaianSheet(through: through, indicators: indicators, sasaran: sasaran, total: total,
                            forecastTotal: Rollup.mean(sasaran.map(\.forecast)),
                            predikat: total.capaian.map { scale.band(for: $0) })
    }
}
