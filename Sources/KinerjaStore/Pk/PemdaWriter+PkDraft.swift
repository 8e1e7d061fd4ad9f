import FluentKit
import Foundation
import KinerjaCore

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

    /// Changes a row's sasaran wording, year target and rencana aksi, read as the row's indicator kind requires.
    public func updatePkRow(_ rowID: UUID, of pkID: UUID, sasaran: String, target raw: String, quarterly: [String],
                            changeReason: String? = nil, actor: PkActor)
        async throws
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            // The row must be of the PK the actor was judged for, not merely of the same Pemda.
            guard let row = try await PkRow.find(rowID, on: db), row.$pemda.id == w.pemdaID, row.$pk.id == pkID else {
                throw w.unknown(.pkRow)
            }
            let pk = try await w.editablePk(row.$pk.id, actor: actor, today: today)
            let spec = row.spec
            let text = sasaran.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                throw RuleViolation(code: "pk.sasaranEmpty", field: .sasaran,
                    message: Message(id: "\(pk.level.sasaranHeader.id) wajib diisi.", en: "\(pk.level.sasaranHeader.en) is required."))
            }
            let target = try TargetInput.parse(raw, for: spec, field: .target)
            var planned: [String] = []
            for (q, value) in quarterly.prefix(4).enumerated() {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    planned.append("")
                } else {
                    let parsed = try TargetInput.parse(trimmed, for: spec, field: .quarter(q + 1))
                    planned.append(parsed.canonical(scale: spec.ordinalScale, statement: trimmed))
                }
            }
            let before = try AuditTrail.snapshot(row)
            row.sasaran = text
            row.target = target.canonical(scale: spec.ordinalScale, statement: raw.trimmingCharacters(in: .whitespaces))
            row.quarterly = planned
            let reason = changeReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            row.changeReason = (reason?.isEmpty ?? true) ? nil : reason
            try await row.update(on: db)
            try await AuditTrail.recordUpdate(of: row, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                              context: w.audit, on: db)
        }
    }

    public func removePkRow(_ rowID: UUID, of pkID: UUID, actor: PkActor) async throws {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            // The row must be of the PK the actor was judged for, not merely of the same Pemda.
            guard let row = try await PkRow.find(rowID, on: db), row.$pemda.id == w.pemdaID, row.$pk.id == pkID else {
                throw w.unknown(.pkRow)
            }
            let pk = try await w.editablePk(row.$pk.id, actor: actor, today: today)
            let serving = try await PkLink.query(on: db).filter(\.$superiorRow.$id == rowID).all()
            if !serving.isEmpty {
                let servingRows = try await PkRow.query(on: db).filter(\.$id ~~ serving.map { $0.$row.id }).all()
                let pks = try await Pk.query(on: db).filter(\.$id ~~ servingRows.map { $0.$pk.id }).all()
                let names = try await Jabatan.query(on: db).filter(\.$id ~~ pks.map { $0.$jabatan.id }).all().map(\.name)
                throw RuleViolation(.conflict, code: "pk.rowServed", field: nil,
                    message: Message(id: "Indikator \"\(row.indikator)\" didukung PK \(names.sorted().joined(separator: ", ")); penyusun PK itu harus melepas kaitannya dulu (lewat PK Perubahan bila PK itu sudah ditandatangani).",
                                     en: "Indicator \"\(row.indikator)\" is served by the PK of \(names.sorted().joined(separator: ", ")); its drafter must unlink it first (through a revision if that PK is signed)."))
            }
            for link in try await PkLink.query(on: db).filter(\.$row.$id == rowID).all() {
                try await AuditTrail.record(.delete, before: link, after: nil as PkLink?, entityID: link.requireID(),
                                            pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                try await link.delete(on: db)
            }
            try await AuditTrail.record(.delete, before: row, after: nil as PkRow?, entityID: rowID, pemdaID: w.pemdaID,
                                        unitID: pk.$unit.id, context: w.audit, on: db)
            try await row.delete(on: db)
        }
    }

    /// Sets the superior indicators a row serves: those of the superior's PK, or, for a crosscutting goal, of
    /// another PK at the superior's level in the same year.
    public func setPkLinks(_ rowID: UUID, of pkID: UUID, superiorRowIDs: [UUID], actor: PkActor) async throws
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            // The row must be of the PK the actor was judged for, not merely of the same Pemda.
            guard let row = try await PkRow.find(rowID, on: db), row.$pemda.id == w.pemdaID, row.$pk.id == pkID else {
                throw w.unknown(.pkRow)
            }
            let pk = try await w.editablePk(row.$pk.id, actor: actor, today: today)
            guard pk.level != .pemda else {
                throw RuleViolation(code: "pk.pemdaNoLinks", field: .links,
                    message: Message(id: "PK Kepala Daerah adalah puncak cascading; indikatornya tidak dikaitkan ke atas.",
                                     en: "The regional head's PK tops the cascade; its indicators link to nothing above."))
            }
            let superiorLevel = try await pk.$superiorJabatan.id.asyncMap { id in
                try await Pk.query(on: db).filter(\.$jabatan.$id == id).filter(\.$year == pk.year).first()?.level
            } ?? nil
            for id in Set(superiorRowIDs) {
                guard let target = try await PkRow.find(id, on: db), target.$pemda.id == w.pemdaID,
                    let owner = try await Pk.find(target.$pk.id, on: db), owner.year == pk.year,
                    owner.$jabatan.id == pk.$superiorJabatan.id || owner.level == superiorLevel
                else {
                    throw RuleViolation(code: "pk.linkTarget", field: .links,
                        message: Message(id: "Indikator yang dipilih bukan indikator PK atasan (atau PK setingkat atasan) tahun \(pk.year).",
                                         en: "The chosen indicator is not on the superior's PK (or a PK at the superior's level) for \(pk.year)."))
                }
            }
            let existing = try await PkLink.query(on: db).filter(\.$row.$id == rowID).all()
            let wanted = Set(superiorRowIDs)
            for link in existing where !wanted.contains(link.$superiorRow.id) {
                try await AuditTrail.record(.delete, before: link, after: nil as PkLink?, entityID: link.requireID(),
                                            pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
                try await link.delete(on: db)
            }
            let kept = Set(existing.map { $0.$superiorRow.id })
            for id in superiorRowIDs where !kept.contains(id) {
                _ = try await w.create(PkLink(pemdaID: w.pemdaID, rowID: rowID, superiorRowID: id), unitID: pk.$unit.id)
            }
        }
    }

    public func updatePkBudget(_ budgetID: UUID, of pkID: UUID, amount raw: String, actor: PkActor) async throws
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            guard let line = try await PkBudget.find(budgetID, on: db), line.$pemda.id == w.pemdaID, line.$pk.id == pkID else {
                throw w.unknown(.budgetLine)
            }
            let pk = try await w.editablePk(line.$pk.id, actor: actor, today: today)
            let amount = try RupiahInput.parse(raw, field: .amount)
            let before = try AuditTrail.snapshot(line)
            line.amount = amount
            try await line.update(on: db)
            try await AuditTrail.recordUpdate(of: line, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                              context: w.audit, on: db)
        }
    }

    public func removePkBudget(_ budgetID: UUID, of pkID: UUID, actor: PkActor) async throws {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            guard let line = try await PkBudget.find(budgetID, on: db), line.$pemda.id == w.pemdaID, line.$pk.id == pkID else {
                throw w.unknown(.budgetLine)
            }
            let pk = try await w.editablePk(line.$pk.id, actor: actor, today: today)
            try await AuditTrail.record(.delete, before: line, after: nil as PkBudget?, entityID: budgetID,
                                        pemdaID: w.pemdaID, unitID: pk.$unit.id, context: w.audit, on: db)
            try await line.delete(on: db)
        }
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
        try await PkEvent(pemdaID: pemdaID, pkID: pkID, at: Date(), userID: audit.userID, userName: audit.username,
                          action: action, from: from, to: to, reason: reason).create(on: database)
    }

    /// What a request named that is not in this Pemda: the same answer whether it exists elsewhere or nowhere.
    func unknown(_ what: Referent) -> RuleViolation {
        RuleViolation(.notFound, code: "reference.unknown",
            message: Message(id: "\(what.label.id) tidak ditemukan di Pemda ini.",
                             en: "\(what.label.en) does not exist in this Pemda."))
    }
}
