import FluentKit
import SQLKit

/// The evaluation of the heads of units from their PK's capaian: the Pemda's category bands (a Pemda without rows
/// uses `PenilaianCategories.standard`), and every recording of a year as history. A re-evaluation adds a row with the
/// next `seq` of its position and year and the newest counts; nothing is updated in place. A recording keeps what was
/// read when it was made (the official, the PK version, the quarter, the capaian and predikat, the suggestion), so
/// that a later change of holder, PK Perubahan, correction or setting never rewrites it.
struct M0025_CreatePenilaianPimpinan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("penilaian_kategori")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("sort_order", .int, .required)
            .field("lower_bound", .string)
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .unique(on: "pemda_id", "sort_order")
            .create()
        try await database.schema("penilaian_pimpinan")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .restrict))
            .field("year", .int, .required)
            .field("jabatan_id", .uuid, .required, .references("jabatan", "id", onDelete: .restrict))
            .field("seq", .int, .required)
            .field("pegawai_id", .uuid)
            .field("pegawai_name", .string, .required)
            .field("pegawai_nip", .string)
            .field("pk_id", .uuid, .required, .references("pk", "id", onDelete: .restrict))
            .field("pk_version", .int, .required)
            .field("through_tw", .int, .required)
            .field("capaian", .string)
            .field("predikat", .string)
            .field("suggested", .string)
            .field("suggested_en", .string)
            .field("category", .string, .required)
            .field("category_en", .string, .required)
            .field("category_rank", .int, .required)
            .field("tone", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by", .uuid)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "jabatan_id", "year", "seq")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_penilaian_pimpinan_year").on("penilaian_pimpinan").column("pemda_id").column("year").run()
        try await DataRevision.install(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("penilaian_pimpinan").delete()
        try await database.schema("penilaian_kategori").delete()
    }
}
