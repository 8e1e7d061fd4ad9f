import FluentKit
import SQLKit

/// Month-by-month reporting: an indicator's "periode pelaporan" (quarterly unless its Manual IKU says monthly), and
/// the month of a realisation entry (0 for a quarter's own entry). A month's entries keep the quarter in `period`, so
/// windows, evidence and verification stay per quarter; their `seq` runs across the quarter's months, which keeps the
/// existing uniqueness of (position, year, row, quarter, seq).
struct M0026_AddMonthlyReporting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        try await database.schema("indikator")
            .field("reporting_period", .string, .required,
                   .custom(SQLColumnConstraintAlgorithm.default(ReportingPeriodColumn.quarterly)))
            .update()
        try await database.schema("realisasi")
            .field("month", .int, .required, .custom(SQLColumnConstraintAlgorithm.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.alter(table: "realisasi").dropColumn("month").run()
        try await sql.alter(table: "indikator").dropColumn("reporting_period").run()
    }
}

enum ReportingPeriodColumn {
    static let quarterly = "quarterly"
}
