import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The optional second factor: turning it on and off from one's account, and the code step of signing in.
struct TwoFactorController: Sendable {
    enum Keys {
        static let newSecret = "totp_new"
        static let pendingUser = "pending_uid"
        static let pendingNext = "pending_next"
    }

    struct CodeForm: Content {
        var kode: String
    }

    struct DisableForm: Content {
        var kataSandi: String
        var kode: String
    }

    // MARK: account page

    @Sendable func page(_ req: Request) async throws -> Response {
        let user = try await signedInUser(req)
        return try await render(req, user, errors: FormErrors(), notice: nil, status: .ok)
    }

    @Sendable func enable(_ req: Request) async throws -> Response {
        let user = try await signedInUser(req)
        let form = try req.content.decode(CodeForm.self)
        guard let secret = req.webSession[Keys.newSecret],
              let step = TwoFactor.verify(form.kode, secret: secret, at: req.now, after: 0)
        else {
            return try await render(req, user, errors: Self.wrongCode, notice: nil, status: .unprocessableEntity)
        }
        try await UserWriter.enableTotp(userID: user.requireID(), secret: secret, step: step, audit: req.auditContext,
                                        on: req.db)
        req.webSession[Keys.newSecret] = nil
        req.flash(.twoFactorOn)
        return req.redirect(to: SiteURL.twoFactor.path)
    }

    @Sendable func disable(_ req: Request) async throws -> Response {
        let user = try await signedInUser(req)
        let form = try req.content.decode(DisableForm.self)
        guard try await req.password.async.verify(form.kataSandi, created: user.passwordHash) else {
            try await UserWriter.recordFailure(userID: user.requireID(), now: req.now, on: req.db)
            var errors = FormErrors()
            errors.byField["kataSandi"] = L("Kata sandi salah.", "Wrong password.")
            return try await render(req, user, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        guard let totp = try await totp(of: user, on: req.db),
              let step = TwoFactor.verify(form.kode, secret: totp.secret, at: req.now, after: totp.lastStep),
              try await UserWriter.spendTotpStep(userID: user.requireID(), step: step, on: req.db)
        else {
            try await UserWriter.recordFailure(userID: user.requireID(), now: req.now, on: req.db)
            return try await render(req, user, errors: Self.wrongCode, notice: nil, status: .unprocessableEntity)
        }
        try await UserWriter.disableTotp(userID: user.requireID(), reason: "dimatikan oleh pengguna", audit: req.auditContext,
                                         on: req.db)
        req.flash(.twoFactorOff)
        return req.redirect(to: SiteURL.twoFactor.path)
    }

    func render(_ req: Request, _ user: AppUser, errors: FormErrors, notice: String?, status: HTTPResponseStatus)
        async throws -> Response
    {
        let existing = try await totp(of: user, on: req.db)
        var secret: String?
        if existing == nil {
            // The secret waits in the session until a code proves the app has it.
            secret = req.webSession[Keys.newSecret] ?? TwoFactor.newSecret()
            if req.webSession[Keys.newSecret] == nil { req.webSession[Keys.newSecret] = secret }
        }
        return HTMLResponse.make(TwoFactorPages.setup(
            enabledSince: existing?.confirmedAt, zone: req.account?.pemda?.zone ?? .wib, secret: secret,
            uri: secret.map { TwoFactor.uri(secret: $0, account: user.username) }, errors: errors, notice: notice,
            csrf: req.csrfToken), status: status)
    }

    // MARK: the code step of signing in

    @Sendable func challenge(_ req: Request) async throws -> Response {
        guard pendingUserID(req) != nil else { return req.redirect(to: SiteURL.login.path) }
        return HTMLResponse.make(TwoFactorPages.challenge(csrf: req.csrfToken, error: nil))
    }

    @Sendable func answer(_ req: Request) async throws -> Response {
        guard let userID = pendingUserID(req), let user = try await AppUser.find(userID, on: req.db), user.active,
              let totp = try await totp(of: user, on: req.db)
        else { return req.redirect(to: SiteURL.login.path) }
        let form = try req.content.decode(CodeForm.self)
        let now = req.now
        if let until = user.lockedUntil, until > now {
            return refuse(req, LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))).text)
        }
        guard let step = TwoFactor.verify(form.kode, secret: totp.secret, at: now, after: totp.lastStep),
              // Read again: a burst of guesses may have locked the account while this one was being checked.
              try await AppUser.find(userID, on: req.db).map({ ($0.lockedUntil ?? .distantPast) <= now }) == true,
              try await UserWriter.spendTotpStep(userID: userID, step: step, on: req.db)
        else {
            if let until = try await UserWriter.recordFailure(userID: userID, now: now, on: req.db) {
                return refuse(req, LoginThrottle.lockedMessage(minutes: LoginController.minutes(until.timeIntervalSince(now))).text)
            }
            return refuse(req, Self.wrongCode.byField["kode"] ?? "")
        }
        let next = req.webSession[Keys.pendingNext] ?? "/"
        return try await LoginController.complete(req, user: user, next: next)
    }

    func refuse(_ req: Request, _ message: String) -> Response {
        HTMLResponse.make(TwoFactorPages.challenge(csrf: req.csrfToken, error: message), status: .unauthorized)
    }

    /// The user who gave the right password a moment ago: the pending session lives only minutes (see
    /// `SessionLifetime.pending`), and is never one that is signed in.
    func pendingUserID(_ req: Request) -> UUID? {
        guard req.account == nil, let text = req.webSession[Keys.pendingUser], let id = UUID(uuidString: text) else { return nil }
        return id
    }

    // MARK: helpers

    static var wrongCode: FormErrors {
        var errors = FormErrors()
        errors.byField["kode"] = L("Kode salah, kedaluwarsa, atau sudah dipakai. Ketik kode yang sedang tampil di aplikasi.",
                                   "The code is wrong, expired or already used. Type the code the app shows now.")
        return errors
    }

    func signedInUser(_ req: Request) async throws -> AppUser {
        guard let user = try await AppUser.find(try req.requireAccount().id, on: req.db) else { throw Abort(.unauthorized) }
        return user
    }

    func totp(of user: AppUser, on db: any Database) async throws -> UserTotp? {
        try await UserTotp.query(on: db).filter(\.$user.$id == user.requireID()).first()
    }
}
