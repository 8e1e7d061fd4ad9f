import FluentKit
import Foundation
import KinerjaCore

/// The drafting checks of a PK as stored, and its difference from the version before.
public enum PkReview {
    public struct Result: Sendable {
        public var findings: [PkFinding]
        /// Nil for the PK induk.
        public var diff: [PkRowChange]?
        public var budgetDiff: [PkBudgetChange]?
    }

    public static func review(_ pk: Pk, on db: any Database) async throws -> Result {
        let pkID = try pk.requireID()
        let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
        let rowIDs = rows.compactMap(\.id)
        let links = rowIDs.isEmpty ? [] : try await PkLink.query(on: db).filter(\.$row.$id ~~ rowIDs).all()
        let linkCount = Dictionary(grouping: links) { $0.$row.id }.mapValues(\.count)
        let budget = try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
        var dpaLines: [String: Int64] = [:]
        var hasDpa = false
        if let unitID = pk.$unit.id, pk.level != .pemda,
            let dpa = try await Dpa.query(on: db).filter(\.$unit.$id == opdOf(unitID, on: db)).filter(\.$year == pk.year).first()
        {
            hasDpa = true
            for line in try await DpaPagu.query(on: db).filter(\.$dpa.$id == dpa.requireID()).all() {
                dpaLines[line.code] = line.amount
            }
        } else if pk.level == .pemda {
            let dpas = try await Dpa.query(on: db).filter(\.$pemda.$id == pk.$pemda.id).filter(\.$year == pk.year).all()
            hasDpa = !dpas.isEmpty
            if hasDpa {
                for line in try await DpaPagu.query(on: db).filter(\.$dpa.$id ~~ dpas.compactMap(\.id)).all() {
                    dpaLines[line.code, default: 0] += line.amount
                }
            }
        }
        let findings = PkChecks.run(
            level: pk.level, year: pk.year,
            rows: rows.map {
                PkCheckRow(indikator: $0.indikator, satuan: $0.satuan, spec: $0.spec, target: $0.target,
                           quarterly: $0.quarterly.map { $0.isEmpty ? nil : $0 }, renstraTarget: $0.renstraTarget,
                           superiorLinks: linkCount[$0.id!] ?? 0)
            },
            budgets: budget.map { PkCheckBudget(code: $0.code, name: $0.name, amount: $0.amount, dpaAmount: dpaLines[$0.code]) },
            hasDpa: hasDpa)
        var diff: [PkRowChange]?
        var budgetDiff: [PkBudgetChange]?
        if let previousID = pk.$previous.id, let previous = try await Pk.find(previousID, on: db) {
            let date = CalendarDate(iso: previous.signedOn ?? "") ?? .todayInJakarta()
            let old = try await PkDocumentBuilder.build(previous, date: date, on: db)
            let new = try await PkDocumentBuilder.build(pk, date: date, on: db)
            diff = PkDiff.performance(from: old.performance, to: new.performance)
            budgetDiff = PkDiff.budget(from: old.budget, to: new.budget)
        }
        return Result(findings: findings, diff: diff, budgetDiff: budgetDiff)
    }

    /// The Perangkat Daerah a unit belongs to: the unit itself or its nearest ancestor that is one.
    public static func opdOf(_ unitID: UUID, on db: any Database) async throws -> UUID {
        var current = unitID
        while let unit = try await Unit.find(current, on: db) {
            if unit.kind.isPerangkatDaerah { return current }
            guard let parent = unit.$parent.id else { return current }
            current = parent
        }
        return unitID
    }
}
