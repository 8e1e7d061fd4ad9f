import FluentKit
import Foundation
import KinerjaCore

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
    public static func rkt(pemda: Pemda, unitID: UUID, year: Int, on db: any Database) async throws -> RktView? {
        let pemdaID = try pemda.requireID()
        guard let unit = try await Unit.find(unitID, on: db), unit.$pemda.id == pemdaID,
            let rkt = try await Rkt.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == year).first()
        else { return nil }
        let sasaran = try await RktSasaran.query(on: db).filter(\.$rkt.$id == rkt.requireID()).sort(\.$number).all()
        let indikator = try await PlanQueries.indicators(pemdaID: pemdaID, owner: .rktSasaran,
                                                         ownerIDs: sasaran.compactMap(\.id), on: db)
        return RktView(unitID: unitID, unitCode: unit.code, unitName: unit.name, year: year, sasaran: sasaran.map {
            RktView.SasaranNode(id: $0.id!, number: $0.number, text: $0.text, indikator: indikator[$0.id!] ?? [])
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
