/// The four levels at which a Pemda signs a PK (sakip-rules §1.2, §1.4): what the annex tables are about, who the
/// parties are, and which schedule stage guards the signing.
public enum PkLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Kepala Daerah's own PK, signed by the Kepala Daerah alone.
    case pemda
    /// Kepala OPD (JPT Pratama) with the Kepala Daerah.
    case jpt
    /// Eselon III with the Kepala OPD.
    case administrator
    /// Eselon IV with their Eselon III.
    case pengawas

    /// The PK level of a position; functional and staff posts sign SKP, not a PK, in Kinerja.
    public init?(jabatan: JabatanLevel) {
        switch jabatan {
        case .kepalaDaerah: self = .pemda
        case .jpt: self = .jpt
        case .administrator: self = .administrator
        case .pengawas: self = .pengawas
        case .jf, .pelaksana: return nil
        }
    }

    /// The PK level of a position in its chain: whoever signs with the Kepala Daerah heads a Perangkat Daerah and
    /// signs at the Eselon II level (a Camat, though Administrator by rank, included); below that the rank decides.
    public init?(jabatan: JabatanLevel, superior: JabatanLevel?) {
        guard let base = PkLevel(jabatan: jabatan) else { return nil }
        self = base != .pemda && superior == .kepalaDaerah ? .jpt : base
    }

    /// The order of the levels, the Kepala Daerah's first.
    public var rank: Int { PkLevel.allCases.firstIndex(of: self) ?? 0 }

    /// The Pemda PK has no pihak kedua.
    public var isUnilateral: Bool { self == .pemda }

    public var label: Message {
        switch self {
        case .pemda: Message(id: "Kepala Daerah", en: "Regional head")
        case .jpt: Message(id: "Eselon II", en: "Echelon II")
        case .administrator: Message(id: "Eselon III", en: "Echelon III")
        case .pengawas: Message(id: "Eselon IV", en: "Echelon IV")
        }
    }

    public var sasaranHeader: Message {
        switch self {
        case .pemda, .jpt: Message(id: "Sasaran Strategis", en: "Strategic objective")
        case .administrator: Message(id: "Sasaran Program", en: "Program objective")
        case .pengawas: Message(id: "Sasaran Kegiatan", en: "Activity objective")
        }
    }

    public var indikatorHeader: Message {
        switch self {
        case .pemda: Message(id: "Indikator Kinerja", en: "Performance indicator")
        case .jpt: Message(id: "Indikator Kinerja Utama", en: "Key performance indicator")
        case .administrator: Message(id: "Indikator Kinerja Program", en: "Program performance indicator")
        case .pengawas: Message(id: "Indikator Kinerja Kegiatan", en: "Activity performance indicator")
        }
    }

    /// The plan the targets come from: the RPJMD for the Kepala Daerah, the Renstra below.
    public var planName: String { self == .pemda ? "RPJMD" : "Renstra" }

    /// The nomenclature level of the budget table's rows.
    public var budgetLevel: NomenclatureLevel {
        switch self {
        case .pemda, .jpt: .program
        case .administrator: .kegiatan
        case .pengawas: .subkegiatan
        }
    }

    /// Whether the indicators of this level should state results (outcomes) rather than work done; an Eselon IV
    /// PK measures outputs (sakip-rules §4.1).
    public var expectsOutcome: Bool { self != .pengawas }

    /// The schedule stage in which PKs of this level are signed; the Kepala Daerah signs with the Eselon II round.
    public var signingStage: JadwalStage {
        switch self {
        case .pemda, .jpt: .pkPenandatangananJpt
        case .administrator: .pkPenandatangananAdministrator
        case .pengawas: .pkPenandatangananPengawas
        }
    }
}

/// The two parties of a PK.
public enum PkParty: String, Sendable, Hashable, Codable, CaseIterable {
    /// Penerima amanah: the official who promises.
    case pihakPertama
    /// Pemberi amanah: the superior who supervises.
    case pihakKedua

    public var label: Message {
        switch self {
        case .pihakPertama: Message(id: "Pihak Pertama", en: "First party")
        case .pihakKedua: Message(id: "Pihak Kedua", en: "Second party")
        }
    }
}

extension PkParty {
    /// The parties a person is to a PK: the one whose person record holds the position on the day. Nobody without a
    /// person record is a party, whatever position their account is bound to: the binding says what they may draft,
    /// never in whose name they sign.
    public static func held<ID: Equatable>(by person: ID?, pertama: ID?, kedua: ID?) -> Set<PkParty> {
        guard let person else { return [] }
        var parties: Set<PkParty> = []
        if pertama == person { parties.insert(.pihakPertama) }
        if kedua == person { parties.insert(.pihakKedua) }
        return parties
    }
}
