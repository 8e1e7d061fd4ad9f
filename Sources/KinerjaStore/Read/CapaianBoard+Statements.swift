import FluentKit
import Foundation
import KinerjaCore
import PostgresKit
import SQLKit

/// The board's two large statements, written once for both engines. On PostgreSQL they go straight to PostgresNIO and
/// are decoded by position: through SQLKit each cell was looked up by name and decoded through a generic path, which
/// took two thirds of a national recompute's time in the client (perf, 49 Pemda). SQLite keeps SQLKit.
extension CapaianBoard {
    /// A statement's text with `{pemda}` where the list of Pemda goes (inside `IN (…)`) and `{year}` the year.
    struct Statement {
        let template: String

        func sqlKit(pemdaIDs: [UUID], year: Int) -> SQLQueryString {
            var query = SQLQueryString("")
            var rest = Substring(template)
            while let marker = rest.firstRange(of: "{") {
                query.appendLiteral(String(rest[..<marker.lowerBound]))
                let after = rest[marker.lowerBound...]
                if after.hasPrefix("{pemda}") {
                    query.appendInterpolation(binds: pemdaIDs)
                    rest = after.dropFirst("{pemda}".count)
                } else if after.hasPrefix("{year}") {
                    query.appendInterpolation(bind: year)
                    rest = after.dropFirst("{year}".count)
                } else {
                    query.appendLiteral("{")
                    rest = after.dropFirst()
                }
            }
            query.appendLiteral(String(rest))
            return query
        }

        func postgres(pemdaIDs: [UUID], year: Int) -> PostgresQuery {
            var binds = PostgresBindings()
            for id in pemdaIDs { binds.append(id) }
            binds.append(year)
            let list = pemdaIDs.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
            return PostgresQuery(unsafeSQL: template.replacingOccurrences(of: "{pemda}", with: list)
                .replacingOccurrences(of: "{year}", with: "$\(pemdaIDs.count + 1)"), binds: binds)
        }
    }

    /// Fixed words of the code, never input: written into the text as literals.
    static let signedList = PkStatus.allCases.filter(\.isSigned).map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// 1. The rows of every PK in force (the newest signed version of each position), with their PK and the weight
    /// and RPJMD place of the indicator they were drawn from. A position, its PKs, their rows and the indicators they
    /// draw from are all the Pemda's: saying so in every join lets PostgreSQL read this Pemda's rows only (by
    /// `idx_pk_indikator_pemda`), where it otherwise scanned the whole country's rows for each Pemda.
    static let rowsStatement = Statement(template: """
        SELECT \(rowColumns)
        FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
        LEFT JOIN indikator i ON i.id = r.source_indikator_id AND i.pemda_id = p.pemda_id
        WHERE p.pemda_id IN ({pemda}) AND r.pemda_id = p.pemda_id AND p.year = {year} AND p.status IN (\(signedList))
          AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.pemda_id = p.pemda_id AND n.jabatan_id = p.jabatan_id AND n.year = p.year
                          AND n.version > p.version AND n.status IN (\(signedList)))
        ORDER BY p.level, p.unit_id, p.jabatan_id, r.sort_order
        """)

    /// 2. Every entry of the year, oldest first, with the quarter's evidence counted (only a quarter with an entry can
    /// lack evidence). `EntryTable.record` keeps the newest and the newest accepted of each indicator and quarter: an
    /// anti-join that left only those in SQL cost three times the scan (31 ms against 9 a Pemda) for 5% fewer rows.
    static let entriesStatement = Statement(template: """
        SELECT r.jabatan_id, r.row_key, r.period, r.month, r.seq, r.status, r.value, r.judgement, r.forecast,
               COALESCE(b.n, 0) AS bukti, r.pemda_id
        FROM realisasi r
        LEFT JOIN (SELECT jabatan_id, row_key, period, COUNT(*) AS n FROM realisasi_bukti
                   WHERE pemda_id IN ({pemda}) AND year = {year} GROUP BY jabatan_id, row_key, period) b
          ON b.jabatan_id = r.jabatan_id AND b.row_key = r.row_key AND b.period = r.period
        WHERE r.pemda_id IN ({pemda}) AND r.year = {year}
        ORDER BY r.seq
        """)

    /// One answer of statement 2.
    struct EntryRecord: Sendable {
        var jabatanID: UUID
        var rowKey: String
        var period: Int
        var month: Int
        var status: String
        var value: String
        var judgement: String?
        var forecast: String?
        var bukti: Int
        var pemdaID: UUID
    }

    /// The engine's PostgreSQL database, or nil on SQLite.
    static func postgres(_ db: any Database) -> (any PostgresDatabase)? {
        (db as? any PostgresDatabase) ?? (db as? any PreparedStatementDatabase)?.postgresForPreparedStatements
    }

    static func run<T: Sendable>(_ query: PostgresQuery, on postgres: any PostgresDatabase, logger: Logger,
                                 _ decode: @escaping @Sendable (PostgresRow) throws -> T) async throws -> [T]
    {
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var out: [T] = []
                for try await row in try await connection.query(query, logger: logger) { out.append(try decode(row)) }
                return out
            }
        }.get()
    }

    static func loadRows(pemdaIDs: [UUID], year: Int, on db: any Database) async throws -> [(UUID, Pk, Row)] {
        guard let postgres = postgres(db) else {
            return try await db.sql.raw(rowsStatement.sqlKit(pemdaIDs: pemdaIDs, year: year)).all().map { row in
                let (pk, decoded) = try decodeRow(row)
                return (try row.decode(column: "pemda_id", as: UUID.self), pk, decoded)
            }
        }
        return try await run(rowsStatement.postgres(pemdaIDs: pemdaIDs, year: year), on: postgres, logger: db.logger) { row in
            var c = Cells(row)
            let pkID = try c.next(UUID.self), jabatanID = try c.next(UUID.self), unitID = try c.next(UUID?.self)
            let level = try c.next(String.self), version = try c.next(Int.self), status = try c.next(String.self)
            let pk = Pk(id: pkID, jabatanID: jabatanID, unitID: unitID, level: PkLevel(rawValue: level) ?? .pengawas,
                        version: version, status: PkStatus(rawValue: status) ?? .ditandatangani)
            let key = try c.next(String.self), sasaran = try c.next(String.self), indikator = try c.next(String.self)
            let satuan = try c.next(String.self), spec = try c.next(String.self), target = try c.next(String.self)
            let quarterly = [try c.next(String.self), try c.next(String.self), try c.next(String.self), try c.next(String.self)]
            let weight = try c.next(String?.self), ownerKind = try c.next(String?.self), ownerID = try c.next(UUID?.self)
            let pemdaID = try c.next(UUID.self)
            let owner = ownerKind.flatMap(IndikatorOwner.init(rawValue:))
            return (pemdaID, pk, Row(pkID: pkID, jabatanID: jabatanID, key: key, sasaran: sasaran, indikator: indikator, satuan: satuan,
                                     spec: PkRow.decodeSpec(spec), target: target, quarterly: quarterly,
                                     weight: weight.flatMap(FixedDecimal.init(canonical:)) ?? FixedDecimal(1),
                                     strategicNode: owner == .sasaranRpjmd || owner == .tujuan ? ownerID : nil))
        }
    }

    static func loadEntries(pemdaIDs: [UUID], year: Int, on db: any Database) async throws -> [EntryRecord] {
        guard let postgres = postgres(db) else {
            return try await db.sql.raw(entriesStatement.sqlKit(pemdaIDs: pemdaIDs, year: year)).all().map { row in
                EntryRecord(jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                            rowKey: try row.decode(column: "row_key", as: String.self),
                            period: try row.decode(column: "period", as: Int.self), month: try row.decode(column: "month", as: Int.self),
                            status: try row.decode(column: "status", as: String.self), value: try row.decode(column: "value", as: String.self),
                            judgement: try row.decode(column: "judgement", as: String?.self),
                            forecast: try row.decode(column: "forecast", as: String?.self),
                            bukti: try row.decode(column: "bukti", as: Int.self),
                            pemdaID: try row.decode(column: "pemda_id", as: UUID.self))
            }
        }
        return try await run(entriesStatement.postgres(pemdaIDs: pemdaIDs, year: year), on: postgres, logger: db.logger) { row in
            var c = Cells(row)
            let jabatanID = try c.next(UUID.self), rowKey = try c.next(String.self)
            let period = try c.next(Int.self), month = try c.next(Int.self)
            _ = try c.next(Int.self)
            return EntryRecord(jabatanID: jabatanID, rowKey: rowKey, period: period, month: month, status: try c.next(String.self),
                               value: try c.next(String.self), judgement: try c.next(String?.self),
                               forecast: try c.next(String?.self), bukti: try c.next(Int.self), pemdaID: try c.next(UUID.self))
        }
    }

    /// A row's cells read in the statement's column order. Cell by cell rather than PostgresRow's tuple decode: that
    /// one instantiated the tuple's generic metadata on every row (perf: a tenth of a national recompute).
    struct Cells {
        struct MissingColumn: Error {}
        var iterator: PostgresRow.Iterator

        init(_ row: PostgresRow) { iterator = row.makeIterator() }

        mutating func next<T: PostgresDecodable>(_: T.Type) throws -> T {
            guard let cell = iterator.next() else { throw MissingColumn() }
            return try cell.decode(T.self)
        }
    }
}
