/// One period's realisation as the engine reads it.
public enum Realisasi: Sendable, Hashable {
    case value(FixedDecimal)
    case binary(Bool)
    case ordinal(rank: Int)
    /// A qualitative realisation that a verifier has judged, with the capaian (%) they gave it.
    case judged(FixedDecimal)
    /// A qualitative realisation that no verifier has judged yet.
    case awaitingJudgement
    /// Tidak Diperoleh Informasi: the data could not be obtained. Never zero, never averaged, always counted.
    case tdi

    public var isTDI: Bool { if case .tdi = self { true } else { false } }
}

/// Reads a realisation typed in a form or an import file.
public enum RealisasiInput {
    public static let tdiWords: Set<String> = ["tdi", "tidak diperoleh informasi", "n/a", "na"]

    public static func parse(_ raw: String, for spec: IndicatorSpec, field: InputField = .realisasi) throws(RuleViolation)
        -> Realisasi
    {
        let text = raw.trimmingSpaces()
        if tdiWords.contains(text.lowercased()) { return .tdi }
        guard !text.isEmpty else {
            throw RuleViolation(code: "realisasi.empty", field: field,
                message: Message(id: "Realisasi wajib diisi; jika data tidak tersedia, isi \"TDI\" (tidak diperoleh informasi).",
                                 en: "The realisation is required; if no data could be obtained, enter \"TDI\"."))
        }
        switch spec.kind {
        case .numeric, .percent, .index:
            return .value(try NumberInput.parse(text, field: field).value)
        case .binary:
            return .binary(try LevelWords.binary(text, raw: raw, subject: .realisasi, field: field))
        case .ordinal:
            return .ordinal(rank: try LevelWords.rank(text, raw: raw, scale: spec.ordinalScale, subject: .realisasi,
                                                      field: field))
        case .text:
            return .awaitingJudgement
        }
    }
}
