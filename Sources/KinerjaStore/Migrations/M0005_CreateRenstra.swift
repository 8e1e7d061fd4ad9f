import FluentKit

struct M0005_CreateRenstra: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("renstra")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("unit", "id"))
            .field("periode_id", .uuid, .required, .references("periode_rpjmd", "id"))
            .field("legal_number", .string, .required)
            .field("legal_date", .string, .required)
            .field("nomenklatur_version_id", .uuid, .required, .references("nomenklatur_version", "id"))
            .unique(on: "unit_id", "periode_id")
            .create()
        try await database.schema("renstra_sasaran")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("renstra_id", .uuid, .required, .references("renstra", "id", onDelete: .cascade))
            .field("sasaran_rpjmd_id", .uuid, .references("sasaran_rpjmd", "id"))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema("renstra_item")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("renstra_id", .uuid, .required, .references("renstra", "id", onDelete: .cascade))
            .field("parent_id", .uuid, .references("renstra_item", "id", onDelete: .cascade))
            .field("sasaran_id", .uuid, .references("renstra_sasaran", "id"))
            .field("level", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "renstra_id", "code")
            .create()
        try await database.schema("renstra_pagu")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("item_id", .uuid, .required, .references("renstra_item", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("amount", .int64, .required)
            .unique(on: "item_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["renstra_pagu", "renstra_item", "renstra_sasaran", "renstra"] {
            try await database.schema(table).delete()
        }
    }
}
