import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A Perangkat Daerah's DPA of a year, as the DPA pages list it.
public struct DpaSummary: Sendable, Hashable {
    public var unitID: UUID
    public var number: String
    public var ratifiedOn: CalendarDate?
    /// The sum of the program lines (each program carries the sum of its kegiatan).
    public var programTotal: Int64
}

public struct DpaLine: Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var name: String
    public var amount: Int64
}

public enum DpaQueries {
    /// Every DPA of the year with its program total, summed in SQL: one statement.
    public static func list(pemdaID: UUID, year: Int, on db: any Database) async throws -> [UUID: DpaSummary] {
        var out: [UUID: DpaSummary] = [:]
        for row in try await db.sql.raw("""
            SELECT d.unit_id, d.number, d.ratified_on,
                   \(unsafeRaw: programTotal) AS total
            FROM dpa d LEFT JOIN dpa_pagu p ON p.dpa_id = d.id
            WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
            GROUP BY d.unit_id, d.number, d.ratified_on
            """).all()
        {
            let unit = try row.decode(column: "unit_id", as: UUID.self)
            out[unit] = DpaSummary(unitID: unit, number: try row.decode(column: "number", as: String.self),
                                   ratifiedOn: CalendarDate(iso: try row.decode(column: "ratified_on", as: String.self)),
                                   programTotal: try row.decode(column: "total", as: Int64.self))
        }
        return out
    }

    /// The sum of a DPA's program lines (`dpa_pagu p`): each program carries the sum of its kegiatan, so summing
    /// every line would count the money two or three times.
    static let programTotal = "CAST(COALESCE(SUM(CASE WHEN LENGTH(p.code) - LENGTH(REPLACE(p.code, '.', '')) = 2 THEN p.amount ELSE 0 END), 0) AS BIGINT)"

    /// One DPA and its lines by code: two statements.
    public static func detail(unitID: UUID, year: Int, on db: any Database) async throws -> (DpaSummary?, [DpaLine]) {
        let sql = try db.sql
        guard let head = try await sql.raw("""
            SELECT id, number, ratified_on FROM dpa WHERE unit_id = \(bind: unitID) AND year = \(bind: year)
            """).first()
        else { return (nil, []) }
        let dpaID = try head.decode(column: "id", as: UUID.self)
        let lines = try await sql.raw("""
            SELECT id, code, name, amount FROM dpa_pagu WHERE dpa_id = \(bind: dpaID) ORDER BY code
            """).all().map { row in
            DpaLine(id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                    name: try row.decode(column: "name", as: String.self), amount: try row.decode(column: "amount", as: Int64.self))
        }
        let total = lines.filter { NomenclatureCode.level(of: $0.code) == .program }.reduce(Int64(0)) { $0 &+ $1.amount }
        return (DpaSummary(unitID: unitID, number: try head.decode(column: "number", as: String.self),
                           ratifiedOn: CalendarDate(iso: try head.decode(column: "ratified_on", as: String.self)), programTotal: total),
                lines)
    }

    /// The DPA line `lineID` if it belongs to the unit's DPA.
    public static func lineBelongs(_ lineID: UUID, unitID: UUID, on db: any Database) async throws -> Bool {
        try await db.sql.raw("""
            SELECT p.id FROM dpa_pagu p JOIN dpa d ON d.id = p.dpa_id WHERE p.id = \(bind: lineID) AND d.unit_id = \(bind: unitID)
            """).first() != nil
    }
}
