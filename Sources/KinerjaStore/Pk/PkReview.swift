import FluentKit
import Foundation
import KinerjaCore

/// The drafting checks of a PK as stored, and its difference from the version before: pure over `PkContent`, so
/// that the page shows exactly what the submission is refused for.
public enum PkReview {
    public struct Result: Sendable {
        public var findings: [PkFinding]
        /// Nil for the PK induk.
        public var diff: [PkRowChange]?
        public var budgetDiff: [PkBudgetChange]?
    }

    public static func result(of c: PkContent) -> Result {
        let linkCount = Dictionary(grouping: c.links, by: \.rowID).mapValues(\.count)
        let findings = PkChecks.run(
            level: c.level, year: c.year, rows: c.rows.map { $0.checkRow(superiorLinks: linkCount[$0.id] ?? 0) },
            budgets: c.budget.map { PkCheckBudget(code: $0.code, name: $0.name, amount: $0.amount, dpaAmount: c.dpaAmounts[$0.code]) },
            hasDpa: c.hasDpa)
        guard c.previousID != nil else { return Result(findings: findings, diff: nil, budgetDiff: nil) }
        return Result(
            findings: findings,
            diff: PkDiff.performance(from: c.previousRows.map(\.performanceRow), to: c.rows.map(\.performanceRow)),
            budgetDiff: PkDiff.budget(from: c.previousBudget.map(\.budgetRow), to: c.budget.map(\.budgetRow)))
    }

    /// The checks of a stored PK, for the workflow (reads what the checks need, not the page's extras).
    public static func review(_ pkID: UUID, pemdaID: UUID, on db: any Database) async throws -> Result? {
        let organisation = try await PemdaOrganisation.load(pemdaID: pemdaID, on: db)
        return try await PkContent.load(pkID, pemdaID: pemdaID, organisation: organisation, page: false, on: db).map(result)
    }
}

extension PkContent.Budget {
    var budgetRow: PkBudgetRow { PkBudgetRow(code: code, name: name, amount: amount) }
}
