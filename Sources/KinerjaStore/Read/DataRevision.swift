import FluentKit
import Foundation
import SQLKit

/// One number that every committed change of the data raises: triggers on every table (save the sessions' and the
/// sign-in throttle's, which change on reads) add one to the single row of `data_revision` in the transaction of the
/// change. A page built after reading revision r shows data at least as new as r, so whatever is kept under r
/// (`PageCache`) is current for as long as the number stays r, on every app server sharing the database, whoever
/// wrote and however (a handler, a command, a hand-typed SQL statement).
public enum DataRevision {
    static let table = "data_revision"

    /// Tables written by reads or by signing in: tracking them would make every request a change.
    public static let untracked: Set<String> = ["data_revision", "web_session", "login_throttle", "_fluent_migrations"]

    /// The current revision, in one statement.
    public static func current(on db: any Database) async throws -> Int64 {
        let row = try await db.sql.raw("SELECT n FROM data_revision WHERE id = 1").first()
        return try row?.decode(column: "n", as: Int64.self) ?? 0
    }

    /// The tables of the schema that must carry the triggers.
    public static func trackedTables(on db: any Database) async throws -> [String] {
        let sql = try db.sql
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
            .filter { !untracked.contains($0) }
    }

    /// The tables that carry the triggers now, read from the catalogue (for the test that every table is tracked).
    public static func tablesWithTriggers(on db: any Database) async throws -> Set<String> {
        let sql = try db.sql
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data_revision_%'"
            : "SELECT DISTINCT event_object_table AS name FROM information_schema.triggers WHERE trigger_name LIKE 'data_revision_%'"
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    /// Creates the table and its row once, then the triggers of every table that lacks them. Idempotent: a migration
    /// that adds or rebuilds a table calls it again.
    public static func install(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw("CREATE TABLE IF NOT EXISTS data_revision (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO data_revision (id, n) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM data_revision)").run()
        let present = try await tablesWithTriggers(on: db)
        if sql.dialect.name != "sqlite" {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; RETURN NULL; END $$
                """).run()
        }
        for table in try await trackedTables(on: db) where !present.contains(table) {
            try await trigger(table, on: sql)
        }
    }

    /// SQLite has row triggers only, and one writer at a time. PostgreSQL bumps once per statement and BEFORE it
    /// touches a row: the revision row is then the first lock of every writing transaction, so two transactions
    /// never wait for each other's rows while one of them holds it (no deadlock through it).
    private static func trigger(_ table: String, on sql: any SQLDatabase) async throws {
        let name = "data_revision_\(table)"
        if sql.dialect.name == "sqlite" {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER IF NOT EXISTS \(unsafeRaw: name)_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event) ON \(ident: table)
                    BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: name) BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(ident: table)
                FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump()
                """).run()
        }
    }

    /// Drops the triggers and the table (the migration's revert).
    static func uninstall(on db: any Database) async throws {
        let sql = try db.sql
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data_revision_%'"
            : "SELECT DISTINCT trigger_name AS name, event_object_table AS tbl FROM information_schema.triggers WHERE trigger_name LIKE 'data_revision_%'"
        for row in try await sql.raw(query).all() {
            let name = try row.decode(column: "name", as: String.self)
            let table = try row.decode(column: "tbl", as: String.self)
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: name)").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: name) ON \(ident: table)").run()
            }
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS data_revision_bump()").run() }
        try await sql.raw("DROP TABLE IF EXISTS data_revision").run()
    }
}
