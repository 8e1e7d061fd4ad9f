import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Drafting a PK: version 0 for a position and year, prefilled from the plans and linked to the superior's PK,
/// then refined row by row while the PK drafting stage is open and the PK is a draft or returned.
extension PemdaWriter {
    @discardableResult
    public func draftPk(jabatanID: UUID, year: Int) async throws -> UUID {
        let today = audit.today
        try await checkJadwal(.pkPenyusunan, year: year, today: today)
        return try await transaction { w in
            let db = w.database
            let jabatan = try await w.owned(Jabatan.self, jabatanID, field: .position)
            let superior = try await jabatan.$superior.id.asyncMap { try await w.owned(Jabatan.self, $0, field: .superior) }
            guard let level = PkLevel(jabatan: jabatan.level, superior: superior?.level) else {
                throw RuleViolation(code: "pk.noLevel", field: .position,
                    message: Message(id: "Jabatan \(jabatan.level.label.id) menyusun SKP, bukan PK, di Kinerja.",
                                     en: "A \(jabatan.level.label.en) position draws up an SKP, not a PK, in Kinerja."))
            }
            if level != .pemda && superior == nil {
                throw RuleViolation(code: "pk.noSuperior", field: .position,
                    message: Message(id: "Jabatan ini belum punya atasan langsung, jadi belum ada pihak kedua.",
                                     en: "This position has no direct superior yet, so there is no second party."))
            }
            if try await Pk.query(on: db).filter(\.$jabatan.$id == jabatanID).filter(\.$year == year).first() != nil {
                throw RuleViolation(.conflict, code: "pk.exists", field: .position,
                    message: Message(id: "PK \(year) untuk jabatan \(jabatan.name) sudah ada; ubah PK itu atau buat PK Perubahan.",
                                     en: "The \(year) PK of \(jabatan.name) already exists; edit it or make a revised PK."))
            }
            let pk = Pk(id: UUID(), pemdaID: w.pemdaID, unitID: jabatan.$unit.id, jabatanID: jabatanID,
                        superiorJabatanID: superior?.id, year: year, version: 0, level: level)
            let pkID = try await w.create(pk, unitID: jabatan.$unit.id)
            let prefill = try await PkPrefill.make(level: level, jabatan: jabatan, pemdaID: w.pemdaID, year: year, on: db)
            for (n, r) in prefill.rows.enumerated() {
                let row = PkRow(id: UUID(), pemdaID: w.pemdaID, pkID: pkID, key: UUID().uuidString, sortOrder: n,
                                sasaran: r.sasaran, indikator: r.indikator.name, satuan: r.indikator.satuan,
                                spec: r.indikator.spec, target: r.target, quarterly: r.quarterly,
                                renstraTarget: r.renstraTarget, sourceIndikatorID: r.indikator.id)
                _ = try await w.create(row, unitID: jabatan.$unit.id)
            }
            for (n, b) in prefill.budget.enumerated() {
                _ = try await w.create(PkBudget(pemdaID: w.pemdaID, pkID: pkID, sortOrder: n, code: b.code, name: b.name,
                                                amount: b.amount), unitID: jabatan.$unit.id)
            }
            _ = try await w.linkToSuperior(pk)
            try await w.recordPkEvent(pkID: pkID, action: "susun", from: .draf, to: .draf, reason: nil)
            return pkID
        }
    }

    /// Links every unlinked row to the superior PK rows it serves along the planning chain; returns how many
    /// links were made. Rows the drafter linked by hand are left as they are.
    @discardableResult
    func linkToSuperior(_ pk: Pk) async throws -> Int {
        let db = database
        guard let superiorJabatan = pk.$superiorJabatan.id,
            let superiorPk = try await Pk.query(on: db).filter(\.$jabatan.$id == superiorJabatan)
                .filter(\.$year == pk.year).sort(\.$version, .descending).first()
        else { return 0 }
        var offered: [String: [UUID]] = [:]
        for row in try await PkRow.query(on: db).filter(\.$pk.$id == superiorPk.requireID()).all() {
            guard let source = row.sourceIndikatorID, let indikator = try await Indikator.find(source, on: db),
                let anchor = try await PkAnchor.provided(by: indikator, on: db)
            else { continue }
            offered[anchor, default: []].append(try row.requireID())
        }
        var made = 0
        for row in try await PkRow.query(on: db).filter(\.$pk.$id == pk.requireID()).all() {
            let rowID = try row.requireID()
            guard try await PkLink.query(on: db).filter(\.$row.$id == rowID).count() == 0,
                let source = row.sourceIndikatorID, let indikator = try await Indikator.find(source, on: db)
            else { continue }
            for anchor in try await PkAnchor.needed(by: indikator, on: db) {
                for superiorRow in offered[anchor] ?? [] {
                    _ = try await create(PkLink(pemdaID: pemdaID, rowID: rowID, superiorRowID: superiorRow),
                                         unitID: pk.$unit.id)
                    made += 1
                }
            }
        }
        return made
    }

    /// Runs the automatic linking again, e.g. after the superior's PK was drafted.
    @discardableResult
    public func relinkPk(_ pkID: UUID, actor: PkActor) async throws -> Int {
        let today = audit.today
        return try await transaction { w in
            let pk = try await w.editablePk(pkID, actor: actor, today: today)
            return try await w.linkToSuperior(pk)
        }
    }

    /// Saves a PK's tables as one: every row's sasaran, targets, rencana aksi, reason and links and every budget
    /// line, with a row or line removed if asked. `PkTableRules` checks the whole edit first; one finding and
    /// nothing is written (`RuleViolations` carries them all); none, and it is written in one transaction, each row
    /// that changed in the audit trail.
    public func savePkTable(_ pkID: UUID, _ edit: PkTableEdit, actor: PkActor) async throws {
        let today = audit.today
        try await transaction { w in
            let db = w.database
            let pk = try await w.editablePk(pkID, actor: actor, today: today)
            let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
            let budget = try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
            let links = rows.isEmpty ? [] : try await PkLink.query(on: db).filter(\.$row.$id ~~ rows.compactMap(\.id)).all()
            var servedBy: [UUID: [String]] = [:]
            if let remove = edit.removeRow.flatMap(UUID.init(uuidString:)) {
                servedBy[remove] = try await db.sql.raw("""
                    SELECT j.name FROM pk_link l JOIN pk_indikator r ON r.id = l.row_id JOIN pk p ON p.id = r.pk_id
                    JOIN jabatan j ON j.id = p.jabatan_id WHERE l.superior_row_id = \(bind: remove)
                    """).all().map { try $0.decode(column: "name", as: String.self) }
            }
            var linkable = Set(links.map { $0.$superiorRow.id.uuidString })
            if let superiorID = pk.$superiorJabatan.id, pk.level != .pemda {
                for row in try await db.sql.raw("""
                    SELECT r.id FROM pk_indikator r JOIN pk p ON p.id = r.pk_id
                    WHERE p.pemda_id = \(bind: w.pemdaID) AND p.year = \(bind: pk.year)
                      AND (p.jabatan_id = \(bind: superiorID)
                           OR p.level = (SELECT level FROM pk WHERE jabatan_id = \(bind: superiorID) AND year = \(bind: pk.year) LIMIT 1))
                    """).all()
                {
                    linkable.insert(try row.decode(column: "id", as: UUID.self).uuidString)
                }
            }
            let facts = PkTableFacts(
                level: pk.level, year: pk.year,
                rows: try rows.map { PkTableFacts.Row(id: try $0.requireID().uuidString, spec: $0.spec, indikator: $0.indikator,
                                                      servedBy: servedBy[try $0.requireID()] ?? []) },
                budgetIDs: Set(try budget.map { try $0.requireID().uuidString }), linkable: linkable)
            let change: PkTableChange
            switch PkTableRules.check(edit, facts: facts) {
            case .failure(let problems): throw problems
            case .success(let accepted): change = accepted
            }
            let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID().uuidString, $0) })
            let linksOf = Dictionary(grouping: links) { $0.$row.id.uuidString }
            for edited in change.rows {
                guard let row = byID[edited.id] else { continue }
                if row.sasaran != edited.sasaran || row.target != edited.target || row.quarterly != edited.quarterly
                    || row.changeReason != edited.reason
                {
                    let before = try AuditTrail.snapshot(row)
                    row.sasaran = edited.sasaran
                    row.target = edited.target
                    row.quarterly = edited.quarterly
                    row.changeReason = edited.reason
                    try await row.update(on: db)
                    try await AuditTrail.recordUpdate(of: row, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                                      context: w.audit, on: db)
                }
                guard let wanted = edited.links else { continue }
                let existing = linksOf[edited.id] ?? []
                for link in existing where !wanted.contains(link.$superiorRow.id.uuidString) {
                    try await AuditTrail.record(.delete, before: link, after: nil as PkLink?, entityID: link.requireID(),
                                                pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                    try await link.delete(on: db)
                }
                let kept = Set(existing.map { $0.$superiorRow.id.uuidString })
                for id in wanted.sorted() where !kept.contains(id) {
                    guard let superiorRowID = UUID(uuidString: id) else { continue }
                    _ = try await w.create(PkLink(pemdaID: w.pemdaID, rowID: try row.requireID(), superiorRowID: superiorRowID),
                                           unitID: pk.$unit.id)
                }
            }
            let lines = Dictionary(uniqueKeysWithValues: try budget.map { (try $0.requireID().uuidString, $0) })
            for edited in change.budget {
                guard let line = lines[edited.id], line.amount != edited.amount else { continue }
                let before = try AuditTrail.snapshot(line)
                line.amount = edited.amount
                try await line.update(on: db)
                try await AuditTrail.recordUpdate(of: line, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                                  context: w.audit, on: db)
            }
            if let id = change.removeRow, let row = byID[id] {
                for link in linksOf[id] ?? [] {
                    try await AuditTrail.record(.delete, before: link, after: nil as PkLink?, entityID: link.requireID(),
                                                pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                    try await link.delete(on: db)
                }
                try await AuditTrail.record(.delete, before: row, after: nil as PkRow?, entityID: try row.requireID(),
                                            pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                try await row.delete(on: db)
            }
            if let id = change.removeBudget, let line = lines[id] {
                try await AuditTrail.record(.delete, before: line, after: nil as PkBudget?, entityID: try line.requireID(),
                                            pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                try await line.delete(on: db)
            }
            if let new = change.newRow { _ = try await w.insertPkRow(pk, new) }
            if let new = change.newBudget { _ = try await w.insertPkBudget(pk, code: new.code, amount: new.amount, field: .keyed("baru", .code)) }
        }
    }

    /// A change of one part of the table (one row, one line): its one finding comes back as itself, as a single
    /// form field's would.
    func savePkPart(_ pkID: UUID, _ edit: PkTableEdit, actor: PkActor) async throws {
        do {
            try await savePkTable(pkID, edit, actor: actor)
        } catch let found as RuleViolations where found.all.count == 1 {
            throw found.all[0]
        }
    }

    /// One row's sasaran, targets and rencana aksi: a table save of that row alone.
    public func updatePkRow(_ rowID: UUID, of pkID: UUID, sasaran: String, target: String, quarterly: [String],
                            changeReason: String? = nil, actor: PkActor) async throws
    {
        try await savePkPart(pkID, PkTableEdit(rows: [PkTableEdit.Row(id: rowID.uuidString, sasaran: sasaran, target: target,
                                                                        quarterly: quarterly, reason: changeReason)]),
                              actor: actor)
    }

    public func removePkRow(_ rowID: UUID, of pkID: UUID, actor: PkActor) async throws {
        try await savePkPart(pkID, PkTableEdit(rows: [], removeRow: rowID.uuidString), actor: actor)
    }

    /// Sets the superior indicators a row serves: those of the superior's PK, or, for a crosscutting goal, of
    /// another PK at the superior's level in the same year.
    public func setPkLinks(_ rowID: UUID, of pkID: UUID, superiorRowIDs: [UUID], actor: PkActor) async throws {
        guard let row = try await PkRow.find(rowID, on: database), row.$pk.id == pkID, row.$pemda.id == pemdaID else {
            throw unknown(.pkRow)
        }
        try await savePkPart(pkID, PkTableEdit(rows: [PkTableEdit.Row(
            id: rowID.uuidString, sasaran: row.sasaran, target: TargetDisplay.text(row.target, spec: row.spec),
            quarterly: row.quarterly.map { $0.isEmpty ? "" : TargetDisplay.text($0, spec: row.spec) }, reason: row.changeReason,
            links: superiorRowIDs.map(\.uuidString))]), actor: actor)
    }

    public func updatePkBudget(_ budgetID: UUID, of pkID: UUID, amount: String, actor: PkActor) async throws {
        try await savePkPart(pkID, PkTableEdit(rows: [], budget: [PkTableEdit.Budget(id: budgetID.uuidString, amount: amount)]),
                              actor: actor)
    }

    public func removePkBudget(_ budgetID: UUID, of pkID: UUID, actor: PkActor) async throws {
        try await savePkPart(pkID, PkTableEdit(rows: [], removeBudget: budgetID.uuidString), actor: actor)
    }

    /// Loads (and locks) a PK of this Pemda that the actor may change now: the workflow allows "ubah" and, for the
    /// PK induk, the drafting stage is open.
    func editablePk(_ pkID: UUID, actor: PkActor, today: CalendarDate) async throws -> Pk {
        guard try await Pk.find(pkID, on: database)?.$pemda.id == pemdaID else { throw unknown(.pk) }
        try await lockPk(pkID)
        guard let pk = try await Pk.find(pkID, on: database) else { throw unknown(.pk) }
        _ = try PkWorkflow.apply(.ubah, to: PkState(status: pk.status, level: pk.level), by: actor)
        try await checkDraftingWindow(pk, today: today)
        return pk
    }

    func recordPkEvent(pkID: UUID, action: String, from: PkStatus, to: PkStatus, reason: String?) async throws {
        // The unique (pk_id, seq) index refuses a second step numbered alike by a concurrent transaction.
        let last = try await database.sql.raw("SELECT MAX(seq) AS n FROM pk_event WHERE pk_id = \(bind: pkID)").first()?
            .decode(column: "n", as: Int?.self) ?? 0
        try await PkEvent(pemdaID: pemdaID, pkID: pkID, seq: last + 1, at: audit.now, userID: audit.userID,
                          userName: audit.username, action: action, from: from, to: to, reason: reason).create(on: database)
    }

    /// What a request named that is not in this Pemda: the same answer whether it exists elsewhere or nowhere.
    func unknown(_ what: Referent) -> RuleViolation {
        RuleViolation(.notFound, code: "reference.unknown",
            message: Message(id: "\(what.label.id) tidak ditemukan di Pemda ini.",
                             en: "\(what.label.en) does not exist in this Pemda."))
    }
}
