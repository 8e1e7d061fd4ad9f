import FluentKit
import Foundation

/// Rencana Kinerja Tahunan: a unit's performance plan for one year.
public final class Rkt: Model, @unchecked Sendable {
    public static let schema = "rkt"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "unit_id") public var unit: Unit
    @Field(key: "year") public var year: Int
    @OptionalParent(key: "renstra_id") public var renstra: Renstra?

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, unitID: UUID, year: Int, renstraID: UUID?) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$unit.id = unitID
        self.year = year
        self.$renstra.id = renstraID
    }
}

public final class RktSasaran: Model, @unchecked Sendable {
    public static let schema = "rkt_sasaran"

    @ID public var id: UUID?
    @Parent(key: "pemda_id") public var pemda: Pemda
    @Parent(key: "rkt_id") public var rkt: Rkt
    @OptionalParent(key: "renstra_sasaran_id") public var renstraSasaran: RenstraSasaran?
    @Field(key: "number") public var number: Int
    @Field(key: "text") public var text: String

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID, rktID: UUID, renstraSasaranID: UUID?, number: Int, text: String) {
        self.id = id
        self.$pemda.id = pemdaID
        self.$rkt.id = rktID
        self.$renstraSasaran.id = renstraSasaranID
        self.number = number
        self.text = text
    }
}
