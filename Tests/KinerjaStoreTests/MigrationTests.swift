import FluentKit
import Foundation
import SQLKit
import Testing
@testable import KinerjaStore

@Suite(.serialized)
struct MigrationTests {
    @Test func migrations_run_up_and_down_and_up_again() async throws {
        let test = try await TestDatabase.make()
        let sql = test.db as! any SQLDatabase
        // The schema works: a row can be written and read.
        try await Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji").create(on: test.db)
        #expect(try await Pemda.query(on: test.db).count() == 1)
        try await test.migrator.revertAllBatches().get()
        await #expect(throws: (any Error).self) { try await sql.raw("SELECT COUNT(*) FROM pemda").run() }
        try await test.migrator.prepareBatch().get()
        #expect(try await Pemda.query(on: test.db).count() == 0)
        await test.shutdown()
    }

    @Test func tenant_tables_all_carry_the_pemda() async throws {
        let models: [any Model.Type] = [Unit.self, Jabatan.self, Pegawai.self, Penugasan.self, PeriodeRpjmd.self,
                                         Misi.self, Tujuan.self, SasaranRpjmd.self, Renstra.self, RenstraSasaran.self,
                                         RenstraItem.self, RenstraPagu.self, Indikator.self, IndikatorTarget.self,
                                         Rkt.self, RktSasaran.self]
        for model in models {
            let keys = model.init().properties.compactMap { ($0 as? any AnyDatabaseProperty)?.keys }.flatMap { $0 }
            #expect(keys.contains("pemda_id"), "\(model.schema) lacks pemda_id")
        }
    }
}
