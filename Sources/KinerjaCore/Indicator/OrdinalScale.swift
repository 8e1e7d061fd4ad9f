/// An ordered set of levels for an ordinal indicator, worst first: `D < C < CC < B < BB < A < AA`.
public struct OrdinalScale: Sendable, Hashable, Codable {
    public var levels: [String]

    public init(levels: [String]) throws(RuleViolation) {
        let trimmed = levels.map { $0.trimmingSpaces() }
        guard trimmed.count >= 2, !trimmed.contains(where: \.isEmpty) else {
            throw RuleViolation(code: "ordinal.tooFewLevels", field: .scale,
                message: Message(id: "Skala peringkat harus punya paling sedikit 2 tingkat yang tidak kosong.",
                                 en: "An ordinal scale needs at least 2 non-empty levels."))
        }
        guard Set(trimmed.map { $0.uppercased() }).count == trimmed.count else {
            throw RuleViolation(code: "ordinal.duplicateLevel", field: .scale,
                message: Message(id: "Tingkat pada skala peringkat tidak boleh berulang.",
                                 en: "Levels of an ordinal scale must be distinct."))
        }
        self.levels = trimmed
    }

    /// The 1-based rank of a level label (case-insensitive), or nil.
    public func rank(of label: String) -> Int? {
        let wanted = label.trimmingSpaces().uppercased()
        return levels.firstIndex { $0.uppercased() == wanted }.map { $0 + 1 }
    }

    public func label(ofRank rank: Int) -> String? {
        levels.indices.contains(rank - 1) ? levels[rank - 1] : nil
    }

    /// The SAKIP evaluation predikat, worst to best.
    public static let predikatSakip = try! OrdinalScale(levels: ["D", "C", "CC", "B", "BB", "A", "AA"])
    /// BPK audit opinions, worst to best: Tidak Menyatakan Pendapat, Tidak Wajar, Wajar Dengan Pengecualian,
    /// Wajar Tanpa Pengecualian.
    public static let opiniBpk = try! OrdinalScale(levels: ["TMP", "TW", "WDP", "WTP"])
}
