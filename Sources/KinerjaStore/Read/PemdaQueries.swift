import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Read-only queries behind the Pemda pages and the API, through SQLKit with the columns they need; counts in SQL.
/// Units, positions and holders come from the Pemda's cached organisation (`PemdaOrganisation`).
public enum PemdaQueries {
    /// Every Pemda with its counts, in one statement (the national list has 546).
    public static func list(on db: any Database) async throws -> [PemdaSummary] {
        let kinds = UnitKind.allCases.filter(\.isPerangkatDaerah).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await db.sql.raw("""
            SELECT p.code, p.name, p.kind, p.kepala_daerah_title,
                   (SELECT COUNT(*) FROM unit u WHERE u.pemda_id = p.id) AS units,
                   (SELECT COUNT(*) FROM unit u WHERE u.pemda_id = p.id AND u.parent_id IS NULL AND u.kind IN (\(unsafeRaw: kinds))) AS pd
            FROM pemda p ORDER BY p.name
            """).all().map { row in
            PemdaSummary(code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                         kind: PemdaKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .kota,
                         kepalaDaerahTitle: try row.decode(column: "kepala_daerah_title", as: String.self),
                         unitCount: try row.decode(column: "units", as: Int.self),
                         perangkatDaerahCount: try row.decode(column: "pd", as: Int.self))
        }
    }

    /// The Fluent model, for writers that change the row.
    public static func find(code: String, on db: any Database) async throws -> Pemda? {
        try await Pemda.query(on: db).filter(\.$code == code).first()
    }

    /// The profile: counts from the organisation, the RPJMD period in one statement.
    public static func detail(_ pemda: PemdaInfo, organisation: PemdaOrganisation, today: CalendarDate, on db: any Database)
        async throws -> PemdaDetail
    {
        let periode = try await db.sql.raw("""
            SELECT start_year, end_year, perda_number, perda_date FROM periode_rpjmd
            WHERE pemda_id = \(bind: pemda.id) ORDER BY start_year DESC LIMIT 1
            """).first().map { row in
            PeriodeRef(startYear: try row.decode(column: "start_year", as: Int.self),
                       endYear: try row.decode(column: "end_year", as: Int.self),
                       perdaNumber: try row.decode(column: "perda_number", as: String.self),
                       perdaDate: try row.decode(column: "perda_date", as: String.self))
        }
        let kepala = organisation.kepalaDaerah.flatMap { organisation.holders(of: $0.id, on: today).first }
        return PemdaDetail(
            summary: PemdaSummary(code: pemda.code, name: pemda.name, kind: pemda.kind, kepalaDaerahTitle: pemda.kepalaDaerahTitle,
                                  unitCount: organisation.units.count, perangkatDaerahCount: organisation.perangkatDaerahCount),
            seat: pemda.seat, kepalaDaerah: kepala, predikatScale: pemda.predikatScale, capaianCap: pemda.capaianCap,
            rpjmd: periode, jabatanCount: organisation.positions.count, pegawaiCount: organisation.people.count)
    }

    /// The units that have a Renstra, in one statement.
    public static func unitsWithRenstra(pemdaID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await db.sql.raw("SELECT DISTINCT unit_id FROM renstra WHERE pemda_id = \(bind: pemdaID)").all()
            .map { try $0.decode(column: "unit_id", as: UUID.self) })
    }
}

extension PeriodeRef {
    init(_ periode: PeriodeRpjmd) {
        self.init(startYear: periode.startYear, endYear: periode.endYear, perdaNumber: periode.perdaNumber,
                  perdaDate: periode.perdaDate)
    }
}
