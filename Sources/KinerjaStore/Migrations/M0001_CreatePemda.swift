import FluentKit

struct M0001_CreatePemda: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("seat", .string, .required)
            .field("kepala_daerah_title", .string, .required)
            .field("predikat_scale", .string, .required)
            .field("capaian_cap", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pemda").delete()
    }
}
