import Foundation
import KinerjaCore

/// What pages and the API show of a Pemda. Plain values: handlers never see a Fluent model.
public struct PemdaSummary: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: PemdaKind
    public var kepalaDaerahTitle: String
    public var unitCount: Int
    public var perangkatDaerahCount: Int
}

public struct PemdaDetail: Codable, Sendable, Equatable {
    public var summary: PemdaSummary
    public var seat: String
    public var kepalaDaerah: Holder?
    public var predikatScale: String
    public var capaianCap: CapaianCap
    public var rpjmd: PeriodeRef?
    public var jabatanCount: Int
    public var pegawaiCount: Int
}

public struct PeriodeRef: Codable, Sendable, Equatable {
    public var startYear: Int
    public var endYear: Int
    public var perdaNumber: String
    public var perdaDate: String
}

/// Who holds a position today: the name as written, NIP, pangkat and whether Plt/Plh.
public struct Holder: Codable, Sendable, Equatable {
    public var name: String
    public var nip: String?
    public var nipGrouped: String?
    public var pangkat: String
    public var kind: PenugasanKind
    public var since: String
}

public struct UnitRow: Codable, Sendable, Equatable {
    public var id: UUID
    public var parentID: UUID?
    public var depth: Int
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var isPerangkatDaerah: Bool
    public var bidangCodes: [String]
    public var hasRenstra: Bool
}

public struct JabatanRow: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var level: JabatanLevel
    public var eselon: String
    public var unitID: UUID?
    public var unitName: String?
    public var superiorID: UUID?
    public var superiorName: String?
    public var depth: Int
    /// Empty when vacant; a definitive holder and a Plt/Plh can both appear.
    public var holders: [Holder]
}
