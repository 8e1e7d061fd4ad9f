import KinerjaCore

/// One value axis from 0 to `max`, in Double: geometry is never computed in FixedDecimal, whose products saturate
/// but whose conversion to pixels would need the same care at every call site.
struct ChartScale {
    /// Always finite and > 0, so every division by it is safe.
    let max: Double

    /// A chart without an explicit maximum shows 0–100 % and grows in steps of 25 for capaian above 100, but stops at
    /// 200 so that one absurd entry (a typo of 9.000 %) does not flatten every other bar; it is clamped instead and
    /// its label still shows the real figure.
    static let automaticCeiling = 200.0

    init(explicit: FixedDecimal?, data: [FixedDecimal]) {
        if let explicit {
            let value = Self.double(explicit)
            max = value > 0 ? value : 100
            return
        }
        let largest = data.map(Self.double).max() ?? 0
        if largest <= 100 {
            max = 100
        } else {
            max = Swift.min((largest / 25).rounded(.up) * 25, Self.automaticCeiling)
        }
    }

    /// The position of `value` on the axis, 0…1; values beyond either end sit on that end.
    func fraction(_ value: FixedDecimal) -> Double { fraction(Self.double(value)) }

    func fraction(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return Swift.min(Swift.max(value / max, 0), 1)
    }

    /// Whether a reference line (100 %) lies on the axis, and so should be drawn at all.
    func contains(_ value: Double) -> Bool { value >= 0 && value <= max }

    /// 0, 25, 50, 75, 100 … for the usual percentages; a 1-2-2.5-5 step for any other range, at most about ten ticks.
    var ticks: [Double] {
        let step = (25...250).contains(max) ? 25 : Self.niceStep(max / 5)
        var ticks: [Double] = []
        var index = 0.0
        while index * step <= max * (1 + 1e-9) && ticks.count <= 20 {
            ticks.append(index * step)
            index += 1
        }
        return ticks
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 25 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for multiple in [1, 2, 2.5, 5] where multiple * magnitude >= raw { return multiple * magnitude }
        return 10 * magnitude
    }

    /// Never traps: an Int64 always converts to Double (with rounding at the extremes).
    static func double(_ value: FixedDecimal) -> Double { Double(value.units) / Double(FixedDecimal.scale) }

    /// Back from Double for labels only; out-of-range input saturates because `Int64(_:)` traps beyond ±2^63.
    static func decimal(_ value: Double) -> FixedDecimal {
        guard value.isFinite else { return .zero }
        let units = (value * Double(FixedDecimal.scale)).rounded()
        if units >= 9.2e18 { return .max }
        if units <= -9.2e18 { return .min }
        return FixedDecimal(units: Int64(units))
    }

    /// A tick's label: `25`, `1.000`, `2,5`.
    /// Clamped like `ChartText.percent`, so that the rounding cannot saturate into six fraction digits.
    static func tickLabel(_ value: Double) -> String {
        let units = Swift.min(Swift.max(decimal(value).units, -ChartText.percentLimit), ChartText.percentLimit)
        return IDFormat.number(FixedDecimal(units: units), maxFractionDigits: 2)
    }
}
