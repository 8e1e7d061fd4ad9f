/// Computes the capaian of a realisation against a target (sakip-rules §2.1–2.5).
public struct CapaianCalculator: Sendable {
    public var policy: CapaianPolicy

    public init(policy: CapaianPolicy = .standard) { self.policy = policy }

    public func capaian(of realisasi: Realisasi?, against target: Target, spec: IndicatorSpec) -> CapaianResult {
        guard let realisasi else { return .pending }
        var flags: CapaianFlags = []
        let formula: CapaianFormula
        let raw: FixedDecimal
        switch (realisasi, target) {
        case (.tdi, _):
            return .tdi
        case (.awaitingJudgement, _):
            return .pending
        case (.judged(let percent), _):
            (formula, raw) = (.verifierJudgement, percent)
        case (.value(let r), .value(let t)):
            (formula, raw) = numeric(r, t, spec, &flags)
        case (.value(let r), .range(let a, let b)):
            if r > b {
                flags.insert(.rangeUpperBound)
                (formula, raw) = numeric(r, b, spec, &flags)
            } else if r < a {
                flags.insert(.rangeLowerBound)
                (formula, raw) = numeric(r, a, spec, &flags)
            } else {
                (formula, raw) = (.rangeInside, .hundred)
            }
        case (.binary(let r), .binary(let t)):
            (formula, raw) = (.binary, r == t ? .hundred : policy.missValue)
        case (.ordinal(let r), .ordinal(let t)):
            switch spec.ordinalRule {
            case .rankRatio:
                (formula, raw) = (.ordinalRankRatio, FixedDecimal(r * 100) / FixedDecimal(Swift.max(t, 1)))
            case .threshold:
                (formula, raw) = (.ordinalThreshold, r >= t ? .hundred : policy.missValue)
            }
        default:
            // A realisation of another shape than its target cannot be compared; callers parse both with the same
            // spec, so this is reported as pending rather than as a misleading figure.
            return .pending
        }
        return finish(raw: raw, formula: formula, flags: flags)
    }

    func numeric(_ r: FixedDecimal, _ t: FixedDecimal, _ spec: IndicatorSpec, _ flags: inout CapaianFlags)
        -> (CapaianFormula, FixedDecimal)
    {
        if t.isZero {
            let met = spec.polarity == .positive ? r >= t : r <= t
            return (.zeroTarget, met ? .hundred : policy.missValue)
        }
        let tUnits = Int128(t.magnitude.units)
        let diff = Int128(r.units) - Int128(t.units)
        switch spec.polarity {
        case .positive:
            return (.positiveRatio, percent(tUnits + diff, over: tUnits, &flags))
        case .negative:
            if spec.negativeFormula == .ratio {
                if t.units > 0 && r.units > 0 {
                    return (.negativeRatio, percent(Int128(t.units), over: Int128(r.units), &flags))
                }
                flags.insert(.formulaFallback)
            }
            return (.negativeInverse, percent(tUnits - diff, over: tUnits, &flags))
        }
    }

    /// numerator / denominator × 100, both in FixedDecimal units.
    func percent(_ numerator: Int128, over denominator: Int128, _ flags: inout CapaianFlags) -> FixedDecimal {
        let wide = FixedDecimal.divideRounded(numerator * 100 * Int128(FixedDecimal.scale), by: denominator)
        let result = FixedDecimal(saturating: wide)
        if Int128(result.units) != wide { flags.insert(.saturated) }
        return result
    }

    func finish(raw: FixedDecimal, formula: CapaianFormula, flags: CapaianFlags) -> CapaianResult {
        var flags = flags
        var capped = raw
        if policy.floorAtZero && capped.isNegative {
            capped = .zero
            flags.insert(.flooredAtZero)
        }
        if let limit = policy.cap.limit, capped > limit {
            capped = limit
            flags.insert(.cappedAbove)
        }
        return CapaianResult(status: .measured, raw: raw, capped: capped, formula: formula, flags: flags)
    }
}
