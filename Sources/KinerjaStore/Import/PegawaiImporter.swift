import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Plans and applies a SIMPEG-shaped employee list for one Pemda. `plan` reads the Pemda's people, units, positions
/// and assignments once and decides each row against them (and against the rows above it); `apply` writes the plan
/// through `PemdaWriter` in one transaction, so that every rule of a form holds for every row and any refusal
/// leaves the database as it was.
public struct PegawaiImporter: Sendable {
    public let writer: PemdaWriter

    public init(writer: PemdaWriter) { self.writer = writer }

    /// One row's effect.
    enum Step: Sendable {
        case addPegawai(nip: Nip, name: String, pangkat: String)
        case updatePegawai(id: UUID, nip: Nip, name: String, pangkat: String)
        /// Ends an open definitive assignment the day before another begins.
        case endAssignment(id: UUID, on: CalendarDate)
        /// `pegawai` is an existing id, or nil for the person this row adds.
        case assign(pegawai: UUID?, nip: Nip, jabatanID: UUID, kind: PenugasanKind, start: CalendarDate, decree: String)
    }

    struct State {
        struct Person {
            var id: UUID?
            var name: String
            var pangkat: String
        }
        struct Assignment {
            var id: UUID?
            var pegawai: String
            var jabatanID: UUID
            var span: PenugasanSpan
        }
        var people: [String: Person] = [:]
        var elsewhere: Set<String> = []
        var unitByCode: [String: UUID] = [:]
        var unitsByName: [String: [UUID]] = [:]
        var unitName: [UUID: String] = [:]
        var jabatan: [UUID: [String: [UUID]]] = [:]
        var assignments: [Assignment] = []
    }

    public func plan(_ records: [PegawaiImport.Record], issues readIssues: [ImportIssue], sheet: String) async throws -> ImportPlan {
        try await planSteps(records, issues: readIssues, sheet: sheet).plan
    }

    func planSteps(_ records: [PegawaiImport.Record], issues readIssues: [ImportIssue], sheet: String) async throws
        -> (plan: ImportPlan, steps: [Step])
    {
        var state = try await load(nips: records.map(\.nip.digits))
        var plan = ImportPlan()
        plan.issues = readIssues
        var steps: [Step] = []
        var firstRow: [String: Int] = [:]
        for record in records {
            let nip = record.nip.digits
            func refuse(_ column: String, _ id: String, _ en: String) {
                plan.refuse(ImportIssue(sheet: sheet, row: record.row, column: column, message: Message(id: id, en: en)))
            }
            if let first = firstRow[nip] {
                refuse("NIP", "NIP \(record.nip.grouped) sudah ada di baris \(first).", "NIP \(record.nip.grouped) is already in row \(first).")
                continue
            }
            firstRow[nip] = record.row
            if state.elsewhere.contains(nip) {
                refuse("NIP", "NIP \(record.nip.grouped) sudah terdaftar di Pemda lain.", "NIP \(record.nip.grouped) is registered in another Pemda.")
                continue
            }
            var rowSteps: [Step] = []
            var details: [String] = []
            var change = ImportPlan.Change.unchanged
            if let person = state.people[nip] {
                if person.name != record.name { details.append("Nama: \(person.name) → \(record.name)") }
                if person.pangkat != record.pangkat { details.append("Pangkat: \(person.pangkat.isEmpty ? "–" : person.pangkat) → \(record.pangkat)") }
                if !details.isEmpty, let id = person.id {
                    change = .change
                    rowSteps.append(.updatePegawai(id: id, nip: record.nip, name: record.name, pangkat: record.pangkat))
                }
            } else {
                change = .add
                rowSteps.append(.addPegawai(nip: record.nip, name: record.name, pangkat: record.pangkat))
                state.people[nip] = State.Person(id: nil, name: record.name, pangkat: record.pangkat)
            }
            var refused = false
            if let position = record.position {
                switch resolve(position, in: state) {
                case .failure(let found):
                    for issue in found.all {
                        plan.refuse(ImportIssue(sheet: sheet, row: record.row, column: issue.column, message: issue.message))
                    }
                    refused = true
                case .success(let jabatanID):
                    let span = PenugasanSpan(kind: position.kind, start: position.tmt, end: nil)
                    let held = state.assignments.contains {
                        $0.pegawai == nip && $0.jabatanID == jabatanID && $0.span.kind == position.kind && $0.span.start == position.tmt
                    }
                    if !held {
                        var ended: [(Int, CalendarDate)] = []
                        if position.kind == .definitif {
                            // SIMPEG is the record of who holds what: an open definitive assignment that began earlier
                            // (this person's elsewhere, or another person's in this position) ends the day before.
                            for (index, other) in state.assignments.enumerated()
                            where other.span.kind == .definitif && other.span.end == nil && other.span.start < position.tmt
                                && (other.pegawai == nip) != (other.jabatanID == jabatanID)
                            {
                                ended.append((index, position.tmt.adding(days: -1)))
                            }
                        }
                        var trial = state.assignments
                        for (index, day) in ended { trial[index].span = PenugasanSpan(kind: trial[index].span.kind, start: trial[index].span.start, end: day) }
                        do throws(RuleViolation) {
                            try PenugasanRules.checkDefinitiveOverlap(
                                span, samePosition: trial.filter { $0.jabatanID == jabatanID }.map(\.span),
                                samePerson: trial.filter { $0.pegawai == nip }.map(\.span))
                            for (index, day) in ended {
                                let other = state.assignments[index]
                                if let id = other.id { rowSteps.append(.endAssignment(id: id, on: day)) }
                                let who = state.people[other.pegawai]?.name ?? other.pegawai
                                details.append("Penugasan \(who) berakhir \(IDFormat.date(day))")
                            }
                            state.assignments = trial
                            state.assignments.append(State.Assignment(id: nil, pegawai: nip, jabatanID: jabatanID, span: span))
                            rowSteps.append(.assign(pegawai: state.people[nip]?.id, nip: record.nip, jabatanID: jabatanID, kind: position.kind,
                                                    start: position.tmt, decree: position.decree))
                            details.append("\(position.kind.signaturePrefix)\(position.jabatan) sejak \(IDFormat.date(position.tmt))")
                            if change == .unchanged { change = .change }
                        } catch {
                            plan.refuse(ImportIssue(sheet: sheet, row: record.row, column: "TMT Jabatan", message: error.message))
                            refused = true
                        }
                    }
                }
            }
            guard !refused else { continue }
            plan.lines.append(ImportPlan.Line(row: record.row, change: change, key: record.nip.grouped, summary: record.name, details: details))
            steps += rowSteps
        }
        return (plan, steps)
    }

    /// Writes the plan in one transaction; refuses (writing nothing) when the file has any problem or the data
    /// changed since the plan so that a row no longer fits.
    public func apply(_ records: [PegawaiImport.Record], issues readIssues: [ImportIssue], sheet: String, source: String) async throws -> ImportPlan {
        try await writer.transaction { w in
            let (plan, steps) = try await PegawaiImporter(writer: w).planSteps(records, issues: readIssues, sheet: sheet)
            guard plan.issues.isEmpty else { throw ImportRefused(issues: plan.issues) }
            guard !steps.isEmpty else { return plan }
            var added: [String: UUID] = [:]
            for step in steps {
                switch step {
                case .addPegawai(let nip, let name, let pangkat):
                    added[nip.digits] = try await w.addPegawai(nip: nip.digits, name: name, pangkat: pangkat)
                case .updatePegawai(let id, let nip, let name, let pangkat):
                    try await w.updatePegawai(id: id, nip: nip.digits, name: name, pangkat: pangkat)
                case .endAssignment(let id, let day):
                    try await w.endAssignment(id: id, on: day)
                case .assign(let pegawai, let nip, let jabatanID, let kind, let start, let decree):
                    guard let id = pegawai ?? added[nip.digits] else { continue }
                    try await w.assign(pegawaiID: id, jabatanID: jabatanID, kind: kind, start: start, decree: decree)
                }
            }
            try await AuditTrail.record(.create, entity: "impor", beforeSnapshot: nil,
                                        after: "pegawai: \(plan.count(.add)) baru, \(plan.count(.change)) berubah, \(plan.count(.unchanged)) tetap",
                                        entityID: UUID(), pemdaID: w.pemdaID, unitID: nil, reason: source, context: w.audit,
                                        on: w.database)
            return plan
        }
    }

    private func resolve(_ position: PegawaiImport.Position, in state: State) -> Result<UUID, ImportIssues> {
        let unitKey = position.unit.lowercased()
        let unitID: UUID
        if let byCode = state.unitByCode[position.unit] {
            unitID = byCode
        } else if let byName = state.unitsByName[unitKey], byName.count == 1 {
            unitID = byName[0]
        } else if (state.unitsByName[unitKey]?.count ?? 0) > 1 {
            return .failure(issue(column: "Unit", message: Message(
                id: "Ada beberapa unit bernama \"\(position.unit)\"; tulis kodenya.",
                en: "Several units are named \"\(position.unit)\"; write its code.")))
        } else {
            return .failure(issue(column: "Unit", message: Message(
                id: "Unit \"\(position.unit)\" tidak ada di Pemda ini (kode atau nama).",
                en: "The unit \"\(position.unit)\" does not exist in this Pemda (code or name).")))
        }
        let found = state.jabatan[unitID]?[position.jabatan.lowercased()] ?? []
        let unitName = state.unitName[unitID] ?? position.unit
        switch found.count {
        case 1: return .success(found[0])
        case 0:
            return .failure(issue(column: "Jabatan", message: Message(
                id: "Jabatan \"\(position.jabatan)\" tidak ada di \(unitName). Tambahkan jabatannya dulu.",
                en: "The position \"\(position.jabatan)\" does not exist in \(unitName). Add the position first.")))
        default:
            return .failure(issue(column: "Jabatan", message: Message(
                id: "\(unitName) punya \(found.count) jabatan bernama \"\(position.jabatan)\"; bedakan namanya dulu.",
                en: "\(unitName) has \(found.count) positions named \"\(position.jabatan)\"; tell their names apart first.")))
        }
    }

    private func issue(column: String, message: Message) -> ImportIssues {
        ImportIssues([ImportIssue(row: 0, column: column, message: message)])
    }

    /// The Pemda's organisation in five statements, and which of the file's NIPs another Pemda holds.
    private func load(nips: [String]) async throws -> State {
        let sql = try writer.database.sql
        let pemdaID = writer.pemdaID
        var state = State()
        var nipOf: [UUID: String] = [:]
        for row in try await sql.raw("SELECT id, nip, name, pangkat FROM pegawai WHERE pemda_id = \(bind: pemdaID)").all() {
            guard let nip = try row.decode(column: "nip", as: String?.self) else { continue }
            let id = try row.decode(column: "id", as: UUID.self)
            nipOf[id] = nip
            state.people[nip] = State.Person(id: id, name: try row.decode(column: "name", as: String.self),
                                             pangkat: try row.decode(column: "pangkat", as: String.self))
        }
        let unknown = Array(Set(nips).subtracting(state.people.keys))
        for start in stride(from: 0, to: unknown.count, by: 500) {
            let chunk = Array(unknown[start..<min(unknown.count, start + 500)])
            for row in try await sql.raw("SELECT nip FROM pegawai WHERE nip IN (\(binds: chunk)) AND pemda_id <> \(bind: pemdaID)").all() {
                state.elsewhere.insert(try row.decode(column: "nip", as: String.self))
            }
        }
        for row in try await sql.raw("SELECT id, code, name FROM unit WHERE pemda_id = \(bind: pemdaID)").all() {
            let id = try row.decode(column: "id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
            state.unitByCode[try row.decode(column: "code", as: String.self)] = id
            state.unitsByName[name.lowercased(), default: []].append(id)
            state.unitName[id] = name
        }
        for row in try await sql.raw("SELECT id, unit_id, name FROM jabatan WHERE pemda_id = \(bind: pemdaID)").all() {
            guard let unit = try row.decode(column: "unit_id", as: UUID?.self) else { continue }
            state.jabatan[unit, default: [:]][try row.decode(column: "name", as: String.self).lowercased(), default: []]
                .append(try row.decode(column: "id", as: UUID.self))
        }
        for row in try await sql.raw("""
            SELECT id, pegawai_id, jabatan_id, kind, start_date, end_date FROM penugasan WHERE pemda_id = \(bind: pemdaID)
            """).all() {
            guard let nip = nipOf[try row.decode(column: "pegawai_id", as: UUID.self)],
                  let kind = PenugasanKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let start = CalendarDate(iso: try row.decode(column: "start_date", as: String.self))
            else { continue }
            let end = try row.decode(column: "end_date", as: String?.self).flatMap(CalendarDate.init(iso:))
            state.assignments.append(State.Assignment(id: try row.decode(column: "id", as: UUID.self), pegawai: nip,
                                                      jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                                                      span: PenugasanSpan(kind: kind, start: start, end: end)))
        }
        return state
    }
}
