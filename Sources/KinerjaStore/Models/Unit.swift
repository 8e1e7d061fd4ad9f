import FluentKit
import Foundation

/// An organisational unit: an OPD, a kecamatan, or a part of one (bidang, bagian, UPT), as a tree.
public final class Unit: Model, @unchecked Sendable {
    public static let schema = "unit"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @OptionalParent(key: "parent_id") public var parent: Unit?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: UnitKind
    /// The bidang urusan the unit carries, comma separated (`1.01` or `2.16,2.20,2.21`); an OPD carries up to three.
    @Field(key: "bidang_codes") public var bidangCodes: String
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, parentID: UUID?, code: String, name: String, kind: UnitKind,
                bidangCodes: [String], sortOrder: Int)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$parent.id = parentID
        self.code = code
        self.name = name
        self.kind = kind
        self.bidangCodes = bidangCodes.joined(separator: ",")
        self.sortOrder = sortOrder
    }
}

public enum UnitKind: String, Codable, Sendable, CaseIterable {
    case sekretariat, dinas, badan, inspektorat, satuan, kecamatan, bagian, bidang, uptd, kelurahan

    /// Whether the unit is a Perangkat Daerah of its own (it has a Renstra, a PK with the Kepala Daerah, an LKjIP).
    public var isPerangkatDaerah: Bool {
        switch self {
        case .sekretariat, .dinas, .badan, .inspektorat, .satuan, .kecamatan: true
        case .bagian, .bidang, .uptd, .kelurahan: false
        }
    }

    public var label: String {
        switch self {
        case .sekretariat: "Sekretariat"
        case .dinas: "Dinas"
        case .badan: "Badan"
        case .inspektorat: "Inspektorat"
        case .satuan: "Satuan"
        case .kecamatan: "Kecamatan"
        case .bagian: "Bagian"
        case .bidang: "Bidang"
        case .uptd: "UPTD"
        case .kelurahan: "Kelurahan"
        }
    }
}
