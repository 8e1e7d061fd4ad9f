import FluentKit

struct M0012_CreateUserTotp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_totp")
            .id()
            .field("user_id", .uuid, .required, .references("app_user", "id", onDelete: .cascade))
            .field("secret", .string, .required)
            .field("last_step", .int64, .required)
            .field("confirmed_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_totp").delete()
    }
}
