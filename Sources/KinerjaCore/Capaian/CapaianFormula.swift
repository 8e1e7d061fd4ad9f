/// Which formula produced a capaian. Every result carries one, so that a report can say how it was computed.
public enum CapaianFormula: String, Sendable, Hashable, Codable, CaseIterable {
    /// (1 + (R − T) / |T|) × 100, which is R / T × 100 whenever T > 0 (sakip-rules §2.1).
    case positiveRatio = "POS_R_T"
    /// (1 − (R − T) / |T|) × 100, which is (2T − R) / T × 100 whenever T > 0 (§2.2, the default).
    case negativeInverse = "NEG_2T_R"
    /// T / R × 100 (§2.2, the alternative), defined only for T > 0 and R > 0.
    case negativeRatio = "NEG_T_R"
    /// The effective target is 0: met (R on the good side of 0, or 0) is 100%, missed is the policy's miss value.
    case zeroTarget = "ZERO_TARGET"
    /// Realisation inside a target range [a, b]: 100%.
    case rangeInside = "RANGE_INSIDE"
    case binary = "BINARY"
    case ordinalRankRatio = "ORD_RANK"
    case ordinalThreshold = "ORD_THRESHOLD"
    /// A qualitative indicator: the verifier's judgement.
    case verifierJudgement = "TEXT_JUDGED"
    /// No capaian: TDI or not yet reported.
    case none = "NONE"

    public var expression: String {
        switch self {
        case .positiveRatio: "R / T × 100"
        case .negativeInverse: "(2T − R) / T × 100"
        case .negativeRatio: "T / R × 100"
        case .zeroTarget: "T = 0: tercapai 100, tidak tercapai nilai gagal"
        case .rangeInside: "a ≤ R ≤ b: 100"
        case .binary: "R = T: 100, selain itu nilai gagal"
        case .ordinalRankRatio: "peringkat(R) / peringkat(T) × 100"
        case .ordinalThreshold: "peringkat(R) ≥ peringkat(T): 100, selain itu nilai gagal"
        case .verifierJudgement: "penilaian verifikator"
        case .none: "-"
        }
    }
}

/// Facts about how a capaian came about, kept with the result.
public struct CapaianFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The raw capaian was above the cap; the capped figure is the cap.
    public static let cappedAbove = CapaianFlags(rawValue: 1 << 0)
    /// The raw capaian was below 0 (a negative indicator more than twice its target); the capped figure is 0.
    public static let flooredAtZero = CapaianFlags(rawValue: 1 << 1)
    /// A range target's upper bound was used (realisation above the range).
    public static let rangeUpperBound = CapaianFlags(rawValue: 1 << 2)
    /// A range target's lower bound was used (realisation below the range).
    public static let rangeLowerBound = CapaianFlags(rawValue: 1 << 3)
    /// T / R could not be applied (R ≤ 0 or T ≤ 0), so (2T − R) / T was used instead.
    public static let formulaFallback = CapaianFlags(rawValue: 1 << 4)
    /// Some periods were TDI; the figure covers only the periods with data.
    public static let partialPeriods = CapaianFlags(rawValue: 1 << 5)
    /// The figure was beyond what can be represented and was clamped.
    public static let saturated = CapaianFlags(rawValue: 1 << 6)
}
