import FluentKit

struct M0011_CreateJadwal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jadwal")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("stage", .string, .required)
            .field("opens", .string, .required)
            .field("closes", .string, .required)
            .field("reopened_until", .string)
            .field("reopen_reason", .string)
            .unique(on: "pemda_id", "year", "stage")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jadwal").delete()
    }
}
