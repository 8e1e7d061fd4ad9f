import FluentKit

struct M0002_CreateNomenklatur: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("nomenklatur_version")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("legal_basis", .string, .required)
            .field("effective_year", .int, .required)
            .field("source", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema("nomenklatur")
            .id()
            .field("version_id", .uuid, .required, .references("nomenklatur_version", "id", onDelete: .cascade))
            .field("jenis_pemda", .string, .required)
            .field("code", .string, .required)
            .field("level", .string, .required)
            .field("name", .string, .required)
            .field("kinerja", .string)
            .field("indikator", .string)
            .field("satuan", .string)
            .field("spm", .bool)
            .field("jenis_layanan", .string)
            .field("pelaksana", .string)
            .field("definisi", .string)
            .field("previous_code", .string)
            .unique(on: "version_id", "jenis_pemda", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("nomenklatur").delete()
        try await database.schema("nomenklatur_version").delete()
    }
}
