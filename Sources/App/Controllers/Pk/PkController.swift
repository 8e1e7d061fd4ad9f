import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The PK board of a year, drafting a new PK, a PK's page and its workflow steps.
struct PkController: Sendable {
    func year(_ req: Request) -> Int { req.query[Int.self, at: "tahun"] ?? req.viewDate.year }

    @Sendable func board(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let level = req.query[String.self, at: "tingkat"].flatMap(PkLevel.init(rawValue:))
        return try await renderBoard(req, pemda, year: year(req), level: level, error: nil, status: .ok)
    }

    func renderBoard(_ req: Request, _ pemda: Pemda, year: Int, level: PkLevel?, error: String?,
                     status: HTTPResponseStatus) async throws -> Response
    {
        let rows = try await PkBoard.rows(pemdaID: pemda.requireID(), year: year, today: .todayInJakarta(), level: level,
                                          on: req.db)
        let user = try await req.currentUser
        let reach = try await user.asyncMap { try await PkQueries.positionsInReach(of: $0, on: req.db) } ?? []
        let mayDraft = rows.map { row in
            PkActor.mayDraft(req.principal, pemda: pemda.code, unit: row.unitCode, positionInReach: reach.contains(row.jabatanID))
        }
        let mayRecord = Layout.may(.update, Subject(.pk, pemda: pemda.code))
        return HTMLResponse.make(PkBoardPage.render(pemda, year: year, level: level, rows: rows, mayDraft: mayDraft,
                                                    mayRecordHardcopy: mayRecord, csrf: req.csrfToken, error: error),
                                 status: status)
    }

    @Sendable func draft(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let form = try req.content.decode(DraftForm.self)
        guard let jabatan = try await Jabatan.find(form.jabatan, on: req.db), jabatan.$pemda.id == pemda.id else {
            throw Abort(.notFound)
        }
        let unitCode = try await jabatan.$unit.id.asyncMap { try await KinerjaStore.Unit.find($0, on: req.db)?.code } ?? nil
        let user = try await req.currentUser
        let inReach = try await user.asyncMap { try await PkQueries.isInReach(of: $0, jabatanID: form.jabatan, on: req.db) } ?? false
        try req.authorize(.create, Subject(.pk, pemda: pemda.code, unit: unitCode))
        guard PkActor.mayDraft(req.principal, pemda: pemda.code, unit: unitCode, positionInReach: inReach) else {
            throw Abort(.forbidden, reason: L("Pejabat hanya dapat menyusun PK jabatannya sendiri dan jabatan di bawahnya.",
                                              "An official can only draft the PK of their own position and those below it."))
        }
        do {
            let id = try await writer(req, pemda).draftPk(jabatanID: form.jabatan, year: form.tahun)
            return req.redirect(to: req.pkURL(pemda, id), redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderBoard(req, pemda, year: form.tahun, level: nil, error: violation.message.text,
                                         status: .unprocessableEntity)
        }
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        return try await render(req, context, error: nil, status: .ok)
    }

    /// Ajukan, kembalikan, setujui, terbitkan.
    @Sendable func act(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(ActionForm.self)
        let action: PkAction
        switch form.aksi {
        case "ajukan": action = .ajukan
        case "kembalikan": action = .kembalikan(reason: form.alasan ?? "")
        case "setujui": action = .setujui
        case "terbitkan": action = .terbitkan
        default: throw Abort(.badRequest)
        }
        return try await step(req, context, action)
    }

    /// Signing: the signer types their password again, so that a left-open session cannot sign.
    @Sendable func sign(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(SignForm.self)
        guard let party = PkParty(rawValue: form.pihak) else { throw Abort(.badRequest) }
        guard let user = context.user else { throw Abort(.unauthorized) }
        // Re-entering the password counts against the same lockout as signing in: an open session is no way round it.
        let now = Date()
        if let until = user.lockedUntil, until > now {
            return try await render(req, context, error: LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))).text,
                                    status: .tooManyRequests)
        }
        guard try await req.password.async.verify(form.kataSandi, created: user.passwordHash) else {
            _ = try await UserWriter.recordFailure(userID: user.requireID(), now: now, on: req.db)
            let message = Message(id: "Kata sandi salah; PK belum ditandatangani.", en: "Wrong password; the PK was not signed.")
            return try await render(req, context, error: message.text, status: .unprocessableEntity)
        }
        try await UserWriter.recordSuccess(userID: user.requireID(), on: req.db)
        return try await step(req, context, .tandatangani(party))
    }

    @Sendable func revise(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(RevisionForm.self)
        do {
            guard let ground = PerubahanGround(rawValue: form.alasan) else {
                throw RuleViolation(code: "perubahan.ground", field: .reason,
                    message: Message(id: "Pilih salah satu dari tiga alasan perubahan PK.", en: "Choose one of the three grounds."))
            }
            let id = try await writer(req, context.pemda).revisePk(
                try context.pk.requireID(), ground: ground, legalNumber: form.nomor,
                legalDate: CalendarDate(iso: form.tanggal), actor: context.actor)
            return req.redirect(to: req.pkURL(context.pemda, id), redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await render(req, context, error: violation.message.text, status: .unprocessableEntity)
        }
    }

    @Sendable func hardcopy(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.pk, pemda: pemda.code))
        let form = try req.content.decode(HardcopyForm.self)
        do {
            let day = form.diterima.isEmpty ? nil : CalendarDate(iso: form.diterima)
            if !form.diterima.isEmpty && day == nil {
                throw RuleViolation(code: "form.date", field: .receivedOn,
                                    message: Message(id: "Tanggal tidak dikenali.", en: "Unrecognised date."))
            }
            try await writer(req, pemda).setPkHardcopy(jabatanID: form.jabatan, year: form.tahun, received: day,
                                                       note: form.catatan ?? "")
            return req.redirect(to: "/pemda/\(pemda.code)/pk?tahun=\(form.tahun)", redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderBoard(req, pemda, year: form.tahun, level: nil, error: violation.message.text,
                                         status: .unprocessableEntity)
        }
    }

    func step(_ req: Request, _ context: PkContext, _ action: PkAction) async throws -> Response {
        do {
            try await writer(req, context.pemda).pkAction(action, pkID: try context.pk.requireID(), actor: context.actor)
            return req.redirect(to: req.pkURL(context.pemda, try context.pk.requireID()), redirectType: .normal)
        } catch let violation as RuleViolation {
            let fresh = try await req.pkContext()
            return try await render(req, fresh, error: violation.message.text, status: Self.status(of: violation))
        }
    }

    func render(_ req: Request, _ context: PkContext, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let detail = try await PkQueries.detail(context.pk, today: .todayInJakarta(), on: req.db)
        let state = PkState(status: detail.status, level: detail.level, signed: detail.signed)
        let isLatest = detail.versions.last?.id == detail.id
        return HTMLResponse.make(PkDetailPage.render(context.pemda, detail, actions: PkWorkflow.available(state, to: context.actor),
                                                     actor: context.actor, isLatest: isLatest, error: error,
                                                     csrf: req.csrfToken), status: status)
    }

    /// A refusal of who is acting is a 403, like every other refusal of the policy; a refusal of what was typed or
    /// of the PK's state is a 422 with the form shown again.
    static func status(of violation: RuleViolation) -> HTTPResponseStatus {
        ["pk.notAllowed", "pk.notParty", "pk.ownEntry"].contains(violation.code) ? .forbidden : .unprocessableEntity
    }

    func writer(_ req: Request, _ pemda: Pemda) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    struct DraftForm: Content {
        var jabatan: UUID
        var tahun: Int
    }

    struct ActionForm: Content {
        var aksi: String
        var alasan: String?
    }

    struct SignForm: Content {
        var pihak: String
        var kataSandi: String
    }

    struct RevisionForm: Content {
        var alasan: String
        var nomor: String
        var tanggal: String
    }

    struct HardcopyForm: Content {
        var jabatan: UUID
        var tahun: Int
        var diterima: String
        var catatan: String?
    }
}
