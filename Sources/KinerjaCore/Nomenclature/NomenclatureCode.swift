/// The levels of the Kemendagri classification (Permendagri 90/2019): `U.BB.PP.K.KK.SSSS`.
public enum NomenclatureLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case urusan, bidang, program, kegiatan, subkegiatan

    public var label: Message {
        switch self {
        case .urusan: Message(id: "Urusan", en: "Affair")
        case .bidang: Message(id: "Bidang Urusan", en: "Sector")
        case .program: Message(id: "Program", en: "Program")
        case .kegiatan: Message(id: "Kegiatan", en: "Activity")
        case .subkegiatan: Message(id: "Sub Kegiatan", en: "Sub-activity")
        }
    }
}

/// Whose nomenclature a row belongs to: the same code can mean different things for a province and a kab/kota.
public enum JenisPemda: String, Sendable, Hashable, Codable, CaseIterable {
    case prov = "PROV"
    case kabkot = "KABKOT"
}

public enum NomenclatureCode {
    /// The level a code denotes, by its number of parts; nil when the code is malformed.
    public static func level(of code: String) -> NomenclatureLevel? {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        let widths: [Int]
        switch parts.count {
        case 1: widths = [1]
        case 2: widths = [1, 2]
        case 3: widths = [1, 2, 2]
        case 5: widths = [1, 2, 2, 1, 2]
        case 6: widths = [1, 2, 2, 1, 2, 4]
        default: return nil
        }
        for (part, width) in zip(parts, widths) {
            guard part.count == width, part.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "X" }) else { return nil }
        }
        return [1: .urusan, 2: .bidang, 3: .program, 5: .kegiatan, 6: .subkegiatan][parts.count]
    }

    /// The code one level up: `1.01.02.2.01` → `1.01.02`.
    public static func parent(of code: String) -> String? {
        var parts = code.split(separator: ".")
        switch parts.count {
        case 6, 2, 3: parts.removeLast()
        case 5: parts.removeLast(2)
        default: return nil
        }
        return parts.joined(separator: ".")
    }

    public static func checkFormat(_ code: String, expected: NomenclatureLevel? = nil) throws(RuleViolation) {
        guard let level = level(of: code) else {
            throw RuleViolation(code: "nomenklatur.format", field: .code,
                message: Message(id: "Kode \"\(code)\" tidak sesuai format nomenklatur Kemendagri (U.BB.PP.K.KK.SSSS).",
                                 en: "Code \"\(code)\" does not follow the Kemendagri format (U.BB.PP.K.KK.SSSS)."))
        }
        if let expected, level != expected {
            throw RuleViolation(code: "nomenklatur.level", field: .code,
                message: Message(id: "Kode \"\(code)\" adalah \(level.label.id), bukan \(expected.label.id).",
                                 en: "Code \"\(code)\" is a \(level.label.en), not a \(expected.label.en)."))
        }
    }
}
