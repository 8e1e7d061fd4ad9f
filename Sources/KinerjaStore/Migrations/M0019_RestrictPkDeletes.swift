import FluentKit
import SQLKit

/// A delete never reaches a PK through a foreign key: until this version deleting a position, a unit or a Pemda
/// cascaded into its PKs, their signatures and seals. The PK tables' keys become `ON DELETE RESTRICT`; what must go
/// is removed on purpose, children first (`PemdaEraser`).
struct M0019_RestrictPkDeletes: AsyncMigration {
    static let tables = ["pk", "pk_hardcopy", "pk_indikator", "pk_link", "pk_anggaran", "pk_event", "pk_signature", "pk_seal"]

    func prepare(on database: any Database) async throws {
        try await Self.change(database, from: "ON DELETE CASCADE", to: "ON DELETE RESTRICT")
    }

    func revert(on database: any Database) async throws {
        try await Self.change(database, from: "ON DELETE RESTRICT", to: "ON DELETE CASCADE")
    }

    struct Refused: Error, CustomStringConvertible {
        var reason: String
        var description: String { "M0019: \(reason)" }
    }

    static func change(_ database: any Database, from old: String, to new: String) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.withSession { try await rebuildSQLite($0, from: old, to: new) }
        } else {
            try await database.transaction { db in try await alterPostgres(db as! any SQLDatabase, from: old, to: new) }
        }
    }

    /// PostgreSQL changes a key in place: drop it and add it again under the same name with the new action.
    static func alterPostgres(_ sql: any SQLDatabase, from old: String, to new: String) async throws {
        for table in tables {
            let keys = try await sql.raw("""
                SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                WHERE conrelid = \(bind: table)::regclass AND contype = 'f'
                """).all()
            for key in keys {
                let name = try key.decode(column: "conname", as: String.self)
                let definition = try key.decode(column: "def", as: String.self)
                guard definition.contains(old) else { continue }
                let changed = definition.replacingOccurrences(of: old, with: new)
                try await sql.raw("""
                    ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: name), ADD CONSTRAINT \(ident: name) \(unsafeRaw: changed)
                    """).run()
            }
        }
    }

    /// SQLite cannot alter a key: each table is made again from its own definition with the new action, its rows
    /// copied and its indexes recreated (the documented twelve steps, with foreign keys off on this connection only).
    static func rebuildSQLite(_ sql: any SQLDatabase, from old: String, to new: String) async throws {
        try await sql.raw("PRAGMA foreign_keys = OFF").run()
        do {
            try await sql.raw("BEGIN").run()
            for table in tables {
                let objects = try await sql.raw("""
                    SELECT type, sql FROM sqlite_master WHERE tbl_name = \(bind: table) AND sql IS NOT NULL
                    """).all()
                var definition: String?
                var indexes: [String] = []
                for object in objects {
                    let text = try object.decode(column: "sql", as: String.self)
                    if try object.decode(column: "type", as: String.self) == "table" { definition = text } else { indexes.append(text) }
                }
                guard let definition, definition.contains(old) else { continue }
                let temporary = "\(table)_m0019"
                guard let head = definition.range(of: "\"\(table)\"") ?? definition.range(of: table) else {
                    throw Refused(reason: "no definition of \(table) to rebuild")
                }
                let created = definition.replacingCharacters(in: head, with: "\"\(temporary)\"")
                    .replacingOccurrences(of: old, with: new)
                try await sql.raw("\(unsafeRaw: created)").run()
                try await sql.raw("INSERT INTO \(ident: temporary) SELECT * FROM \(ident: table)").run()
                try await sql.raw("DROP TABLE \(ident: table)").run()
                try await sql.raw("ALTER TABLE \(ident: temporary) RENAME TO \(ident: table)").run()
                for index in indexes { try await sql.raw("\(unsafeRaw: index)").run() }
            }
            let broken = try await sql.raw("PRAGMA foreign_key_check").all()
            guard broken.isEmpty else {
                throw Refused(reason: "foreign_key_check found \(broken.count) rows without their parent")
            }
            try await sql.raw("COMMIT").run()
        } catch {
            try? await sql.raw("ROLLBACK").run()
            try? await sql.raw("PRAGMA foreign_keys = ON").run()
            throw error
        }
        try await sql.raw("PRAGMA foreign_keys = ON").run()
    }
}
