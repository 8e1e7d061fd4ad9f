import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Entering and verifying the realisation of a PK in force, a quarter at a time. Each save is one transaction that
/// checks every row before it writes any.
extension PemdaWriter {
    public struct RealisasiSaveResult: Sendable, Hashable {
        /// Rows written (unchanged rows add no history).
        public var saved: Int
        /// Set when nothing was written because these need the operator's confirmation first.
        public var warnings: [RealisasiWarning]
    }

    /// - Parameters:
    ///   - confirmed: the operator saw the warnings of these values and saves them anyway.
    ///   - lateReason: why a correction comes after the quarter's window closed.
    ///   - actor: who enters: whoever may draft the PK (`PkActor.mayDraft`).
    public func saveRealisasi(pkID: UUID, period: Int, drafts: [RealisasiDraft], lateReason: String = "",
                              confirmed: Bool = false, actor: PkActor) async throws -> RealisasiSaveResult
    {
        let period = try Triwulan.parse(period)
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            let pk = try await w.pkInForce(pkID)
            guard actor.mayDraft else {
                throw RuleViolation(.forbidden, code: "realisasi.notYours",
                    message: Message(id: "Realisasi PK ini diisi oleh unit kerja pemilik PK.",
                                     en: "This PK's realisation is entered by the unit that owns the PK."))
            }
            let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
            let byKey = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let series = try await RealisasiLedger.load(pemdaID: w.pemdaID, jabatanID: pk.$jabatan.id, year: pk.year, on: db)
            let window = series.windows[period - 1]

            var problems: [RuleViolation] = []
            var records: [(RealisasiRecord, PkRow, RealisasiWindow.Timing)] = []
            var warnings: [RealisasiWarning] = []
            var seen: Set<String> = []
            for draft in drafts where !draft.isBlank {
                guard seen.insert(draft.fieldKey).inserted else {
                    problems.append(RuleViolation(code: "realisasi.duplicate", field: .keyed(draft.fieldKey, .realisasi),
                        message: Message(id: "Indikator dan periode yang sama diisi dua kali dalam satu simpan.",
                                         en: "The same indicator and period is entered twice in one save.")))
                    continue
                }
                guard let row = byKey[draft.key] else {
                    problems.append(RuleViolation(.notFound, code: "reference.unknown", field: .keyed(draft.key, .realisasi),
                        message: Message(id: "Indikator itu tidak ada pada PK ini.", en: "That indicator is not on this PK.")))
                    continue
                }
                let spec = row.spec
                do throws(RuleViolation) {
                    // Named by the row: a month outside the quarter has no input of its own on the page.
                    try Bulan.check(draft.month, quarter: period, reporting: spec.reporting, field: .keyed(draft.key, .realisasi))
                } catch {
                    problems.append(error)
                    continue
                }
                switch RealisasiEntryRules.validate(draft, spec: spec) {
                case .failure(let found):
                    problems += found.all
                case .success(let record):
                    let latest = series.latest(key: row.key, period: period, month: draft.month)
                    if let latest, latest.status != .dikembalikan, latest.says(record) { continue }
                    let timing: RealisasiWindow.Timing
                    do throws(RuleViolation) {
                        timing = try RealisasiWindow.check(window, on: today, corrects: latest != nil, lateReason: lateReason)
                    } catch {
                        problems.append(error)
                        continue
                    }
                    let targets = row.quarterly.map { TargetInput.parseStored($0, for: spec) }
                    let position = spec.reporting == .monthly ? draft.month : period
                    let earlier = series.latestOfYear(key: row.key, reporting: spec.reporting).prefix(position - 1)
                        .map { $0?.realisasi(spec: spec) }
                    warnings += RealisasiWarnings.check(record, period: period, spec: spec, earlier: earlier,
                                                        periodTargets: targets, yearTarget: TargetInput.parseStored(row.target, for: spec))
                    records.append((record, row, timing))
                }
            }
            if !problems.isEmpty { throw RuleViolations(problems) }
            if !warnings.isEmpty && !confirmed { return RealisasiSaveResult(saved: 0, warnings: warnings) }
            var entries: [RealisasiEntry] = []
            var events: [AuditEvent] = []
            // The months of a quarter saved together each take the next number of the quarter's one run.
            var nextSeq: [String: Int] = [:]
            for (record, row, timing) in records {
                let seq = nextSeq[row.key] ?? series.nextSeq(key: row.key, period: period)
                nextSeq[row.key] = seq + 1
                let entry = RealisasiEntry()
                entry.id = UUID()
                entry.$pemda.id = w.pemdaID
                entry.$pk.id = pkID
                entry.$jabatan.id = pk.$jabatan.id
                entry.year = pk.year
                entry.rowKey = row.key
                entry.period = period
                entry.month = record.month
                entry.seq = seq
                entry.value = record.canonical
                entry.tdiReason = record.tdiReason
                entry.confidence = record.confidence
                entry.forecast = record.forecastCanonical
                entry.supporting = record.narrative.supporting
                entry.obstacles = record.narrative.obstacles
                entry.followUp = record.narrative.followUp
                entry.status = .diajukan
                if case .late(let reason) = timing { entry.lateReason = reason }
                entry.authorID = w.audit.userID
                entry.authorName = w.audit.username
                entry.enteredAt = w.audit.now
                entries.append(entry)
                events.append(try AuditTrail.creation(of: entry, pemdaID: w.pemdaID, unitID: pk.$unit.id, reason: entry.lateReason,
                                                      context: w.audit))
            }
            try await BatchInsert.create(entries, on: db)
            try await BatchInsert.create(events, on: db)
            return RealisasiSaveResult(saved: records.count, warnings: warnings)
        }
    }

    /// A verifikator's decisions on entries awaiting verification, all checked before any is written.
    public func verifyRealisasi(pkID: UUID, decisions: [UUID: RealisasiDecision], actor: PkActor) async throws -> Int {
        try await transaction { w in
            let db = w.database
            let pk = try await w.pkInForce(pkID)
            guard actor.mayVerify else {
                throw RuleViolation(.forbidden, code: "realisasi.notVerifier",
                    message: Message(id: "Hanya verifikator yang dapat menerima atau mengembalikan realisasi.",
                                     en: "Only a verifier can accept or return a realisation."))
            }
            let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).all()
            let specs = Dictionary(rows.map { ($0.key, $0.spec) }, uniquingKeysWith: { a, _ in a })
            let entries = try await RealisasiEntry.query(on: db).filter(\.$id ~~ Array(decisions.keys)).all()
                .filter { $0.$jabatan.id == pk.$jabatan.id && $0.year == pk.year && $0.$pemda.id == w.pemdaID }
            guard entries.count == decisions.count else { throw w.unknown(.realisasi) }
            var problems: [RuleViolation] = []
            var outcomes: [(RealisasiEntry, RealisasiStatus, FixedDecimal?, String?)] = []
            for entry in entries.sorted(by: { ($0.rowKey, $0.period, $0.month) < ($1.rowKey, $1.period, $1.month) }) {
                guard let decision = decisions[try entry.requireID()] else { continue }
                let field = InputField.keyed(try entry.requireID().uuidString, .decision)
                do throws(RuleViolation) {
                    let outcome = try RealisasiReview.decide(
                        decision, status: entry.status, ownEntry: entry.authorID != nil && entry.authorID == w.audit.userID,
                        spec: specs[entry.rowKey] ?? IndicatorSpec(kind: .text), field: field)
                    var reason: String?
                    if case .giveBack(let text) = decision { reason = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    outcomes.append((entry, outcome.status, outcome.judgement, reason))
                } catch {
                    problems.append(error)
                }
            }
            if !problems.isEmpty { throw RuleViolations(problems) }
            for (entry, status, judgement, reason) in outcomes {
                let before = try AuditTrail.snapshot(entry)
                entry.status = status
                entry.judgement = judgement?.description
                entry.returnReason = reason
                entry.verifierID = w.audit.userID
                entry.verifierName = w.audit.username
                entry.verifiedAt = w.audit.now
                try await entry.update(on: db)
                try await AuditTrail.recordUpdate(of: entry, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                                  reason: reason, context: w.audit, on: db)
            }
            return outcomes.count
        }
    }

    /// The PK version in force (the newest signed one) of its position and year, locked for the transaction.
    func pkInForce(_ pkID: UUID) async throws -> Pk {
        guard let pk = try await Pk.find(pkID, on: database), pk.$pemda.id == pemdaID else { throw unknown(.pk) }
        let sql = try database.sql
        if sql.dialect.name != "sqlite" {
            try await sql.raw("SELECT id FROM pk WHERE id = \(bind: pkID) FOR UPDATE").run()
        }
        let versions = try await Pk.query(on: database).filter(\.$jabatan.$id == pk.$jabatan.id).filter(\.$year == pk.year).all()
        guard pk.status.isSigned else {
            throw RuleViolation(.conflict, code: "realisasi.pkNotSigned",
                message: Message(id: "Realisasi hanya diisi untuk PK yang sudah ditandatangani.",
                                 en: "Realisation is entered only for a signed PK."))
        }
        guard PkVersions.inForce(versions)?.id == pkID else {
            throw RuleViolation(.conflict, code: "realisasi.pkReplaced",
                message: Message(id: "PK versi ini sudah diganti oleh PK Perubahan; isi realisasi pada PK yang berlaku.",
                                 en: "This PK version was replaced by a PK Perubahan; enter the realisation on the PK in force."))
        }
        return pk
    }
}
