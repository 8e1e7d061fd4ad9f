import FluentKit
import FluentPostgresDriver
import Foundation
import PostgresKit
import SQLKit

/// A database that can hand a PostgreSQL connection to a prepared statement (the engine's own, or a wrapper around
/// it such as the app's statement counter).
public protocol PreparedStatementDatabase: Sendable {
    /// The engine's PostgreSQL database, or nil on SQLite.
    var postgresForPreparedStatements: (any PostgresDatabase)? { get }
}

/// The session statement: run on every signed-in request. On PostgreSQL it is a named prepared statement, parsed
/// and planned once per connection; sent unnamed, parsing and planning it took a third of the server's CPU.
enum SessionLookup {
    static let columns = """
        SELECT s.id, s.csrf, s.data, s.created_at, s.seen_at, s.user_id,
               u.username, u.display_name, u.roles, u.active, u.must_change_password, u.jabatan_id, u.pegawai_id, u.nip,
               p.id AS p_id, p.code AS p_code, p.name AS p_name, p.kind AS p_kind, p.seat AS p_seat,
               p.kepala_daerah_title AS p_kepala_daerah_title, p.predikat_scale AS p_predikat_scale,
               p.capaian_cap AS p_capaian_cap, p.time_zone AS p_time_zone, p.structure_version AS p_structure_version,
               (SELECT n FROM data_revision WHERE id = 1) AS data_revision
        FROM web_session s
        LEFT JOIN app_user u ON u.id = s.user_id
        LEFT JOIN pemda p ON p.id = u.pemda_id
        """

    struct Prepared: PostgresPreparedStatement {
        static let name = "kinerja_session_lookup"
        static let sql = SessionLookup.columns + " WHERE s.id = $1"
        typealias Row = PostgresRow
        var key: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(key)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }

    static func row(key: String, on db: any Database) async throws -> (any SQLRow)? {
        let postgres = (db as? any PostgresDatabase) ?? (db as? any PreparedStatementDatabase)?.postgresForPreparedStatements
        guard let postgres else {
            return try await db.sql.raw("\(unsafeRaw: columns) WHERE s.id = \(bind: key)").first()
        }
        let logger = db.logger
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var found: [PostgresRow] = []
                for try await row in try await connection.execute(Prepared(key: key), logger: logger) { found.append(row) }
                return found
            }
        }.get()
        return rows.first.map { $0.sql() }
    }
}
