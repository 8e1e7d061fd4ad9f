import FluentKit
import Foundation
import KinerjaCore

/// A regional government: the tenant. Every other tenant table carries its id.
public final class Pemda: Model, @unchecked Sendable {
    public static let schema = "pemda"

    @ID public var id: UUID?
    /// Kemendagri region code, e.g. `99.71`.
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: PemdaKind
    /// The seat printed before the date of a signed document ("Kota Contoh, 2 Januari 2026").
    @Field(key: "seat") public var seat: String
    /// "Walikota", "Bupati" or "Gubernur".
    @Field(key: "kepala_daerah_title") public var kepalaDaerahTitle: String
    @Field(key: "predikat_scale") public var predikatScale: String
    @Field(key: "capaian_cap") public var capaianCap: CapaianCap
    /// WIB, WITA or WIT (as `Asia/Jakarta`, …): the calendar of the Pemda's deadlines, signing days and timestamps.
    @Field(key: "time_zone") public var zone: ZonaWaktu
    /// Goes up with every change of units, positions or accounts, in the transaction of the change: app servers keep
    /// the users' scopes cached per Pemda and know from it when to read them again.
    @Field(key: "structure_version") public var structureVersion: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, kind: PemdaKind, seat: String,
                predikatScale: String = PredikatScale.permendagri86.id, capaianCap: CapaianCap = .none)
    {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.seat = seat
        self.kepalaDaerahTitle = kind.kepalaDaerahTitle
        self.predikatScale = predikatScale
        self.capaianCap = capaianCap
        self.zone = ZonaWaktu.forPemdaCode(code)
        self.structureVersion = 0
    }
}

public enum PemdaKind: String, Codable, Sendable, CaseIterable {
    case provinsi, kabupaten, kota

    public var jenis: JenisPemda { self == .provinsi ? .prov : .kabkot }

    public var label: Message {
        switch self {
        case .provinsi: Message(id: "Provinsi", en: "Province")
        case .kabupaten: Message(id: "Kabupaten", en: "Regency")
        case .kota: Message(id: "Kota", en: "City")
        }
    }

    public var kepalaDaerahTitle: String {
        switch self {
        case .provinsi: "Gubernur"
        case .kabupaten: "Bupati"
        case .kota: "Walikota"
        }
    }
}
