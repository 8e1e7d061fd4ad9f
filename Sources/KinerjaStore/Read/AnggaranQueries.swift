import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Budget realisation as the pages read it: the newest entry of each DPA line and quarter, summed in SQL.
public enum AnggaranQueries {
    /// The newest entry of each line and quarter of one DPA, by line: TW I–IV, nil where none. One statement.
    public static func byLine(dpaUnitID unitID: UUID, year: Int, on db: any Database) async throws -> [UUID: [Int64?]] {
        var out: [UUID: [Int64?]] = [:]
        for row in try await db.sql.raw("""
            SELECT r.dpa_pagu_id, r.period, r.amount FROM realisasi_anggaran r
            JOIN dpa_pagu p ON p.id = r.dpa_pagu_id JOIN dpa d ON d.id = p.dpa_id
            WHERE d.unit_id = \(bind: unitID) AND d.year = \(bind: year) AND \(unsafeRaw: newest)
            """).all()
        {
            let line = try row.decode(column: "dpa_pagu_id", as: UUID.self)
            let period = try row.decode(column: "period", as: Int.self)
            guard Triwulan.all.contains(period) else { continue }
            var quarters = out[line] ?? [nil, nil, nil, nil]
            quarters[period - 1] = try row.decode(column: "amount", as: Int64.self)
            out[line] = quarters
        }
        return out
    }

    /// The realisation through `through` of every Perangkat Daerah of the year, summed in SQL: one statement.
    public static func byUnit(pemdaID: UUID, year: Int, through: Int, on db: any Database) async throws -> [UUID: Int64] {
        var out: [UUID: Int64] = [:]
        for row in try await db.sql.raw("""
            SELECT d.unit_id, CAST(SUM(r.amount) AS BIGINT) AS total FROM realisasi_anggaran r
            JOIN dpa_pagu p ON p.id = r.dpa_pagu_id JOIN dpa d ON d.id = p.dpa_id
            WHERE r.pemda_id = \(bind: pemdaID) AND r.year = \(bind: year) AND r.period <= \(bind: through) AND \(unsafeRaw: newest)
            GROUP BY d.unit_id
            """).all()
        {
            out[try row.decode(column: "unit_id", as: UUID.self)] = try row.decode(column: "total", as: Int64.self)
        }
        return out
    }

    /// Only the newest entry of a line and quarter counts.
    static let newest = """
        NOT EXISTS (SELECT 1 FROM realisasi_anggaran n WHERE n.dpa_pagu_id = r.dpa_pagu_id AND n.period = r.period AND n.seq > r.seq)
        """
}
