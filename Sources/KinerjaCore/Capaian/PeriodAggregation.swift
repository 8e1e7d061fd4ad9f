/// The figure of an indicator to date, made from its period entries (sakip-rules §2.6).
public struct PeriodAggregate: Sendable, Hashable {
    /// The combined realisation; nil when nothing was reported in the stretch.
    public var value: Realisasi?
    /// Periods with an entry, TDI included.
    public var reportedPeriods: Int
    /// Periods whose entry is TDI.
    public var tdiPeriods: Int
}

/// Combines period values into the figure to date, following the indicator's aggregation and entry mode.
///
/// - Entries are per period, 1-based (index 0 is Triwulan I); `nil` means not reported yet.
/// - TDI periods are skipped, never read as 0; when every reported period is TDI the figure is TDI.
/// - With cumulative entry each value already is the figure to date, so the latest period with data is taken,
///   whatever the aggregation.
public enum PeriodAggregation {
    public static func toDate(_ entries: [Realisasi?], through period: Int, spec: IndicatorSpec) -> PeriodAggregate {
        // One pass without allocation: this runs for every indicator of a national year.
        var reported = 0
        var tdi = 0
        var latest: Realisasi?
        var extreme: Realisasi?
        var total = FixedDecimal.zero
        var numbers = 0
        let wantsExtreme = spec.aggregation == .max || spec.aggregation == .min
        for entry in entries.prefix(Swift.max(0, period)) {
            guard let entry else { continue }
            reported += 1
            if entry.isTDI {
                tdi += 1
                continue
            }
            latest = entry
            if case .value(let v) = entry {
                total += v
                numbers += 1
            }
            if wantsExtreme {
                if let current = extreme {
                    let better = spec.aggregation == .max ? precedes(current, entry) : precedes(entry, current)
                    if better { extreme = entry }
                } else {
                    extreme = entry
                }
            }
        }
        guard reported > 0 else { return PeriodAggregate(value: nil, reportedPeriods: 0, tdiPeriods: 0) }
        guard let latest else { return PeriodAggregate(value: .tdi, reportedPeriods: reported, tdiPeriods: tdi) }
        let value: Realisasi
        if spec.entryMode == .cumulative {
            value = latest
        } else {
            switch spec.aggregation {
            case .last: value = latest
            case .max, .min: value = extreme ?? latest
            case .sum: value = numbers > 0 ? .value(total) : latest
            case .average: value = numbers > 0 ? .value(total / FixedDecimal(numbers)) : latest
            }
        }
        return PeriodAggregate(value: value, reportedPeriods: reported, tdiPeriods: tdi)
    }

    /// The value of one quarter alone, as a quarterly table shows it: the quarter's entry, or for twelve monthly
    /// entries its three months combined the way the indicator combines periods (summed, averaged, the last one, …).
    public static func quarterValue(_ entries: [Realisasi?], quarter: Int, spec: IndicatorSpec) -> Realisasi? {
        guard Triwulan.all.contains(quarter) else { return nil }
        if spec.reporting == .monthly && entries.count == 12 {
            let months = Array(entries[(quarter * 3 - 3)..<(quarter * 3)])
            return toDate(months, through: 3, spec: spec).value
        }
        return entries.indices.contains(quarter - 1) ? entries[quarter - 1] : nil
    }

    /// Orders realisations of one shape for max/min: numbers by value, yes after no, ordinals by rank.
    static func precedes(_ a: Realisasi, _ b: Realisasi) -> Bool {
        switch (a, b) {
        case (.value(let x), .value(let y)), (.judged(let x), .judged(let y)): x < y
        case (.binary(let x), .binary(let y)): !x && y
        case (.ordinal(let x), .ordinal(let y)): x < y
        default: false
        }
    }

    /// The target to date from the period targets (Rencana Aksi), combined the way realisations are; falls back to
    /// the year target when the period targets are missing for the stretch.
    public static func targetToDate(periodTargets: [Target?], yearTarget: Target?, through period: Int,
                                    spec: IndicatorSpec) -> Target?
    {
        let stretch = Array(periodTargets.prefix(Swift.max(0, period)))
        guard stretch.count == period, period > 0, stretch.allSatisfy({ $0 != nil }) else { return yearTarget }
        let targets = stretch.map { $0! }
        if spec.entryMode == .cumulative || spec.aggregation == .last { return targets.last }
        switch spec.aggregation {
        case .last: return targets.last
        case .sum, .average:
            var lower = FixedDecimal.zero
            var upper = FixedDecimal.zero
            var isRange = false
            for target in targets {
                switch target {
                case .value(let v):
                    lower += v
                    upper += v
                case .range(let a, let b):
                    lower += a
                    upper += b
                    isRange = true
                default: return targets.last
                }
            }
            if spec.aggregation == .average {
                lower = lower / FixedDecimal(targets.count)
                upper = upper / FixedDecimal(targets.count)
            }
            return isRange ? .range(lower: lower, upper: upper) : .value(lower)
        case .max, .min:
            let ordered = targets.sorted { a, b in
                switch (a, b) {
                case (.value(let x), .value(let y)): x < y
                case (.ordinal(let x), .ordinal(let y)): x < y
                case (.binary(let x), .binary(let y)): !x && y
                default: false
                }
            }
            return spec.aggregation == .max ? ordered.last : ordered.first
        }
    }
}
