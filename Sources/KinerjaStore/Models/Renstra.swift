import FluentKit
import Foundation
import KinerjaCore

/// The strategic plan of one Perangkat Daerah for an RPJMD period, set by Perwali/Perbup.
public final class Renstra: Model, @unchecked Sendable {
    public static let schema = "renstra"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "unit_id") public var unit: Unit
    @Parent(key: "periode_id") public var periode: PeriodeRpjmd
    @Field(key: "legal_number") public var legalNumber: String
    /// ISO `yyyy-mm-dd`.
    @Field(key: "legal_date") public var legalDate: String
    @Field(key: "nomenklatur_version_id") public var nomenklaturVersionID: UUID

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, unitID: UUID, periodeID: UUID, legalNumber: String, legalDate: String,
                nomenklaturVersionID: UUID)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$unit.id = unitID
        self.$periode.id = periodeID
        self.legalNumber = legalNumber
        self.legalDate = legalDate
        self.nomenklaturVersionID = nomenklaturVersionID
    }
}

/// A sasaran strategis of a Renstra, aligned to the RPJMD sasaran it serves.
public final class RenstraSasaran: Model, @unchecked Sendable {
    public static let schema = "renstra_sasaran"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "renstra_id") public var renstra: Renstra
    @OptionalParent(key: "sasaran_rpjmd_id") public var sasaranRpjmd: SasaranRpjmd?
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, renstraID: UUID, sasaranRpjmdID: UUID?, number: Int, text: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$renstra.id = renstraID
        self.$sasaranRpjmd.id = sasaranRpjmdID
        self.number = number
        self.text = text
    }
}

/// A program, kegiatan or sub kegiatan of a Renstra: a node of the tree, named by its nomenclature code.
public final class RenstraItem: Model, @unchecked Sendable {
    public static let schema = "renstra_item"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "renstra_id") public var renstra: Renstra
    @OptionalParent(key: "parent_id") public var parent: RenstraItem?
    /// For a program: the sasaran strategis it serves.
    @OptionalParent(key: "sasaran_id") public var sasaran: RenstraSasaran?
    @Field(key: "level") public var level: NomenclatureLevel
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, renstraID: UUID, parentID: UUID?, sasaranID: UUID?,
                level: NomenclatureLevel, code: String, name: String, sortOrder: Int)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.$renstra.id = renstraID
        self.$parent.id = parentID
        self.$sasaran.id = sasaranID
        self.level = level
        self.code = code
        self.name = name
        self.sortOrder = sortOrder
    }
}

/// The indicative budget ceiling of a Renstra item for one year, in whole Rupiah.
public final class RenstraPagu: Model, @unchecked Sendable {
    public static let schema = "renstra_pagu"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "item_id") public var item: RenstraItem
    @Field(key: "year") public var year: Int
    @Field(key: "amount") public var amount: Int64

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, itemID: UUID, year: Int, amount: Int64) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$item.id = itemID
        self.year = year
        self.amount = amount
    }
}
