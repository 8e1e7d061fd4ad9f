import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// What a user's scope is worked out from, for one Pemda at one structure version: the unit tree, the chain of
/// positions and the units operators are bound to. Read in three statements; app servers cache it by version.
public struct PemdaStructure: Sendable {
    public var pemdaID: UUID
    public var version: Int
    public var scope: ScopeTree<UUID>

    public static func load(pemdaID: UUID, on db: any Database) async throws -> PemdaStructure {
        let sql = try db.sql
        let version = try await sql.select().column("structure_version").from("pemda").where("id", .equal, pemdaID)
            .first()?.decode(column: "structure_version", as: Int.self) ?? 0
        var units: [UUID: ScopeTree<UUID>.UnitNode] = [:]
        for row in try await sql.select().columns("id", "parent_id", "code").from("unit").where("pemda_id", .equal, pemdaID).all() {
            units[try row.decode(column: "id", as: UUID.self)] = .init(
                parent: try row.decode(column: "parent_id", as: UUID?.self), code: try row.decode(column: "code", as: String.self))
        }
        var positions: [UUID: ScopeTree<UUID>.PositionNode] = [:]
        for row in try await sql.select().columns("id", "superior_id", "unit_id").from("jabatan")
            .where("pemda_id", .equal, pemdaID).all()
        {
            positions[try row.decode(column: "id", as: UUID.self)] = .init(
                superior: try row.decode(column: "superior_id", as: UUID?.self), unit: try row.decode(column: "unit_id", as: UUID?.self))
        }
        var bound: [UUID: [UUID]] = [:]
        for row in try await sql.select().column(SQLColumn("user_id", table: "user_unit")).column(SQLColumn("unit_id", table: "user_unit"))
            .from("user_unit").join("unit", on: SQLColumn("unit_id", table: "user_unit"), .equal, SQLColumn("id", table: "unit"))
            .where(SQLColumn("pemda_id", table: "unit"), .equal, SQLBind(pemdaID)).all()
        {
            bound[try row.decode(column: "user_id", as: UUID.self), default: []].append(try row.decode(column: "unit_id", as: UUID.self))
        }
        return PemdaStructure(pemdaID: pemdaID, version: version,
                              scope: ScopeTree(units: units, positions: positions, boundUnits: bound))
    }

    /// Marks the Pemda's organisation as changed; called in the transaction of the change (see `AuditTrail`).
    static func bump(_ pemdaID: UUID, on db: any Database) async throws {
        try await db.sql.update("pemda")
            .set(SQLIdentifier("structure_version"),
                 to: SQLBinaryExpression(SQLIdentifier("structure_version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, pemdaID).run()
    }
}

extension Database {
    /// Both engines speak SQLKit; a database that does not is a programming error, reported as a thrown error.
    public var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw SQLUnavailable() }
            return sql
        }
    }
}

struct SQLUnavailable: Error {}
