/// A capaian combined from many indicators: sasaran from its indicators, a unit from its sasaran, the Pemda from its
/// units. Counts are of leaf indicators, so a Pemda figure can say "dari 120 indikator, 7 TDI".
public struct RollupResult: Sendable, Hashable {
    /// The weighted mean of the measured parts (capped capaian); nil when none was measured.
    public var capaian: FixedDecimal?
    public var measured: Int
    public var tdi: Int
    public var pending: Int

    public init(capaian: FixedDecimal?, measured: Int, tdi: Int, pending: Int) {
        self.capaian = capaian
        self.measured = measured
        self.tdi = tdi
        self.pending = pending
    }

    /// One indicator's result as a leaf of a roll-up.
    public init(_ result: CapaianResult) {
        capaian = result.status == .measured ? result.capped : nil
        measured = result.status == .measured ? 1 : 0
        tdi = result.status == .tdi ? 1 : 0
        pending = result.status == .pending ? 1 : 0
    }

    public var total: Int { measured + tdi + pending }
}

public enum Rollup {
    /// The weighted mean of parts with a figure. Parts without one (TDI, pending) are left out of the mean, never read
    /// as 0, and their counts are carried up. Weights of 0 or less are ignored; equal weights are the default.
    public static func weightedMean(_ parts: some Sequence<(weight: FixedDecimal, result: RollupResult)>)
        -> RollupResult
    {
        var numerator: Int128 = 0
        var denominator: Int128 = 0
        var measured = 0
        var tdi = 0
        var pending = 0
        for (weight, result) in parts {
            measured += result.measured
            tdi += result.tdi
            pending += result.pending
            if let capaian = result.capaian, weight.units > 0 {
                // A stored weight is bounded when it is entered, but a figure read back must never trap: weights are
                // capped here too, and the sums saturate (they cannot, within these bounds, for 10^9 parts).
                let w = Int128(min(weight.units, CapaianWeight.maximum.units))
                let (product, o1) = w.multipliedReportingOverflow(by: Int128(capaian.units))
                let (sum, o2) = numerator.addingReportingOverflow(product)
                numerator = o1 || o2 ? (product < 0 ? Int128.min / 2 : Int128.max / 2) : sum
                denominator += w
            }
        }
        let capaian = denominator == 0
            ? nil : FixedDecimal(saturating: FixedDecimal.divideRounded(numerator, by: denominator))
        return RollupResult(capaian: capaian, measured: measured, tdi: tdi, pending: pending)
    }

    public static func mean(_ parts: some Sequence<RollupResult>) -> RollupResult {
        weightedMean(parts.lazy.map { (weight: FixedDecimal(1), result: $0) })
    }
}

extension RollupResult {
    /// The order of a ranking: a higher figure first, any figure before none; nil when the two rank the same (the
    /// caller breaks the tie, so that a ranking never depends on the order it was given).
    public func ranks(before other: RollupResult) -> Bool? {
        switch (capaian, other.capaian) {
        case let (a?, b?): a == b ? nil : a > b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): nil
        }
    }
}
