import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Who holds a position on a day, by the one rule of `PenugasanSpan.signer` (definitive, else Plt, else Plh).
public struct PositionHolder: Sendable, Hashable {
    public var pegawaiID: UUID
    public var name: String
    public var nip: String?
    public var pangkat: String
    public var kind: PenugasanKind

    /// For one position, in one statement (writers; pages use the cached `PemdaOrganisation`).
    public static func find(jabatanID: UUID, on day: CalendarDate, db: any Database) async throws -> PositionHolder? {
        let rows = try await db.sql.raw("""
            SELECT a.kind, a.start_date, a.end_date, p.id, p.name, p.nip, p.pangkat
            FROM penugasan a JOIN pegawai p ON p.id = a.pegawai_id WHERE a.jabatan_id = \(bind: jabatanID)
            """).all()
        let candidates: [(span: PenugasanSpan, holder: PositionHolder)] = try rows.compactMap { row in
            guard let kind = PenugasanKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let start = CalendarDate(iso: try row.decode(column: "start_date", as: String.self))
            else { return nil }
            let span = PenugasanSpan(kind: kind, start: start,
                                     end: try row.decode(column: "end_date", as: String?.self).flatMap(CalendarDate.init(iso:)))
            return (span, PositionHolder(pegawaiID: try row.decode(column: "id", as: UUID.self),
                                         name: try row.decode(column: "name", as: String.self),
                                         nip: try row.decode(column: "nip", as: String?.self),
                                         pangkat: try row.decode(column: "pangkat", as: String.self), kind: kind))
        }
        return PenugasanSpan.signer(among: candidates, on: day, span: \.span)?.holder
    }

    /// The signer as printed: a Plt/Plh signs with the prefix before the position's name.
    public func signer(jabatanName: String) -> PkSigner {
        PkSigner(name: name, nip: nip, pangkat: pangkat, jabatan: kind.signaturePrefix + jabatanName)
    }
}
