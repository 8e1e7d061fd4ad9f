import FluentKit
import Foundation
import KinerjaCore
import SQLKit

public struct RktView: Codable, Sendable, Equatable {
    public struct SasaranNode: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: Int
        public var text: String
        public var indikator: [IndikatorView]
    }

    public var unitID: UUID
    public var unitCode: String
    public var unitName: String
    public var year: Int
    public var sasaran: [SasaranNode]
}

public struct JadwalRow: Codable, Sendable, Equatable {
    public var stage: JadwalStage
    public var opens: String?
    public var closes: String?
    public var reopenedUntil: String?
    public var reopenReason: String?
    /// nil when no window is set for the stage.
    public var state: JadwalWindow.State?
}

/// A unit's RKT for a year, and a Pemda's schedule for a year.
public enum RktQueries {
    /// Three statements: the RKT's sasaran, and its indicators with their targets.
    public static func rkt(pemda: PemdaInfo, unit: PemdaOrganisation.UnitInfo, year: Int, on db: any Database) async throws
        -> RktView?
    {
        let sql = try db.sql
        let sasaran = try await sql.raw("""
            SELECT s.id, s.number, s.text FROM rkt_sasaran s JOIN rkt r ON r.id = s.rkt_id
            WHERE r.unit_id = \(bind: unit.id) AND r.year = \(bind: year) AND r.pemda_id = \(bind: pemda.id) ORDER BY s.number
            """).all()
        if sasaran.isEmpty {
            let exists = try await sql.raw("SELECT id FROM rkt WHERE unit_id = \(bind: unit.id) AND year = \(bind: year)").first()
            if exists == nil { return nil }
        }
        let indikator = try await PlanQueries.indicators(pemdaID: pemda.id, where: """
            i.owner_kind = 'rktSasaran' AND i.owner_id IN (SELECT s.id FROM rkt_sasaran s JOIN rkt r ON r.id = s.rkt_id
                                                           WHERE r.unit_id = \(bind: unit.id) AND r.year = \(bind: year))
            """ as SQLQueryString, on: sql)
        return RktView(unitID: unit.id, unitCode: unit.code, unitName: unit.name, year: year, sasaran: try sasaran.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            return RktView.SasaranNode(id: id, number: try row.decode(column: "number", as: Int.self),
                                       text: try row.decode(column: "text", as: String.self), indikator: indikator[id] ?? [])
        })
    }

    public static func jadwal(pemdaID: UUID, year: Int, today: CalendarDate, on db: any Database) async throws
        -> [JadwalRow]
    {
        let set = Dictionary(uniqueKeysWithValues: try await Jadwal.query(on: db).filter(\.$pemda.$id == pemdaID)
            .filter(\.$year == year).all().map { ($0.stage, $0) })
        return JadwalStage.allCases.map { stage in
            guard let jadwal = set[stage] else { return JadwalRow(stage: stage) }
            return JadwalRow(stage: stage, opens: jadwal.opens, closes: jadwal.closes,
                             reopenedUntil: jadwal.reopenedUntil, reopenReason: jadwal.reopenReason,
                             state: jadwal.window?.state(on: today))
        }
    }

    /// The unit that owns an RKT indicator, for the policy's unit scope.
    public static func unitOfRktIndikator(_ indikatorID: UUID, pemdaID: UUID, on db: any Database) async throws
        -> Unit?
    {
        guard let indikator = try await Indikator.find(indikatorID, on: db), indikator.$pemda.id == pemdaID,
            indikator.ownerKind == .rktSasaran,
            let sasaran = try await RktSasaran.find(indikator.ownerID, on: db),
            let rkt = try await Rkt.find(sasaran.$rkt.id, on: db)
        else { return nil }
        return try await Unit.find(rkt.$unit.id, on: db)
    }
}

extension JadwalRow {
    init(stage: JadwalStage) {
        self.init(stage: stage, opens: nil, closes: nil, reopenedUntil: nil, reopenReason: nil, state: nil)
    }
}
