/// The upper limit applied to capaian before predikat and roll-up (sakip-rules §2.4).
public enum CapaianCap: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case at100 = "100"
    case at110 = "110"
    case at120 = "120"

    public var limit: FixedDecimal? {
        switch self {
        case .none: nil
        case .at100: FixedDecimal(100)
        case .at110: FixedDecimal(110)
        case .at120: FixedDecimal(120)
        }
    }
}

/// A Pemda's settings for computing capaian.
public struct CapaianPolicy: Sendable, Hashable, Codable {
    public var cap: CapaianCap
    /// The capaian of a missed binary, zero-target or threshold indicator: 0 unless a Pemda sets a penalty.
    public var missValue: FixedDecimal
    /// Whether the capped figure is floored at 0 (a negative indicator can compute below 0).
    public var floorAtZero: Bool

    public init(cap: CapaianCap = .none, missValue: FixedDecimal = .zero, floorAtZero: Bool = true) {
        self.cap = cap
        self.missValue = missValue
        self.floorAtZero = floorAtZero
    }

    public static let standard = CapaianPolicy()
}
