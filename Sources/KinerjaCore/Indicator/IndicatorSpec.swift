/// Everything the capaian engine needs to know about an indicator.
public struct IndicatorSpec: Sendable, Hashable, Codable {
    public var kind: IndicatorKind
    public var polarity: Polarity
    public var negativeFormula: NegativeFormula
    public var aggregation: Aggregation
    public var entryMode: EntryMode
    public var ordinalScale: OrdinalScale?
    /// How an ordinal realisation is compared with its target.
    public var ordinalRule: OrdinalRule
    /// Quarterly, or month by month (Manual IKU "periode pelaporan").
    public var reporting: ReportingPeriod

    public enum OrdinalRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// rank(R) / rank(T) × 100: one level short of A on a 7-level scale is 83,33%.
        case rankRatio
        /// 100% when the level reached is at least the target level, otherwise the policy's miss value.
        case threshold
    }

    public init(
        kind: IndicatorKind, polarity: Polarity = .positive, negativeFormula: NegativeFormula = .inverse,
        aggregation: Aggregation = .last, entryMode: EntryMode = .perPeriod, ordinalScale: OrdinalScale? = nil,
        ordinalRule: OrdinalRule = .rankRatio, reporting: ReportingPeriod = .quarterly
    ) {
        self.kind = kind
        self.polarity = polarity
        self.negativeFormula = negativeFormula
        self.aggregation = aggregation
        self.entryMode = entryMode
        self.ordinalScale = ordinalScale
        self.ordinalRule = ordinalRule
        self.reporting = reporting
    }

    private enum CodingKeys: String, CodingKey {
        case kind, polarity, negativeFormula, aggregation, entryMode, ordinalScale, ordinalRule, reporting
    }

    // Signed PKs keep their rows' settings as JSON: a quarterly indicator is written exactly as before `reporting`
    // existed, so that what was signed reads back byte for byte, and JSON without the key reads as quarterly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(IndicatorKind.self, forKey: .kind)
        polarity = try c.decode(Polarity.self, forKey: .polarity)
        negativeFormula = try c.decode(NegativeFormula.self, forKey: .negativeFormula)
        aggregation = try c.decode(Aggregation.self, forKey: .aggregation)
        entryMode = try c.decode(EntryMode.self, forKey: .entryMode)
        ordinalScale = try c.decodeIfPresent(OrdinalScale.self, forKey: .ordinalScale)
        ordinalRule = try c.decode(OrdinalRule.self, forKey: .ordinalRule)
        reporting = try c.decodeIfPresent(ReportingPeriod.self, forKey: .reporting) ?? .quarterly
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(negativeFormula, forKey: .negativeFormula)
        try c.encode(aggregation, forKey: .aggregation)
        try c.encode(entryMode, forKey: .entryMode)
        try c.encodeIfPresent(ordinalScale, forKey: .ordinalScale)
        try c.encode(ordinalRule, forKey: .ordinalRule)
        if reporting != .quarterly { try c.encode(reporting, forKey: .reporting) }
    }

    /// Refuses combinations that have no meaning, so that they never reach the engine.
    public func validate() throws(RuleViolation) {
        if kind == .ordinal && ordinalScale == nil {
            throw RuleViolation(code: "indicator.ordinalWithoutScale", field: .scale,
                message: Message(id: "Indikator jenis peringkat harus punya skala (mis. D, C, CC, B, BB, A, AA).",
                                 en: "An ordinal indicator needs a scale (e.g. D, C, CC, B, BB, A, AA)."))
        }
        if !kind.isQuantitative {
            if aggregation == .sum || aggregation == .average {
                throw RuleViolation(code: "indicator.aggregationNeedsNumbers", field: .aggregation,
                    message: Message(
                        id: "Agregasi \(aggregation.label.id.lowercased()) hanya untuk indikator angka; indikator \(kind.label.id.lowercased()) memakai nilai terakhir, tertinggi atau terendah.",
                        en: "\(aggregation.label.en) aggregation needs a numeric indicator; a \(kind.label.en.lowercased()) indicator uses last, maximum or minimum."))
            }
            if entryMode == .cumulative {
                throw RuleViolation(code: "indicator.cumulativeNeedsNumbers", field: .entryMode,
                    message: Message(id: "Isian kumulatif hanya untuk indikator angka.",
                                     en: "Cumulative entry needs a numeric indicator."))
            }
            if kind == .text && aggregation != .last {
                throw RuleViolation(code: "indicator.textAggregation", field: .aggregation,
                    message: Message(id: "Indikator kualitatif dinilai pada periode terakhir (agregasi nilai terakhir).",
                                     en: "A qualitative indicator is judged on its last period (last-value aggregation)."))
            }
        }
    }
}
