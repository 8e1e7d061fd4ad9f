import FluentKit
import Foundation
import KinerjaCore

/// A position in the organisation, with its superior: the chain along which PKs are signed.
public final class Jabatan: Model, @unchecked Sendable {
    public static let schema = "jabatan"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @OptionalParent(key: "unit_id") public var unit: Unit?
    @OptionalParent(key: "superior_id") public var superior: Jabatan?
    @Field(key: "name") public var name: String
    @Field(key: "level") public var level: JabatanLevel
    /// The eselon as written in decrees (`II.b`, `III.a`); empty for functional posts and the Kepala Daerah.
    @Field(key: "eselon") public var eselon: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, unitID: UUID?, superiorID: UUID?, name: String, level: JabatanLevel,
                eselon: String)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$unit.id = unitID
        self.$superior.id = superiorID
        self.name = name
        self.level = level
        self.eselon = eselon
    }
}
