import Foundation
import FluentKit
import KinerjaCore
import SQLKit

/// Each Pemda's time zone (WIB, WITA or WIT, from its province code) and the version number of its organisation,
/// which every change of units, positions or accounts raises.
struct M0015_AddPemdaZoneAndVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        try await database.schema("pemda")
            .field("time_zone", .string, .required, .custom(SQLColumnConstraintAlgorithm.default(ZonaWaktu.wib.rawValue)))
            .update()
        try await database.schema("pemda")
            .field("structure_version", .int, .required, .custom(SQLColumnConstraintAlgorithm.default(0)))
            .update()
        let sql = database as! any SQLDatabase
        for row in try await sql.select().columns("id", "code").from("pemda").all() {
            let code = try row.decode(column: "code", as: String.self)
            try await sql.update("pemda").set("time_zone", to: ZonaWaktu.forPemdaCode(code).rawValue)
                .where("id", .equal, try row.decode(column: "id", as: UUID.self)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.alter(table: "pemda").dropColumn("structure_version").run()
        try await sql.alter(table: "pemda").dropColumn("time_zone").run()
    }
}
