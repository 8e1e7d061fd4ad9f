import FluentKit
import SQLKit

/// The measuring of a PK through the year: each entered realisation is a row of history, never edited in its value
/// (a correction is a new row with the next `seq`), with the verifikator's decision on it; and the evidence files.
/// Rows name the PK series (position and year) and the PK row key, so that they survive a PK Perubahan.
struct M0022_CreateRealisasi: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("realisasi")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .restrict))
            .field("pk_id", .uuid, .required, .references("pk", "id", onDelete: .restrict))
            .field("jabatan_id", .uuid, .required, .references("jabatan", "id", onDelete: .restrict))
            .field("year", .int, .required)
            .field("row_key", .string, .required)
            .field("period", .int, .required)
            .field("seq", .int, .required)
            .field("value", .string, .required)
            .field("tdi_reason", .string)
            .field("confidence", .int)
            .field("forecast", .string)
            .field("supporting", .string, .required)
            .field("obstacles", .string, .required)
            .field("follow_up", .string, .required)
            .field("status", .string, .required)
            .field("late_reason", .string)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("entered_at", .datetime, .required)
            .field("judgement", .string)
            .field("verifier_id", .uuid)
            .field("verifier_name", .string)
            .field("verified_at", .datetime)
            .field("return_reason", .string)
            .unique(on: "jabatan_id", "year", "row_key", "period", "seq")
            .create()
        try await database.schema("realisasi_bukti")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .restrict))
            .field("pk_id", .uuid, .required, .references("pk", "id", onDelete: .restrict))
            .field("jabatan_id", .uuid, .required, .references("jabatan", "id", onDelete: .restrict))
            .field("year", .int, .required)
            .field("row_key", .string, .required)
            .field("period", .int, .required)
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploader_id", .uuid)
            .field("uploader_name", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_realisasi_year").on("realisasi").column("pemda_id").column("year").column("status").run()
        try await sql.create(index: "idx_realisasi_bukti_series").on("realisasi_bukti")
            .column("jabatan_id").column("year").column("period").run()
        try await DataRevision.install(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("realisasi_bukti").delete()
        try await database.schema("realisasi").delete()
    }
}
