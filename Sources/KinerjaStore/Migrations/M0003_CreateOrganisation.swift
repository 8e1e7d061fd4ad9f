import FluentKit

struct M0003_CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unit")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("parent_id", .uuid, .references("unit", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("bidang_codes", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "pemda_id", "code")
            .create()
        try await database.schema("jabatan")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .references("unit", "id"))
            .field("superior_id", .uuid, .references("jabatan", "id"))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("eselon", .string, .required)
            .create()
        try await database.schema("pegawai")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("nip", .string)
            .field("name", .string, .required)
            .field("pangkat", .string, .required)
            .unique(on: "nip")
            .create()
        try await database.schema("penugasan")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("jabatan_id", .uuid, .required, .references("jabatan", "id"))
            .field("pegawai_id", .uuid, .required, .references("pegawai", "id"))
            .field("kind", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("decree", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["penugasan", "pegawai", "jabatan", "unit"] { try await database.schema(table).delete() }
    }
}
