import FluentKit
import Foundation
import KinerjaCore
import SQLKit

extension CapaianBoard {
    /// The newest published version of a position's PK for the board's year, with its rows: what the public may see
    /// while a PK Perubahan is signed but not yet published. Its rows keep their keys from version to version, so the
    /// board's accepted entries measure them. One statement.
    public func published(jabatanID: UUID, pemdaID: UUID, on db: any Database) async throws -> (pk: Pk, rows: [Row])? {
        let published = PkStatus.diterbitkan.rawValue
        var pk: Pk?
        var rows: [Row] = []
        for row in try await db.sql.raw("""
            SELECT \(unsafeRaw: Self.rowColumns)
            FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
            LEFT JOIN indikator i ON i.id = r.source_indikator_id AND i.pemda_id = p.pemda_id
            WHERE p.pemda_id = \(bind: pemdaID) AND p.jabatan_id = \(bind: jabatanID) AND p.year = \(bind: year)
              AND p.status = \(bind: published)
              AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.pemda_id = p.pemda_id AND n.jabatan_id = p.jabatan_id AND n.year = p.year
                              AND n.version > p.version AND n.status = \(bind: published))
            ORDER BY r.sort_order
            """).all()
        {
            let (version, decoded) = try Self.decodeRow(row)
            pk = pk ?? version
            rows.append(decoded)
        }
        return pk.map { ($0, rows) }
    }
}
