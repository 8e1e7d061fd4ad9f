import FluentKit
import Foundation
import KinerjaCore

/// Where an indicator sits: the text of its owner and the unit whose plan it belongs to (none for the RPJMD).
public struct IndikatorOwnerRef: Sendable {
    public var owner: IndikatorOwner
    public var ownerID: UUID
    public var text: String
    /// The unit whose Renstra or RKT holds the owner; nil for the Pemda-wide RPJMD.
    public var unit: Unit?
}

public enum IndikatorQueries {
    /// The owner of this Pemda named by kind and id, or nil when there is none.
    public static func owner(_ owner: IndikatorOwner, _ ownerID: UUID, pemdaID: UUID, on db: any Database) async throws
        -> IndikatorOwnerRef?
    {
        func renstraUnit(_ renstraID: UUID) async throws -> Unit? {
            guard let renstra = try await Renstra.find(renstraID, on: db) else { return nil }
            return try await Unit.find(renstra.$unit.id, on: db)
        }
        switch owner {
        case .tujuan:
            guard let row = try await Tujuan.find(ownerID, on: db), row.$pemda.id == pemdaID else { return nil }
            return IndikatorOwnerRef(owner: owner, ownerID: ownerID, text: row.text, unit: nil)
        case .sasaranRpjmd:
            guard let row = try await SasaranRpjmd.find(ownerID, on: db), row.$pemda.id == pemdaID else { return nil }
            return IndikatorOwnerRef(owner: owner, ownerID: ownerID, text: row.text, unit: nil)
        case .renstraSasaran:
            guard let row = try await RenstraSasaran.find(ownerID, on: db), row.$pemda.id == pemdaID,
                  let unit = try await renstraUnit(row.$renstra.id) else { return nil }
            return IndikatorOwnerRef(owner: owner, ownerID: ownerID, text: row.text, unit: unit)
        case .renstraItem:
            guard let row = try await RenstraItem.find(ownerID, on: db), row.$pemda.id == pemdaID,
                  let unit = try await renstraUnit(row.$renstra.id) else { return nil }
            return IndikatorOwnerRef(owner: owner, ownerID: ownerID, text: "\(row.code) \(row.name)", unit: unit)
        case .rktSasaran:
            guard let row = try await RktSasaran.find(ownerID, on: db), row.$pemda.id == pemdaID,
                  let rkt = try await Rkt.find(row.$rkt.id, on: db),
                  let unit = try await Unit.find(rkt.$unit.id, on: db) else { return nil }
            return IndikatorOwnerRef(owner: owner, ownerID: ownerID, text: row.text, unit: unit)
        }
    }
}
