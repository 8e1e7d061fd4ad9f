import FluentKit

struct M0009_CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("app_user")
            .id()
            .field("pemda_id", .uuid, .references("pemda", "id", onDelete: .cascade))
            .field("username", .string, .required)
            .field("nip", .string)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("jabatan_id", .uuid, .references("jabatan", "id", onDelete: .setNull))
            .field("active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("must_change_password", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .unique(on: "nip")
            .create()
        try await database.schema("user_unit")
            .id()
            .field("user_id", .uuid, .required, .references("app_user", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("unit", "id", onDelete: .cascade))
            .unique(on: "user_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_unit").delete()
        try await database.schema("app_user").delete()
    }
}
