import FluentKit
import SQLKit

/// A PK's history is ordered by its own sequence: steps taken within the same second (a whole round run at once, or
/// a fast reviewer) have equal times, and PostgreSQL returns equal rows in any order. Existing events are numbered in
/// the order they were written (SQLite's rowid, PostgreSQL's ctid, both insertion order for rows never updated).
struct M0020_SequencePkEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE pk_event ADD COLUMN seq INTEGER NOT NULL DEFAULT 0").run()
        try await Self.number(sql)
        try await sql.create(index: "idx_pk_event_seq").on("pk_event").column("pk_id").column("seq").unique().run()
    }

    /// Numbers every PK's events by time, and in the order written where times are equal.
    static func number(_ sql: any SQLDatabase) async throws {
        let position = sql.dialect.name == "sqlite" ? "rowid" : "ctid"
        try await sql.raw("""
            UPDATE pk_event SET seq = (
                SELECT COUNT(*) FROM pk_event e2 WHERE e2.pk_id = pk_event.pk_id
                  AND (e2.at < pk_event.at OR (e2.at = pk_event.at AND e2.\(unsafeRaw: position) <= pk_event.\(unsafeRaw: position))))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "idx_pk_event_seq").run()
        try await database.schema("pk_event").deleteField("seq").update()
    }
}
