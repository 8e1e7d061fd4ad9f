/// What a user is to Kinerja (architecture.md, "Who uses it"). A user may hold several roles in one Pemda.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Runs the deployment: every Pemda, the shared nomenclature.
    case superAdmin
    /// Bappeda / Bagian Organisasi: sets up one Pemda.
    case adminPemda
    case kepalaDaerah
    /// An official bound to a position; may change the plans of the units under it.
    case pejabat
    /// Enters data for the units they are bound to.
    case operatorOpd
    /// Reviews and returns entries with reasons.
    case verifikator
    /// APIP: reads everything of the Pemda, reads the audit trail, comments.
    case inspektorat

    public var label: Message {
        switch self {
        case .superAdmin: Message(id: "Super Admin", en: "Super admin")
        case .adminPemda: Message(id: "Admin Pemda", en: "Pemda administrator")
        case .kepalaDaerah: Message(id: "Kepala Daerah", en: "Regional head")
        case .pejabat: Message(id: "Pejabat", en: "Official")
        case .operatorOpd: Message(id: "Operator OPD", en: "Agency operator")
        case .verifikator: Message(id: "Verifikator", en: "Verifier")
        case .inspektorat: Message(id: "Inspektorat", en: "Inspectorate")
        }
    }
}

/// The kinds of data a rule speaks about.
public enum Resource: String, Sendable, Hashable, Codable, CaseIterable {
    case pemda, rpjmd, unit, jabatan, pegawai, penugasan, renstra, indikator, rkt, nomenklatur, jadwal, user, audit
    /// Perjanjian Kinerja and the DPA they follow.
    case pk, dpa
    /// Evidence files of a PK's realisation: read by its unit, the verifiers, the Inspektorat, the Kepala Daerah.
    case bukti
    /// The evaluation of the heads of units from their PK's capaian (penilaian pimpinan): recorded by the Kepala
    /// Daerah (the pejabat penilai of Eselon II) or the Admin Pemda on their behalf; its category bands are the Admin's.
    case penilaian
}

public enum AccessAction: String, Sendable, Hashable, Codable, CaseIterable {
    case read, create, update, delete
    /// Reopen a closed schedule window (with a reason).
    case reopen
    case export
    case comment
    /// Return, approve and publish what others drafted (a PK).
    case verify
}

/// Who is asking: their Pemda (nil for a super admin), roles, and the units they may change. The store computes
/// `units` from the user's bindings: an operator's units and their sub-units, a pejabat's position subtree's units.
public struct Principal: Sendable, Hashable {
    public var pemdaCode: String?
    public var roles: Set<Role>
    public var units: Set<String>

    public init(pemdaCode: String?, roles: Set<Role>, units: Set<String> = []) {
        self.pemdaCode = pemdaCode
        self.roles = roles
        self.units = units
    }

    /// Someone not logged in.
    public static let anonymous = Principal(pemdaCode: nil, roles: [])
}

/// What is being acted on: its Pemda (nil for shared reference data) and, for unit-bound data, its unit.
public struct Subject: Sendable, Hashable {
    public var resource: Resource
    public var pemdaCode: String?
    public var unit: String?

    public init(_ resource: Resource, pemda: String?, unit: String? = nil) {
        self.resource = resource
        self.pemdaCode = pemda
        self.unit = unit
    }
}
