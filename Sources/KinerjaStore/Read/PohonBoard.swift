import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// What the pohon kinerja needs beyond the year's figures: how the rows in force link to their superiors' rows, the
/// nomenclature codes each row is drawn from, and each PK's budget lines with their realisation. Three statements
/// however large the Pemda; the tree itself is `PohonKinerja`, built from these and `KinerjaFigures`.
public struct PohonBoard: Sendable {
    public struct Link: Sendable, Hashable {
        public var jabatanID: UUID
        public var key: String
        public var superiorJabatanID: UUID
        public var superiorKey: String
    }

    public struct BudgetLine: Sendable, Hashable {
        public var pkID: UUID
        public var code: String
        public var name: String
        public var amount: Int64
    }

    public var links: [Link]
    /// By "jabatan|key": the codes of the Renstra program, kegiatan or sub kegiatan the row's indicator belongs to, or
    /// of the programs under the Renstra sasaran it belongs to.
    public var codes: [String: [String]]
    public var budget: [BudgetLine]
    /// Budget realised by Perangkat Daerah, DPA line code and quarter (newest entries only).
    public var realised: [UUID: [String: [Int64]]]

    /// - Parameter published: read each position's newest published PK (the portal's, as
    ///   `CapaianBoard.publishedOnly` reads it) instead of its newest signed one.
    public static func load(pemdaID: UUID, year: Int, published: Bool = false, on db: any Database) async throws -> PohonBoard {
        let sql = try db.sql
        let signed: [any Encodable & Sendable] = PkStatus.allCases.filter { published ? $0 == .diterbitkan : $0.isSigned }.map(\.rawValue)
        // The newest signed (or published) version of each position: the PK in force, as `CapaianBoard` reads it.
        func inForce(_ p: String) -> SQLQueryString {
            """
            \(unsafeRaw: p).pemda_id = \(bind: pemdaID) AND \(unsafeRaw: p).year = \(bind: year) AND \(unsafeRaw: p).status IN (\(binds: signed))
              AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.jabatan_id = \(unsafeRaw: p).jabatan_id AND n.year = \(unsafeRaw: p).year
                              AND n.version > \(unsafeRaw: p).version AND n.status IN (\(binds: signed)))
            """
        }
        // 1. Each link of a row in force, by position and key on both ends: a superior's PK Perubahan keeps its keys,
        // so a link made to the version before still finds the row in force.
        let links = try await sql.raw("""
            SELECT DISTINCT p.jabatan_id, r.key, sp.jabatan_id AS superior_jabatan, sr.key AS superior_key
            FROM pk p JOIN pk_indikator r ON r.pk_id = p.id JOIN pk_link l ON l.row_id = r.id
            JOIN pk_indikator sr ON sr.id = l.superior_row_id JOIN pk sp ON sp.id = sr.pk_id
            WHERE \(inForce("p")) AND sp.year = \(bind: year)
            ORDER BY p.jabatan_id, r.key, sp.jabatan_id, sr.key
            """).all().map { row in
            Link(jabatanID: try row.decode(column: "jabatan_id", as: UUID.self), key: try row.decode(column: "key", as: String.self),
                 superiorJabatanID: try row.decode(column: "superior_jabatan", as: UUID.self),
                 superiorKey: try row.decode(column: "superior_key", as: String.self))
        }

        // 2. The codes a row is drawn from: its indicator's Renstra item, or the programs of its Renstra sasaran
        // (directly, or through the RKT sasaran that restates it).
        var codes: [String: [String]] = [:]
        for row in try await sql.raw("""
            SELECT p.jabatan_id, r.key, ri.code FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
              JOIN indikator i ON i.id = r.source_indikator_id
              JOIN renstra_item ri ON i.owner_kind = 'renstraItem' AND ri.id = i.owner_id
              WHERE \(inForce("p"))
            UNION ALL
            SELECT p.jabatan_id, r.key, ri.code FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
              JOIN indikator i ON i.id = r.source_indikator_id
              JOIN renstra_item ri ON i.owner_kind = 'renstraSasaran' AND ri.sasaran_id = i.owner_id AND ri.level = 'program'
              WHERE \(inForce("p"))
            UNION ALL
            SELECT p.jabatan_id, r.key, ri.code FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
              JOIN indikator i ON i.id = r.source_indikator_id
              JOIN rkt_sasaran rs ON i.owner_kind = 'rktSasaran' AND rs.id = i.owner_id
              JOIN renstra_item ri ON ri.sasaran_id = rs.renstra_sasaran_id AND ri.level = 'program'
              WHERE \(inForce("p"))
            """).all()
        {
            let key = "\(try row.decode(column: "jabatan_id", as: UUID.self))|\(try row.decode(column: "key", as: String.self))"
            codes[key, default: []].append(try row.decode(column: "code", as: String.self))
        }

        // 3. The budget lines of the PKs in force, then the realisation of every DPA line by unit and quarter.
        let budget = try await sql.raw("""
            SELECT b.pk_id, b.code, b.name, b.amount FROM pk p JOIN pk_anggaran b ON b.pk_id = p.id
            WHERE \(inForce("p")) ORDER BY p.jabatan_id, b.sort_order
            """).all().map { row in
            BudgetLine(pkID: try row.decode(column: "pk_id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                       name: try row.decode(column: "name", as: String.self), amount: try row.decode(column: "amount", as: Int64.self))
        }
        var realised: [UUID: [String: [Int64]]] = [:]
        for row in try await sql.raw("""
            SELECT d.unit_id, dp.code, r.period, CAST(SUM(r.amount) AS BIGINT) AS total FROM realisasi_anggaran r
            JOIN dpa_pagu dp ON dp.id = r.dpa_pagu_id JOIN dpa d ON d.id = dp.dpa_id
            WHERE r.pemda_id = \(bind: pemdaID) AND r.year = \(bind: year) AND \(unsafeRaw: AnggaranQueries.newest)
            GROUP BY d.unit_id, dp.code, r.period
            """).all()
        {
            let period = try row.decode(column: "period", as: Int.self)
            guard Triwulan.all.contains(period) else { continue }
            let unit = try row.decode(column: "unit_id", as: UUID.self)
            let code = try row.decode(column: "code", as: String.self)
            var quarters = realised[unit]?[code] ?? [0, 0, 0, 0]
            quarters[period - 1] = try row.decode(column: "total", as: Int64.self)
            realised[unit, default: [:]][code] = quarters
        }
        return PohonBoard(links: links, codes: codes, budget: budget, realised: realised)
    }

    /// Budget realised through `through` on the line `code` and every line under it, in one Perangkat Daerah's DPA
    /// or (nil) in all of them: the Kepala Daerah's programs span every unit.
    func realised(code: String, opd: UUID?, through: Int) -> Int64 {
        let units: [[String: [Int64]]] = if let opd { realised[opd].map { [$0] } ?? [] } else { Array(realised.values) }
        var total: Int64 = 0
        for lines in units {
            for (lineCode, quarters) in lines where lineCode == code || lineCode.hasPrefix(code + ".") {
                for amount in quarters.prefix(through) {
                    let (sum, overflow) = total.addingReportingOverflow(amount)
                    total = overflow ? .max : sum
                }
            }
        }
        return total
    }
}
