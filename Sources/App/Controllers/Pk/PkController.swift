import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The PK board of a year, drafting a new PK, a PK's page and its workflow steps.
struct PkController: Sendable {
    static let boardPageSize = 50

    @Sendable func board(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        return try await renderBoard(req, pemda, year: req.year(in: pemda), error: nil, status: .ok)
    }

    func boardFilter(_ req: Request) -> PkBoard.Filter {
        PkBoard.Filter(level: req.query[String.self, at: "tingkat"].flatMap(PkLevel.init(rawValue:)),
                       opd: req.query[String.self, at: "opd"].flatMap(UUID.init(uuidString:)),
                       stage: req.query[String.self, at: "tahap"].flatMap(PkBoard.Stage.init(key:)),
                       compliance: req.query[String.self, at: "kepatuhan"].flatMap(PkCompliance.Kind.init(rawValue:)),
                       query: req.searchQuery)
    }

    func renderBoard(_ req: Request, _ pemda: PemdaInfo, year: Int, error: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let organisation = try await req.organisation(of: pemda)
        let today = req.today(in: pemda)
        let pkYear = try await PkYear.load(pemdaID: pemda.id, year: year, on: req.db)
        let all = PkBoard.rows(organisation: organisation, year: pkYear, today: today)
        let filter = boardFilter(req)
        let matching = PkBoard.filter(all, filter)
        let pages = max(1, (matching.count + Self.boardPageSize - 1) / Self.boardPageSize)
        let page = min(max(1, req.query[Int.self, at: "halaman"] ?? 1), pages)
        let shown = Array(matching.dropFirst((page - 1) * Self.boardPageSize).prefix(Self.boardPageSize))
        let reach = try await req.application.organisations.positionsInReach(of: req.account, on: req.db)
        let mayDraft = Set(shown.filter { row in
            row.latest == nil && PkActor.mayDraft(req.principal, pemda: pemda.code, unit: row.unitCode,
                                                  positionInReach: reach.contains(row.jabatanID))
        }.map(\.jabatanID))
        let counts = PkBoard.counts(all)
        let opds = organisation.unitRows().filter(\.isPerangkatDaerah).map { (id: $0.id, name: $0.name) }
        let model = PkBoardPage.Model(
            pemda: PemdaRef(pemda), year: year, filter: filter, rows: shown, total: all.count, matching: matching.count,
            page: page, pages: pages, stageCounts: counts.stages, complianceCounts: counts.compliance, opds: opds,
            mayDraft: mayDraft, mayRecordHardcopy: Layout.may(.update, Subject(.pk, pemda: pemda.code)),
            signed: all.filter { $0.inForce != nil || $0.hardcopy != nil }.count, csrf: req.csrfToken, error: error)
        return HTMLResponse.make(PkBoardPage.render(model), status: status)
    }

    @Sendable func draft(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let form = try req.content.decode(DraftForm.self)
        let organisation = try await req.organisation(of: pemda)
        guard let jabatanID = UUID(uuidString: form.jabatan), let position = organisation.positions[jabatanID] else {
            throw Abort(.notFound)
        }
        let year = try Limits.year(Int(form.tahun) ?? 0)
        let unitCode = position.unit.flatMap { organisation.units[$0]?.code }
        try req.authorize(.create, Subject(.pk, pemda: pemda.code, unit: unitCode))
        let reach = try await req.application.organisations.positionsInReach(of: req.account, on: req.db)
        guard PkActor.mayDraft(req.principal, pemda: pemda.code, unit: unitCode, positionInReach: reach.contains(jabatanID)) else {
            throw Abort(.forbidden, reason: L("Pejabat hanya dapat menyusun PK jabatannya sendiri dan jabatan di bawahnya.",
                                              "An official can only draft the PK of their own position and those below it."))
        }
        do {
            let id = try await req.writer(for: pemda).draftPk(jabatanID: jabatanID, year: year)
            req.flash(.pkDrafted)
            return req.redirect(to: SiteURL.pk(pemda.code, id).path)
        } catch let violation as any Refusal {
            return try await renderBoard(req, pemda, year: year, error: violation.summary.text, status: violation.status)
        }
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await render(req, try await req.pkContext(), error: nil, status: .ok)
    }

    /// Ajukan, kembalikan, setujui, terbitkan.
    @Sendable func act(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(ActionForm.self)
        let action: PkAction
        switch form.aksi {
        case "ajukan": action = .ajukan
        case "kembalikan": action = .kembalikan(reason: String((form.alasan ?? "").prefix(Limits.longText)))
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
        guard let account = context.account, let user = try await AppUser.find(account.id, on: req.db) else {
            throw Abort(.unauthorized)
        }
        // Re-entering the password counts against the same lockout as signing in: an open session is no way round it.
        let now = req.now
        if let until = user.lockedUntil, until > now {
            return try await render(req, context, error: LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))).text,
                                    status: .tooManyRequests)
        }
        guard try await req.password.async.verify(String(form.kataSandi.prefix(Limits.shortText)), created: user.passwordHash) else {
            _ = try await UserWriter.recordFailure(userID: account.id, now: now, on: req.db)
            let message = Message(id: "Kata sandi salah; PK belum ditandatangani.", en: "Wrong password; the PK was not signed.")
            return try await render(req, context, error: message.text, status: .unprocessableEntity)
        }
        try await UserWriter.recordSuccess(userID: account.id, on: req.db)
        return try await step(req, context, .tandatangani(party))
    }

    @Sendable func revise(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let form = try req.content.decode(RevisionForm.self)
        do {
            guard let ground = PerubahanGround(rawValue: form.alasan) else {
                throw RuleViolation(code: "perubahan.ground", field: .ground,
                    message: Message(id: "Pilih salah satu dari tiga alasan perubahan PK.", en: "Choose one of the three grounds."))
            }
            let id = try await req.writer(for: context.pemda).revisePk(
                context.content.id, ground: ground, legalNumber: try Limits.text(form.nomor, field: .legalNumber),
                legalDate: form.tanggal.utf8.count == 10 ? CalendarDate(iso: form.tanggal) : nil, actor: context.actor)
            req.flash(.pkRevised)
            return req.redirect(to: SiteURL.pk(context.pemda.code, id).path)
        } catch let violation as any Refusal {
            return try await render(req, context, error: violation.summary.text, status: violation.status)
        }
    }

    @Sendable func hardcopy(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.pk, pemda: pemda.code))
        let form = try req.content.decode(HardcopyForm.self)
        let year = try Limits.year(Int(form.tahun) ?? 0)
        guard let jabatanID = UUID(uuidString: form.jabatan) else { throw Abort(.notFound) }
        do {
            let text = form.diterima.trimmingCharacters(in: .whitespaces)
            let day = text.isEmpty ? nil : (text.utf8.count == 10 ? CalendarDate(iso: text) : nil)
            if !text.isEmpty && day.map({ !Limits.isYear($0.year) }) ?? true {
                throw RuleViolation(code: "form.date", field: .receivedOn,
                                    message: Message(id: "Tanggal tidak dikenali.", en: "Unrecognised date."))
            }
            try await req.writer(for: pemda).setPkHardcopy(jabatanID: jabatanID, year: year, received: day,
                                                           note: try Limits.text(form.catatan ?? "", max: Limits.longText, field: .note))
            req.flash(.hardcopyRecorded)
            return req.redirect(to: SiteURL.of(pemda.code, .pkBoard).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderBoard(req, pemda, year: year, error: violation.summary.text, status: violation.status)
        }
    }

    func step(_ req: Request, _ context: PkContext, _ action: PkAction) async throws -> Response {
        do {
            let result = try await req.writer(for: context.pemda).pkAction(action, pkID: context.content.id, actor: context.actor)
            switch action {
            case .ajukan: req.flash(.pkSubmitted)
            case .kembalikan: req.flash(.pkReturned)
            case .setujui: req.flash(.pkApproved)
            case .tandatangani: req.flash(result.sha256 == nil ? .pkSigned : .pkSealed)
            case .terbitkan: req.flash(.pkPublished)
            case .ubah: req.flash(.saved)
            }
            return req.redirect(to: context.url.path)
        } catch let violation as any Refusal {
            return try await render(req, try await req.pkContext(), error: violation.summary.text, status: violation.status)
        }
    }

    /// The PK page, with what was typed and refused shown again beside its fields when `edit` is given.
    func render(_ req: Request, _ context: PkContext, error: String?, status: HTTPResponseStatus,
                edit: PkTableEdit? = nil, errors: FormErrors = FormErrors()) async throws -> Response
    {
        let search = req.searchQuery(named: "cari")
        let found = search.isEmpty || !context.state.status.isEditable ? []
            : try await PkContent.searchOptions(for: context.content, query: search, organisation: context.organisation, on: req.db)
        let model = PkDetailPage.Model(context: context, actions: PkWorkflow.available(context.state, to: context.actor),
                                       review: PkReview.result(of: context.content), search: search, found: found,
                                       edit: edit, errors: errors, error: error, csrf: req.csrfToken)
        return HTMLResponse.make(PkDetailPage.render(model), status: status)
    }

    struct DraftForm: Content {
        var jabatan: String
        var tahun: String
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
        var jabatan: String
        var tahun: String
        var diterima: String
        var catatan: String?
    }
}

extension Request {
    /// A search field of the query other than `q`, trimmed and bounded.
    func searchQuery(named name: String) -> String {
        String((query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Limits.shortText))
    }
}
