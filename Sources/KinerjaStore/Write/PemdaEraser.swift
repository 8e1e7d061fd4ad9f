import FluentKit
import Foundation
import SQLKit

/// Removes a Pemda and everything it owns, children before parents so that both engines accept it.
public enum PemdaEraser {
    public static func erase(pemdaID: UUID, on db: any Database) async throws {
        try await db.sql.raw("DELETE FROM capaian_bobot WHERE pemda_id = \(bind: pemdaID)").run()
        try await db.sql.raw("DELETE FROM penilaian_pimpinan WHERE pemda_id = \(bind: pemdaID)").run()
        try await db.sql.raw("DELETE FROM penilaian_kategori WHERE pemda_id = \(bind: pemdaID)").run()
        try await RealisasiBukti.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RealisasiEntry.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkSeal.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkSignature.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkEvent.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkLink.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkRow.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkBudget.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Pk.query(on: db).filter(\.$pemda.$id == pemdaID).set(\.$previous.$id, to: nil).update()
        try await Pk.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkHardcopy.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PkSetting.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RealisasiAnggaran.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await DpaPagu.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Dpa.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RenstraItemUnit.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await IndikatorTarget.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Indikator.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RktSasaran.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Rkt.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RenstraPagu.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        // Items form a tree; clear the self references first.
        try await RenstraItem.query(on: db).filter(\.$pemda.$id == pemdaID).set(\.$parent.$id, to: nil).update()
        try await RenstraItem.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await RenstraSasaran.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Renstra.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await SasaranRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Tujuan.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Misi.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await PeriodeRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Penugasan.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).set(\.$superior.$id, to: nil).update()
        try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Pegawai.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).set(\.$parent.$id, to: nil).update()
        try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).delete()
        try await Pemda.query(on: db).filter(\.$id == pemdaID).delete()
    }
}
