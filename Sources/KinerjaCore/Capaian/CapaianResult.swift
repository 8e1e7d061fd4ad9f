/// The capaian of one indicator for one stretch of time.
public struct CapaianResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// A figure was computed.
        case measured
        /// Tidak Diperoleh Informasi: no data for any period in the stretch.
        case tdi
        /// Nothing reported yet, or a qualitative realisation still awaits its verifier.
        case pending
    }

    public var status: Status
    /// Capaian (%) as computed, uncapped.
    public var raw: FixedDecimal?
    /// Capaian (%) after the policy's floor and cap; what predikat and roll-up use.
    public var capped: FixedDecimal?
    public var formula: CapaianFormula
    public var flags: CapaianFlags

    public init(status: Status, raw: FixedDecimal?, capped: FixedDecimal?, formula: CapaianFormula, flags: CapaianFlags) {
        self.status = status
        self.raw = raw
        self.capped = capped
        self.formula = formula
        self.flags = flags
    }

    public static let tdi = CapaianResult(status: .tdi, raw: nil, capped: nil, formula: .none, flags: [])
    public static let pending = CapaianResult(status: .pending, raw: nil, capped: nil, formula: .none, flags: [])
}
