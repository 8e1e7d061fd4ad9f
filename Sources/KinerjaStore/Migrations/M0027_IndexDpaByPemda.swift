import FluentKit
import SQLKit

/// The Pemda's DPA of a year found by index: the capaian board reads them for every Pemda of a national recompute,
/// where a scan read the whole country's DPA each time.
struct M0027_IndexDpaByPemda: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_dpa_pemda_year").on("dpa").column("pemda_id").column("year").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_dpa_pemda_year").run()
    }
}
