import FluentKit
import SQLKit

/// An account belongs to one person (`pegawai`), and a person has at most one account: a PK is signed by the holder
/// of the position that day through their own account, never by an account merely bound to the position. Accounts
/// with a NIP are bound to the employee with that NIP; others (a Kepala Daerah has no NIP) are bound by an admin.
struct M0016_BindAccountsToPegawai: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("app_user")
            .field("pegawai_id", .uuid, .references("pegawai", "id", onDelete: .setNull))
            .update()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            UPDATE app_user SET pegawai_id = (
                SELECT p.id FROM pegawai p WHERE p.nip = app_user.nip AND p.pemda_id = app_user.pemda_id)
            WHERE nip IS NOT NULL
            """).run()
        try await sql.create(index: "idx_app_user_pegawai").on("app_user").column("pegawai_id").unique().run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_app_user_pegawai").run()
        try await sql.alter(table: "app_user").dropColumn("pegawai_id").run()
    }
}
