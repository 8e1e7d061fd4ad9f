import FluentKit

struct M0007_CreateRkt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rkt")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("unit", "id"))
            .field("year", .int, .required)
            .field("renstra_id", .uuid, .references("renstra", "id"))
            .unique(on: "unit_id", "year")
            .create()
        try await database.schema("rkt_sasaran")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("rkt_id", .uuid, .required, .references("rkt", "id", onDelete: .cascade))
            .field("renstra_sasaran_id", .uuid, .references("renstra_sasaran", "id"))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rkt_sasaran").delete()
        try await database.schema("rkt").delete()
    }
}
