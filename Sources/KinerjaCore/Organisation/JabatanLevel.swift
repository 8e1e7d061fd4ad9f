/// The kind of a position (jabatan). Levels, not eselon numbers: since the 2021–2022 simplification many Eselon III/IV
/// posts became functional ones, and the signing chain follows superiors, not numbers.
public enum JabatanLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case kepalaDaerah
    /// Jabatan Pimpinan Tinggi (Eselon II): Kepala OPD, Sekda, asisten.
    case jpt
    /// Administrator (Eselon III): sekretaris, kepala bidang, kepala bagian, camat.
    case administrator
    /// Pengawas (Eselon IV): kepala subbagian, kepala seksi.
    case pengawas
    /// Jabatan fungsional.
    case jf
    case pelaksana

    /// Lower is higher in the hierarchy.
    public var rank: Int {
        switch self {
        case .kepalaDaerah: 0
        case .jpt: 1
        case .administrator: 2
        case .pengawas: 3
        case .jf: 4
        case .pelaksana: 5
        }
    }

    public var label: Message {
        switch self {
        case .kepalaDaerah: Message(id: "Kepala Daerah", en: "Regional head")
        case .jpt: Message(id: "Pimpinan Tinggi (Eselon II)", en: "Senior executive (Echelon II)")
        case .administrator: Message(id: "Administrator (Eselon III)", en: "Administrator (Echelon III)")
        case .pengawas: Message(id: "Pengawas (Eselon IV)", en: "Supervisor (Echelon IV)")
        case .jf: Message(id: "Jabatan Fungsional", en: "Functional position")
        case .pelaksana: Message(id: "Pelaksana", en: "Staff")
        }
    }

    /// What a PK at this level is about (sakip-rules §1.2 and §4.1).
    public var sasaranLabel: Message {
        switch self {
        case .kepalaDaerah, .jpt: Message(id: "Sasaran Strategis", en: "Strategic objective")
        case .administrator: Message(id: "Sasaran Program", en: "Program objective")
        case .pengawas: Message(id: "Sasaran Kegiatan", en: "Activity objective")
        case .jf, .pelaksana: Message(id: "Rencana Hasil Kerja", en: "Planned work result")
        }
    }

    /// A superior must not sit lower in the hierarchy; the Kepala Daerah has none.
    public static func checkSuperior(of level: JabatanLevel, superior: JabatanLevel?) throws(RuleViolation) {
        switch (level, superior) {
        case (.kepalaDaerah, nil): return
        case (.kepalaDaerah, .some):
            throw RuleViolation(code: "jabatan.kepalaDaerahSuperior", field: .superior,
                message: Message(id: "Kepala Daerah tidak memiliki atasan dalam Pemda.",
                                 en: "The regional head has no superior within the Pemda."))
        case (_, nil):
            throw RuleViolation(code: "jabatan.superiorRequired", field: .superior,
                message: Message(id: "Jabatan \(level.label.id) harus memiliki atasan langsung.",
                                 en: "A \(level.label.en) position needs a direct superior."))
        case (_, .some(let s)) where s.rank > level.rank:
            // Same level is allowed: a Camat (III.a) over a Sekretaris Kecamatan (III.b), a Sekda over an asisten.
            throw RuleViolation(code: "jabatan.superiorLower", field: .superior,
                message: Message(id: "Atasan (\(s.label.id)) tidak boleh lebih rendah dari jabatan \(level.label.id).",
                                 en: "The superior (\(s.label.en)) cannot rank below \(level.label.en)."))
        default: return
        }
    }
}
