import FluentKit

struct M0004_CreateRpjmd: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("periode_rpjmd")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("start_year", .int, .required)
            .field("end_year", .int, .required)
            .field("perda_number", .string, .required)
            .field("perda_date", .string, .required)
            .field("visi", .string, .required)
            .unique(on: "pemda_id", "start_year")
            .create()
        try await database.schema("misi")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("periode_id", .uuid, .required, .references("periode_rpjmd", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema("tujuan")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("misi_id", .uuid, .required, .references("misi", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema("sasaran_rpjmd")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("tujuan_id", .uuid, .required, .references("tujuan", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("text", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["sasaran_rpjmd", "tujuan", "misi", "periode_rpjmd"] { try await database.schema(table).delete() }
    }
}
