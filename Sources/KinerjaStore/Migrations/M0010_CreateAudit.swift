import FluentKit
import SQLKit

struct M0010_CreateAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // No foreign key to the Pemda: the trail must outlive whatever it describes.
        try await database.schema("audit_event")
            .id()
            .field("pemda_id", .uuid)
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("request_id", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("unit_id", .uuid)
            .field("action", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("reason", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_audit_pemda_at").on("audit_event").column("pemda_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "idx_audit_pemda_at").run()
        try await database.schema("audit_event").delete()
    }
}
