import FluentKit
import SQLKit

/// Budget realisation per DPA line and quarter, as history: a correction is a new row with the next `seq`.
struct M0023_CreateRealisasiAnggaran: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("realisasi_anggaran")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .restrict))
            .field("dpa_pagu_id", .uuid, .required, .references("dpa_pagu", "id", onDelete: .restrict))
            .field("year", .int, .required)
            .field("period", .int, .required)
            .field("seq", .int, .required)
            .field("amount", .int64, .required)
            .field("late_reason", .string)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("entered_at", .datetime, .required)
            .unique(on: "dpa_pagu_id", "period", "seq")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_realisasi_anggaran_year").on("realisasi_anggaran").column("pemda_id").column("year").run()
        try await DataRevision.install(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("realisasi_anggaran").delete()
    }
}
