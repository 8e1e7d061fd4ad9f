import FluentKit
import SQLKit

/// Sessions of the web application: one row per signed-in browser (or one waiting for its second factor), keyed by
/// the SHA-256 of the cookie's token so that reading the table does not hand out live sessions.
struct M0014_CreateWebSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("web_session")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .references("app_user", "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("seen_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_web_session_user").on("web_session").column("user_id").run()
        try await sql.create(index: "idx_web_session_seen").on("web_session").column("seen_at").run()
        // Vapor's own session table is no longer used; sessions kept there never expired.
        try await sql.drop(table: "_fluent_sessions").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_web_session_seen").run()
        try await sql.drop(index: "idx_web_session_user").run()
        try await database.schema("web_session").delete()
    }
}
