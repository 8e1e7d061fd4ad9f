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

    /// Gives every row without an id its id, so that rows made from the batch (`DemoMeasured`) can refer to them
    /// before anything is written.
    func assignIDs() {
        func assign<M: DemoRow>(_ models: [M]) { for model in models where model.id == nil { model.id = UUID() } }
        assign(units); assign(jabatan); assign(pegawai); assign(penugasan); assign(periode); assign(misi); assign(tujuan)
        assign(sasaran); assign(renstra); assign(renstraSasaran); assign(renstraItems); assign(pagu); assign(indikator)
        assign(targets); assign(rkt); assign(rktSasaran); assign(itemUnits); assign(dpa); assign(dpaPagu)
    }

    /// Without Fluent's reflection (`DemoInsert`).
    func write(on db: any Database) async throws {
        try await DemoInsert.write(units, on: db)
        try await DemoInsert.write(pegawai, on: db)
        try await DemoInsert.write(jabatan, on: db)
        try await DemoInsert.write(penugasan, on: db)
        try await DemoInsert.write(periode, on: db)
        try await DemoInsert.write(misi, on: db)
        try await DemoInsert.write(tujuan, on: db)
        try await DemoInsert.write(sasaran, on: db)
        try await DemoInsert.write(renstra, on: db)
        try await DemoInsert.write(renstraSasaran, on: db)
        try await DemoInsert.write(renstraItems, on: db)
        try await DemoInsert.write(pagu, on: db)
        try await DemoInsert.write(rkt, on: db)
        try await DemoInsert.write(rktSasaran, on: db)
        try await DemoInsert.write(indikator, on: db)
        try await DemoInsert.write(targets, on: db)
        try await DemoInsert.write(itemUnits, on: db)
        try await DemoInsert.write(dpa, on: db)
        try await DemoInsert.write(dpaPagu, on: db)
    }
}
