import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A Pemda as every page of it needs it, read by SQLKit in one statement (or taken from the session of a user of
/// that Pemda, which reads the same columns).
public struct PemdaInfo: Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: PemdaKind
    public var seat: String
    public var kepalaDaerahTitle: String
    public var predikatScale: String
    public var capaianCap: CapaianCap
    public var zone: ZonaWaktu
    public var structureVersion: Int

    public init(id: UUID, code: String, name: String, kind: PemdaKind, seat: String, kepalaDaerahTitle: String? = nil,
                predikatScale: String = PredikatScale.permendagri86.id, capaianCap: CapaianCap = .none, zone: ZonaWaktu? = nil,
                structureVersion: Int = 0)
    {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.seat = seat
        self.kepalaDaerahTitle = kepalaDaerahTitle ?? kind.kepalaDaerahTitle
        self.predikatScale = predikatScale
        self.capaianCap = capaianCap
        self.zone = zone ?? ZonaWaktu.forPemdaCode(code)
        self.structureVersion = structureVersion
    }

    static let columns = "id, code, name, kind, seat, kepala_daerah_title, predikat_scale, capaian_cap, time_zone, structure_version"

    init(row: any SQLRow, prefix: String = "") throws {
        func col(_ name: String) -> String { prefix + name }
        id = try row.decode(column: col("id"), as: UUID.self)
        code = try row.decode(column: col("code"), as: String.self)
        name = try row.decode(column: col("name"), as: String.self)
        kind = PemdaKind(rawValue: try row.decode(column: col("kind"), as: String.self)) ?? .kota
        seat = try row.decode(column: col("seat"), as: String.self)
        kepalaDaerahTitle = try row.decode(column: col("kepala_daerah_title"), as: String.self)
        predikatScale = try row.decode(column: col("predikat_scale"), as: String.self)
        capaianCap = CapaianCap(rawValue: try row.decode(column: col("capaian_cap"), as: String.self)) ?? .none
        zone = ZonaWaktu(rawValue: try row.decode(column: col("time_zone"), as: String.self)) ?? .wib
        structureVersion = try row.decode(column: col("structure_version"), as: Int.self)
    }
}

extension PemdaQueries {
    public static func info(id: UUID, on db: any Database) async throws -> PemdaInfo? {
        try await db.sql.raw("SELECT \(unsafeRaw: PemdaInfo.columns) FROM pemda WHERE id = \(bind: id)").first()
            .map { try PemdaInfo(row: $0) }
    }

    /// The Pemda with this Kemendagri code; codes longer than any real one are not looked up.
    public static func info(code: String, on db: any Database) async throws -> PemdaInfo? {
        guard code.utf8.count <= 32 else { return nil }
        return try await db.sql.raw("SELECT \(unsafeRaw: PemdaInfo.columns) FROM pemda WHERE code = \(bind: code)").first()
            .map { try PemdaInfo(row: $0) }
    }
}
