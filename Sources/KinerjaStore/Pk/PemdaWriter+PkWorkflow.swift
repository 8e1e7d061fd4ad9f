import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Moving a PK through its workflow. Each step is one transaction that first locks the PK row, so that two
/// signers or two verifiers acting at once are applied one after the other.
extension PemdaWriter {
    public struct PkStep: Sendable, Hashable {
        public var status: PkStatus
        /// Set when this step completed the signatures and sealed the document.
        public var sha256: String?
    }

    @discardableResult
    public func pkAction(_ action: PkAction, pkID: UUID, actor: PkActor)
        async throws -> PkStep
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            try await w.lockPk(pkID)
            guard let pk = try await Pk.find(pkID, on: db), pk.$pemda.id == w.pemdaID else { throw w.unknown(.pk) }
            let signatures = try await PkSignature.query(on: db).filter(\.$pk.$id == pkID).all()
            let state = PkState(status: pk.status, level: pk.level, signed: Set(signatures.map(\.party)))
            let next = try PkWorkflow.apply(action, to: state, by: actor)
            switch action {
            case .ubah, .ajukan:
                try await w.checkDraftingWindow(pk, today: today)
            case .tandatangani:
                try await w.checkJadwal(pk.level.signingStage, year: pk.year, today: today)
            default:
                break
            }
            let before = try AuditTrail.snapshot(pk)
            var reason: String?
            var sha: String?
            switch action {
            case .ajukan:
                guard let review = try await PkReview.review(pkID, pemdaID: w.pemdaID, on: db) else { throw w.unknown(.pk) }
                if PkChecks.hasErrors(review.findings) {
                    let errors = review.findings.filter { $0.severity == .error }
                    throw RuleViolation(.conflict, code: "pk.checksFailed", field: nil,
                        message: Message(id: "PK belum dapat diajukan: \(errors.count) hal wajib diperbaiki. Pertama: \(errors[0].message.id)",
                                         en: "The PK cannot be submitted yet: \(errors.count) issue(s) to fix. First: \(errors[0].message.en)"))
                }
                if let diff = review.diff {
                    let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).all()
                    let reasons = Dictionary(rows.compactMap { r in r.changeReason.map { (r.key, $0) } },
                                             uniquingKeysWith: { a, _ in a })
                    // A target counts as realised once any realisation of it was entered, accepted or not.
                    let realised = try await db.sql.raw("""
                        SELECT DISTINCT row_key FROM realisasi WHERE jabatan_id = \(bind: pk.$jabatan.id) AND year = \(bind: pk.year)
                        """).all().map { try $0.decode(column: "row_key", as: String.self) }
                    try PerubahanRules.checkRealisedTargets(diff, realised: Set(realised), reasons: reasons)
                }
                pk.submittedBy = w.audit.userID
            case .kembalikan(let text):
                reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
                // Signatures given on an approved version go with it: the version that comes back is signed anew.
                for signature in signatures {
                    try await AuditTrail.record(.delete, before: signature, after: nil as PkSignature?,
                                                entityID: signature.requireID(), pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                                reason: reason, context: w.audit, on: db)
                    try await signature.delete(on: db)
                }
            case .tandatangani(let party):
                let jabatanID = party == .pihakPertama ? pk.$jabatan.id : pk.$superiorJabatan.id
                guard let jabatanID, let position = try await Jabatan.find(jabatanID, on: db),
                    let holder = try await PositionHolder.find(jabatanID: jabatanID, on: today, db: db)
                else {
                    throw RuleViolation(.conflict, code: "pk.vacant", field: nil,
                        message: Message(id: "Jabatan \(party.label.id.lowercased()) sedang kosong; tetapkan pejabat definitif, Plt. atau Plh. dahulu.",
                                         en: "The \(party.label.en.lowercased())'s position is vacant; assign an official or an acting one first."))
                }
                // A Plt over their own superior's post would otherwise promise and supervise in one person.
                if signatures.contains(where: { $0.party != party && $0.name == holder.name && $0.nip == holder.nip }) {
                    throw RuleViolation(.conflict, code: "pk.samePerson", field: nil,
                        message: Message(id: "\(holder.name) sudah menandatangani sebagai pihak lain; satu orang tidak dapat menjadi kedua pihak. Tetapkan Plh. lain untuk salah satu jabatan.",
                                         en: "\(holder.name) has already signed as the other party; one person cannot be both parties. Assign another acting official to one of the posts."))
                }
                let signature = PkSignature(pemdaID: w.pemdaID, pkID: pkID, party: party, userID: w.audit.userID,
                                            signer: holder.signer(jabatanName: position.name), at: w.audit.now, on: today)
                _ = try await w.create(signature, unitID: pk.$unit.id)
                if next.status == .ditandatangani {
                    var signers: [PkParty: PkSigner] = [party: signature.signer]
                    for s in signatures { signers[s.party] = s.signer }
                    sha = try await w.seal(pk, signers: signers, date: today)
                    pk.signedOn = today.description
                }
            default:
                break
            }
            pk.status = next.status
            try await pk.update(on: db)
            try await AuditTrail.recordUpdate(of: pk, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: pk.$unit.id,
                                              reason: reason, context: w.audit, on: db)
            let name: String
            if case .tandatangani(let party) = action { name = "tandatangani:\(party.rawValue)" } else { name = action.kind.rawValue }
            try await w.recordPkEvent(pkID: pkID, action: name, from: state.status, to: next.status, reason: reason)
            return PkStep(status: next.status, sha256: sha)
        }
    }

    /// The PK induk is drafted while the drafting stage is open; a PK Perubahan comes mid-year (mutasi, APBD-P)
    /// when that window has long closed, so it is not held to it.
    func checkDraftingWindow(_ pk: Pk, today: CalendarDate) async throws {
        guard pk.version == 0 else { return }
        try await checkJadwal(.pkPenyusunan, year: pk.year, today: today)
    }

    /// Takes the PK's row lock for the rest of the transaction (PostgreSQL; SQLite has one writer anyway), so that
    /// an edit and a submission, or two signatures, are applied one after the other.
    func lockPk(_ pkID: UUID) async throws {
        try await database.sql.raw("UPDATE pk SET updated_at = \(bind: audit.now) WHERE id = \(bind: pkID)").run()
    }

    /// Stores the canonical document, its SHA-256 and the server's seal: from now on this version never changes.
    func seal(_ pk: Pk, signers: [PkParty: PkSigner], date: CalendarDate) async throws -> String {
        let document = try await PkDocumentBuilder.build(try pk.requireID(), pemdaID: pemdaID, date: date, signers: signers,
                                                         on: database)
        let bytes = try PkCanonical.encode(document)
        guard let keyring else { throw SealKeyring.BadKey(description: "Tidak ada kunci segel untuk menyegel PK.") }
        let sha = PkCanonical.sha256Hex(bytes)
        let row = PkSeal(pemdaID: pemdaID, pkID: try pk.requireID(), document: String(decoding: bytes, as: UTF8.self),
                         sha256: sha, seal: try PkCanonical.seal(bytes, with: keyring.signingKey),
                         keyID: try await keyring.keyID(on: database), at: audit.now)
        _ = try await create(row, unitID: pk.$unit.id)
        return sha
    }

    /// Records (or clears) the day the Bappeda received the hardcopy of a position's PK signed on paper outside
    /// Kinerja.
    public func setPkHardcopy(jabatanID: UUID, year: Int, received: CalendarDate?, note: String = "") async throws
    {
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            let jabatan = try await w.owned(Jabatan.self, jabatanID, field: .position)
            if let received, received > today {
                throw RuleViolation(code: "pk.hardcopyFuture", field: .receivedOn,
                    message: Message(id: "Tanggal terima hardcopy tidak boleh sesudah hari ini.",
                                     en: "The hardcopy cannot be received after today."))
            }
            let existing = try await PkHardcopy.query(on: db).filter(\.$jabatan.$id == jabatanID).filter(\.$year == year).first()
            switch (existing, received) {
            case (nil, nil):
                return
            case (let row?, nil):
                try await AuditTrail.record(.delete, before: row, after: nil as PkHardcopy?, entityID: row.requireID(),
                                            pemdaID: w.pemdaID, unitID: jabatan.$unit.id, context: w.audit, on: db)
                try await row.delete(on: db)
            case (let row?, let day?):
                let before = try AuditTrail.snapshot(row)
                row.receivedOn = day.description
                row.note = note
                try await row.update(on: db)
                try await AuditTrail.recordUpdate(of: row, beforeSnapshot: before, pemdaID: w.pemdaID,
                                                  unitID: jabatan.$unit.id, context: w.audit, on: db)
            case (nil, let day?):
                _ = try await w.create(PkHardcopy(pemdaID: w.pemdaID, jabatanID: jabatanID, year: year, receivedOn: day,
                                                  note: note), unitID: jabatan.$unit.id)
            }
        }
    }
}
