/// A target as the engine reads it. The statement of a qualitative target is kept by the caller.
public enum Target: Sendable, Hashable {
    case value(FixedDecimal)
    /// A target range [lower, upper]: anything inside counts as fully achieved.
    case range(lower: FixedDecimal, upper: FixedDecimal)
    case binary(Bool)
    /// The 1-based rank on the indicator's ordinal scale.
    case ordinal(rank: Int)
    case qualitative

    /// The form stored in the database: `7.5`, `80..90`, `ya`/`tidak`, the ordinal label, or the statement.
    public func canonical(scale: OrdinalScale? = nil, statement: String = "") -> String {
        switch self {
        case .value(let v): v.description
        case .range(let a, let b): "\(a)..\(b)"
        case .binary(let met): met ? "ya" : "tidak"
        case .ordinal(let rank): scale?.label(ofRank: rank) ?? String(rank)
        case .qualitative: statement
        }
    }
}

/// Reads a target typed in a form or an import file, for a given indicator. The stored form (`Target.canonical`) is
/// read with `parseStored`: as typed text, `72.745` would be 72.745 thousands.
public enum TargetInput {
    /// Reads the form written by `Target.canonical`, where a dot is always the decimal separator (`0.372`, `72.745`,
    /// `80..90`); nil when the text is not in that form.
    public static func parseStored(_ canonical: String, for spec: IndicatorSpec) -> Target? {
        guard spec.kind.isQuantitative else { return try? parse(canonical, for: spec) }
        // Byte by byte, as `FixedDecimal(canonical:)` reads: a national recompute reads five of these per row.
        let bytes = canonical.utf8
        var cut: String.UTF8View.Index?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let next = bytes.index(after: i)
            if bytes[i] == UInt8(ascii: "."), next < bytes.endIndex, bytes[next] == UInt8(ascii: ".") {
                cut = i
                break
            }
            i = next
        }
        guard let cut else { return FixedDecimal(canonical: canonical).map { .value($0) } }
        guard let a = FixedDecimal(canonicalUTF8: bytes[..<cut]),
              let b = FixedDecimal(canonicalUTF8: bytes[bytes.index(cut, offsetBy: 2)...]), a <= b
        else { return nil }
        return a == b ? .value(a) : .range(lower: a, upper: b)
    }

    public static func parse(_ raw: String, for spec: IndicatorSpec, field: InputField = .target) throws(RuleViolation)
        -> Target
    {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else {
            throw RuleViolation(code: "target.empty", field: field,
                message: Message(id: "Target wajib diisi.", en: "The target is required."))
        }
        switch spec.kind {
        case .numeric, .percent, .index:
            if let (lower, upper) = splitRange(text) {
                let a = try NumberInput.parse(lower, field: .targetLower).value
                let b = try NumberInput.parse(upper, field: .targetUpper).value
                guard a <= b else {
                    throw RuleViolation(code: "target.rangeReversed", field: field,
                        message: Message(
                            id: "Batas bawah rentang target (\(IDFormat.number(a))) lebih besar dari batas atas (\(IDFormat.number(b))). Tulis rentang dari yang kecil ke yang besar, mis. \(IDFormat.number(b))–\(IDFormat.number(a)).",
                            en: "The lower bound of the target range (\(a)) is greater than the upper bound (\(b)). Write the range from low to high."))
                }
                return a == b ? .value(a) : .range(lower: a, upper: b)
            }
            do {
                return .value(try NumberInput.parse(text, field: field).value)
            } catch {
                throw RuleViolation(code: "target.notANumber", field: field,
                    message: Message(
                        id: "Target indikator \(spec.kind.label.id.lowercased()) harus berupa angka atau rentang angka (tertulis \"\(raw)\"). Untuk target berupa pernyataan, ubah jenis indikator menjadi kualitatif.",
                        en: "A \(spec.kind.label.en.lowercased()) indicator needs a number or a range as target (got \"\(raw)\"). For a statement, make the indicator qualitative."))
            }
        case .binary:
            return .binary(try LevelWords.binary(text, raw: raw, subject: .target, field: field))
        case .ordinal:
            return .ordinal(rank: try LevelWords.rank(text, raw: raw, scale: spec.ordinalScale, subject: .target,
                                                      field: field))
        case .text:
            return .qualitative
        }
    }

    /// `80 - 90`, `80–90`, `80 s.d. 90`, `80 s/d 90`, `80 sampai 90`, `80..90`.
    static func splitRange(_ text: String) -> (String, String)? {
        for separator in ["..", " s.d. ", " s.d ", " s/d ", " sampai ", "–", "—", " - "] {
            let parts = text.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        }
        // "80-90": a hyphen between two digits, not a leading minus sign.
        let chars = Array(text)
        for i in chars.indices.dropFirst().dropLast() where chars[i] == "-" {
            if chars[i - 1].isASCIIDigitCharacter && chars[i + 1].isASCIIDigitCharacter {
                return (String(chars[..<i]), String(chars[(i + 1)...]))
            }
        }
        return nil
    }
}

/// Reads yes/no words and ordinal levels, for targets and realisations alike.
enum LevelWords {
    enum Subject: String {
        case target, realisasi

        var label: Message {
            self == .target ? Message(id: "Target", en: "The target") : Message(id: "Realisasi", en: "The realisation")
        }
    }

    static func read(_ text: String) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "ya", "ada", "tercapai", "sudah", "1", "true", "yes", "done": true
        case "tidak", "tidak ada", "belum", "belum ada", "tidak tercapai", "0", "false", "no": false
        default: nil
        }
    }

    static func binary(_ text: String, raw: String, subject: Subject, field: InputField) throws(RuleViolation) -> Bool {
        guard let met = read(text) else {
            throw RuleViolation(code: "\(subject.rawValue).notBinary", field: field,
                message: Message(id: "\(subject.label.id) indikator ya/tidak harus \"ada\", \"tidak ada\", \"ya\" atau \"tidak\" (tertulis \"\(raw)\").",
                                 en: "\(subject.label.en) of a yes/no indicator must be \"ada\", \"tidak ada\", \"ya\" or \"tidak\" (got \"\(raw)\")."))
        }
        return met
    }

    static func rank(_ text: String, raw: String, scale: OrdinalScale?, subject: Subject, field: InputField)
        throws(RuleViolation) -> Int
    {
        guard let scale, let rank = scale.rank(of: text) else {
            let levels = scale?.levels.joined(separator: ", ") ?? "-"
            throw RuleViolation(code: "\(subject.rawValue).notOnScale", field: field,
                message: Message(id: "\(subject.label.id) harus salah satu tingkat skala: \(levels) (tertulis \"\(raw)\").",
                                 en: "\(subject.label.en) must be one of the scale's levels: \(levels) (got \"\(raw)\")."))
        }
        return rank
    }
}
