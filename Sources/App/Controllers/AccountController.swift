import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Accounts of a Pemda (for its admin) and one's own password.
struct AccountController: Sendable {
    struct NewAccountForm: Content {
        var namaPengguna: String = ""
        var nama: String = ""
        var nip: String = ""
        var peran: [String]? = []
        var unit: String = ""
        var jabatan: String = ""
        var pegawai: String = ""
        var kataSandi: String = ""

        init() {}

        // A field left out of the post reads as empty, so the refusal names it instead of a decoding error.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
            namaPengguna = try text(.namaPengguna)
            nama = try text(.nama)
            nip = try text(.nip)
            peran = try c.decodeIfPresent([String].self, forKey: .peran) ?? []
            unit = try text(.unit)
            jabatan = try text(.jabatan)
            pegawai = try text(.pegawai)
            kataSandi = try text(.kataSandi)
        }
    }

    struct ResetForm: Content {
        var kataSandi: String
    }

    struct ChangeForm: Content {
        var lama: String
        var baru: String
        var ulangi: String
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .user)
        return try await renderList(req, pemda, error: nil, status: .ok)
    }

    func renderList(_ req: Request, _ pemda: PemdaInfo, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let all = try await UserQueries.accounts(pemdaID: pemda.id, on: req.db)
        let query = req.query[String.self, at: "q"] ?? ""
        let rows = all.filter { SearchMatch.matches(query, [$0.username, $0.displayName, $0.nip]) }
        return HTMLResponse.make(AccountPages.list(pemda, rows: rows, query: query, total: all.count, error: error,
                                                   csrf: req.csrfToken), status: status)
    }

    struct StatusForm: Content {
        var aktif: String
        var alasan: String
    }

    @Sendable func setActive(_ req: Request) async throws -> Response {
        let (pemda, id, _) = try await accountToChange(req)
        let form = try req.content.decode(StatusForm.self)
        do {
            if id == req.account?.id && form.aktif != "1" {
                throw RuleViolation(.conflict, code: "user.selfDisable", field: .active,
                    message: Message(id: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
                                     en: "You cannot disable your own account."))
            }
            try await UserWriter.setActive(userID: id, active: form.aktif == "1",
                                           reason: try Limits.text(form.alasan.trimmingCharacters(in: .whitespaces), max: Limits.longText, field: .reason),
                                           audit: req.auditContext, on: req.db)
            req.flash(form.aktif == "1" ? .accountActivated : .accountDeactivated)
            return req.redirect(to: SiteURL.of(pemda.code, .users).path)
        } catch let violation as any Refusal {
            return try await renderList(req, pemda, error: violation.summary.text, status: violation.status)
        }
    }

    @Sendable func form(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .user)
        try req.authorize(.create, Subject(.user, pemda: pemda.code))
        return try await render(req, pemda, NewAccountForm(), FormErrors(), status: .ok)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .user)
        try req.authorize(.create, Subject(.user, pemda: pemda.code))
        let form = try req.content.decode(NewAccountForm.self)
        do {
            var roles: Set<Role> = []
            for text in form.peran ?? [] {
                guard let role = Role(rawValue: text), role != .superAdmin else {
                    throw RuleViolation(code: "user.role", field: .roles,
                                        message: Message(id: "Peran tidak dikenal.", en: "Unknown role."))
                }
                roles.insert(role)
            }
            let nip = form.nip.trimmingCharacters(in: .whitespaces)
            let account = UserWriter.NewUser(
                pemdaID: pemda.id, username: form.namaPengguna.trimmingCharacters(in: .whitespaces),
                nip: nip.isEmpty ? nil : nip, displayName: form.nama.trimmingCharacters(in: .whitespaces), roles: roles,
                jabatanID: UUID(uuidString: form.jabatan), pegawaiID: UUID(uuidString: form.pegawai),
                unitIDs: UUID(uuidString: form.unit).map { [$0] } ?? [])
            try UserWriter.validate(account)
            try PasswordRules.check(form.kataSandi, username: account.username, nip: account.nip)
            let hash = try await req.password.async.hash(form.kataSandi)
            try await UserWriter.create(account, passwordHash: hash, mustChangePassword: true, audit: req.auditContext,
                                        on: req.db)
            req.flash(.accountCreated)
            return req.redirect(to: SiteURL.of(pemda.code, .users).path)
        } catch let violation as any Refusal {
            var kept = form
            kept.kataSandi = ""
            return try await render(req, pemda, kept, FormErrors(violation), status: violation.status)
        }
    }

    @Sendable func reset(_ req: Request) async throws -> Response {
        let (pemda, id, user) = try await accountToChange(req)
        let form = try req.content.decode(ResetForm.self)
        do {
            try PasswordRules.check(form.kataSandi, username: user.username, nip: user.nip)
            try await UserWriter.setPassword(userID: id, passwordHash: try await req.password.async.hash(form.kataSandi),
                                             mustChange: true, audit: req.auditContext, on: req.db)
            req.flash(.passwordReset)
            return req.redirect(to: SiteURL.of(pemda.code, .users).path)
        } catch let violation as any Refusal {
            throw Abort(violation.status, reason: violation.summary.text)
        }
    }

    @Sendable func passwordForm(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        return HTMLResponse.make(AccountPages.password(csrf: req.csrfToken, errors: FormErrors()))
    }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let userID = try req.requireAccount().id
        guard let user = try await AppUser.find(userID, on: req.db) else { throw Abort(.unauthorized) }
        let form = try req.content.decode(ChangeForm.self)
        do {
            // The current password is a password guess like any other: it counts towards the same lockout.
            let now = req.now
            if let until = user.lockedUntil, until > now {
                throw RuleViolation(.conflict, code: "password.locked", field: .currentPassword,
                                    message: LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))))
            }
            guard try await req.password.async.verify(form.lama, created: user.passwordHash) else {
                if let until = try await UserWriter.recordFailure(userID: userID, now: now, on: req.db) {
                    throw RuleViolation(.conflict, code: "password.locked", field: .currentPassword,
                                        message: LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))))
                }
                throw RuleViolation(code: "password.wrong", field: .currentPassword,
                                    message: Message(id: "Kata sandi lama salah.", en: "The current password is wrong."))
            }
            guard form.baru == form.ulangi else {
                throw RuleViolation(code: "password.mismatch", field: .passwordRepeat,
                                    message: Message(id: "Kedua isian kata sandi baru tidak sama.",
                                                     en: "The two new passwords differ."))
            }
            try PasswordRules.check(form.baru, username: user.username, nip: user.nip)
            try await UserWriter.setPassword(userID: userID, passwordHash: try await req.password.async.hash(form.baru),
                                             mustChange: false, keepingSession: req.webSession.key, audit: req.auditContext,
                                             on: req.db)
            try await UserWriter.recordSuccess(userID: userID, on: req.db)
            req.flash(.passwordChanged)
            return req.redirect(to: SiteURL.home.path)
        } catch let violation as any Refusal {
            return HTMLResponse.make(AccountPages.password(csrf: req.csrfToken, errors: FormErrors(violation)),
                                     status: violation.status)
        }
    }

    func render(_ req: Request, _ pemda: PemdaInfo, _ form: NewAccountForm, _ errors: FormErrors,
                status: HTTPResponseStatus) async throws -> Response
    {
        let organisation = try await req.organisation(of: pemda)
        return HTMLResponse.make(AccountPages.create(pemda, units: organisation.unitRows(),
                                                     positions: organisation.jabatanRows(on: req.viewDate(in: pemda)),
                                                     people: organisation.peopleByName, form: form, errors: errors,
                                                     csrf: req.csrfToken), status: status)
    }

    /// The account named by the path, of this Pemda, once the policy allows changing accounts.
    func accountToChange(_ req: Request) async throws -> (PemdaInfo, UUID, AppUser) {
        let pemda = try await req.pemda(reading: .user)
        try req.authorize(.update, Subject(.user, pemda: pemda.code))
        guard let text = req.parameters.get("user"), let id = UUID(uuidString: text),
            let user = try await AppUser.find(id, on: req.db), user.$pemda.id == pemda.id
        else { throw Abort(.notFound) }
        return (pemda, id, user)
    }
}
