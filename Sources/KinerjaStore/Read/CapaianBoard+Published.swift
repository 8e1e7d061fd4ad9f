import FluentKit
import Foundation
import KinerjaCore
import SQLKit

extension CapaianBoard {
    /// The newest published version of a position's PK for the board's year, with its rows: what the public may see
    /// while a PK Perubahan is signed but not yet published. Its rows keep their keys from version to version, so the
    /// board's accepted entries measure them. One statement.
    public func published(jabatanID: UUID, pemdaID: UUID, on db: any Database) async throws -> (pk: Pk, rows: [Row])? {
        let found = try await publishedRows(pemdaID: pemdaID, jabatanID: jabatanID, on: db)
        guard let pk = found.first?.0 else { return nil }
        return (pk, found.map(\.1))
    }

    /// The board as the public sees it: each position's newest published PK, measured by the same accepted entries.
    /// A position whose PK in force is a signed PK Perubahan not yet published shows its earlier published version;
    /// a position with nothing published is left out. The board itself when every PK in force is published; else
    /// one statement.
    public func publishedOnly(pemdaID: UUID, on db: any Database) async throws -> CapaianBoard {
        guard pks.contains(where: { $0.status != .diterbitkan }) else { return self }
        var shownPks: [Pk] = []
        var seen: Set<UUID> = []
        var shownRows: [Row] = []
        for (pk, row) in try await publishedRows(pemdaID: pemdaID, jabatanID: nil, on: db) {
            if seen.insert(pk.id).inserted { shownPks.append(pk) }
            shownRows.append(row)
        }
        return CapaianBoard(year: year, pks: shownPks, rows: shownRows, windows: windows, strategic: strategic, pagu: pagu,
                            budgetRealised: budgetRealised, table: table)
    }

    /// The rows of the newest published PK of one position, or of every position, in the board's order.
    private func publishedRows(pemdaID: UUID, jabatanID: UUID?, on db: any Database) async throws -> [(Pk, Row)] {
        let published = PkStatus.diterbitkan.rawValue
        let position: SQLQueryString = jabatanID.map { "AND p.jabatan_id = \(bind: $0)" } ?? ""
        return try await db.sql.raw("""
            SELECT \(unsafeRaw: Self.rowColumns)
            FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
            LEFT JOIN indikator i ON i.id = r.source_indikator_id AND i.pemda_id = p.pemda_id
            WHERE p.pemda_id = \(bind: pemdaID) \(position) AND p.year = \(bind: year) AND p.status = \(bind: published)
              AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.pemda_id = p.pemda_id AND n.jabatan_id = p.jabatan_id AND n.year = p.year
                              AND n.version > p.version AND n.status = \(bind: published))
            ORDER BY p.level, p.unit_id, p.jabatan_id, r.sort_order
            """).all().map(Self.decodeRow)
    }
}
