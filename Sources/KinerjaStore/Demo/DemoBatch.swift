import FluentKit
import Foundation

/// Rows of one Pemda collected in memory, with ids assigned up front so that relations can be linked, then written
/// in dependency order with few statements.
final class DemoBatch {
    var units: [Unit] = []
    var jabatan: [Jabatan] = []
    var pegawai: [Pegawai] = []
    var penugasan: [Penugasan] = []
    var periode: [PeriodeRpjmd] = []
    var misi: [Misi] = []
    var tujuan: [Tujuan] = []
    var sasaran: [SasaranRpjmd] = []
    var renstra: [Renstra] = []
    var renstraSasaran: [RenstraSasaran] = []
    var renstraItems: [RenstraItem] = []
    var pagu: [RenstraPagu] = []
    var indikator: [Indikator] = []
    var targets: [IndikatorTarget] = []
    var rkt: [Rkt] = []
    var rktSasaran: [RktSasaran] = []
    var itemUnits: [RenstraItemUnit] = []
    var dpa: [Dpa] = []
    var dpaPagu: [DpaPagu] = []

    var rowCount: Int {
        units.count + jabatan.count + pegawai.count + penugasan.count + periode.count + misi.count + tujuan.count
            + sasaran.count + renstra.count + renstraSasaran.count + renstraItems.count + pagu.count
            + indikator.count + targets.count + rkt.count + rktSasaran.count + itemUnits.count + dpa.count
            + dpaPagu.count
    }

    func write(on db: any Database) async throws {
        try await BatchInsert.create(units, on: db)
        try await BatchInsert.create(pegawai, on: db)
        try await BatchInsert.create(jabatan, on: db)
        try await BatchInsert.create(penugasan, on: db)
        try await BatchInsert.create(periode, on: db)
        try await BatchInsert.create(misi, on: db)
        try await BatchInsert.create(tujuan, on: db)
        try await BatchInsert.create(sasaran, on: db)
        try await BatchInsert.create(renstra, on: db)
        try await BatchInsert.create(renstraSasaran, on: db)
        try await BatchInsert.create(renstraItems, on: db)
        try await BatchInsert.create(pagu, on: db)
        try await BatchInsert.create(rkt, on: db)
        try await BatchInsert.create(rktSasaran, on: db)
        try await BatchInsert.create(indikator, on: db)
        try await BatchInsert.create(targets, on: db)
        try await BatchInsert.create(itemUnits, on: db)
        try await BatchInsert.create(dpa, on: db)
        try await BatchInsert.create(dpaPagu, on: db)
    }
}
