import FluentKit
import Foundation
import KinerjaCore

/// Where a PK row sits in the planning chain, to link a subordinate's row to the superior row it serves without
/// asking the drafter: an RPJMD sasaran feeds the OPD's sasaran strategis, which feeds its programs, which feed
/// their kegiatan and sub kegiatan (sakip-rules §4.1).
enum PkAnchor {
    /// What a row drafted from this indicator offers to the PKs below it.
    static func provided(by indikator: Indikator, on db: any Database) async throws -> String? {
        switch indikator.ownerKind {
        case .tujuan: return "tujuan:\(indikator.ownerID)"
        case .sasaranRpjmd: return "sasaranRpjmd:\(indikator.ownerID)"
        case .renstraSasaran: return "renstraSasaran:\(indikator.ownerID)"
        case .rktSasaran:
            guard let sasaran = try await RktSasaran.find(indikator.ownerID, on: db),
                let renstraSasaran = sasaran.$renstraSasaran.id
            else { return nil }
            return "renstraSasaran:\(renstraSasaran)"
        case .renstraItem: return "item:\(indikator.ownerID)"
        }
    }

    /// What a row drafted from this indicator serves in the PK above.
    static func needed(by indikator: Indikator, on db: any Database) async throws -> [String] {
        switch indikator.ownerKind {
        case .tujuan, .sasaranRpjmd: return []
        case .renstraSasaran:
            guard let sasaran = try await RenstraSasaran.find(indikator.ownerID, on: db),
                let rpjmd = sasaran.$sasaranRpjmd.id
            else { return [] }
            return ["sasaranRpjmd:\(rpjmd)"]
        case .rktSasaran:
            guard let sasaran = try await RktSasaran.find(indikator.ownerID, on: db),
                let renstraSasaranID = sasaran.$renstraSasaran.id,
                let renstraSasaran = try await RenstraSasaran.find(renstraSasaranID, on: db),
                let rpjmd = renstraSasaran.$sasaranRpjmd.id
            else { return [] }
            return ["sasaranRpjmd:\(rpjmd)"]
        case .renstraItem:
            guard let item = try await RenstraItem.find(indikator.ownerID, on: db) else { return [] }
            if item.level == .program {
                return item.$sasaran.id.map { ["renstraSasaran:\($0)"] } ?? []
            }
            var anchors: [String] = []
            var parentID = item.$parent.id
            while let id = parentID, let parent = try await RenstraItem.find(id, on: db) {
                anchors.append("item:\(id)")
                parentID = parent.$parent.id
            }
            return anchors
        }
    }
}
