import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Sign-in by username or NIP and password, and sign-out. Failures are throttled per account.
struct LoginController: Sendable {
    struct Form: Content {
        var login: String
        var password: String
        var next: String?
    }

    /// A hash to verify against when the account does not exist, so that timing does not tell which names exist.
    static let decoyHash: String = (try? Bcrypt.hash("kinerja-decoy", cost: 12)) ?? ""

    @Sendable func form(_ req: Request) async throws -> Response {
        HTMLResponse.make(LoginPage.html(csrf: req.csrfToken, login: "", next: safeNext(req.query[String.self, at: "next"])))
    }

    @Sendable func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let next = safeNext(form.next)
        func refuse(_ message: String) -> Response {
            HTMLResponse.make(LoginPage.html(csrf: req.csrfToken, login: form.login, next: next, error: message),
                              status: .unauthorized)
        }
        let wrong = L("Nama pengguna/NIP atau kata sandi salah.", "Wrong username/NIP or password.")
        guard let user = try await UserQueries.find(login: form.login, on: req.db), user.active else {
            _ = try? await req.password.async.verify(form.password, created: Self.decoyHash)
            return refuse(wrong)
        }
        let now = Date()
        if let until = user.lockedUntil, until > now {
            return refuse(LoginThrottle.lockedMessage(minutes: Self.minutes(until.timeIntervalSince(now))).text)
        }
        guard try await req.password.async.verify(form.password, created: user.passwordHash) else {
            if let until = try await UserWriter.recordFailure(userID: user.requireID(), now: now, on: req.db) {
                return refuse(LoginThrottle.lockedMessage(minutes: Self.minutes(until.timeIntervalSince(now))).text)
            }
            return refuse(wrong)
        }
        if try await UserTotp.query(on: req.db).filter(\.$user.$id == user.requireID()).first() != nil {
            // The password was right; the session waits for the code, and signs nobody in until it comes.
            try await Self.renewSession(req)
            req.session.data[TwoFactorController.Keys.pendingUser] = try user.requireID().uuidString
            req.session.data[TwoFactorController.Keys.pendingAt] = String(now.timeIntervalSince1970)
            req.session.data[TwoFactorController.Keys.pendingNext] = next
            _ = req.csrfToken
            return req.redirect(to: "/masuk/kode", redirectType: .normal)
        }
        return try await Self.complete(req, user: user, next: next)
    }

    /// Signs the user in: failures forgotten, a fresh session, and the password change first when one is due.
    static func complete(_ req: Request, user: AppUser, next: String) async throws -> Response {
        try await UserWriter.recordSuccess(userID: user.requireID(), on: req.db)
        try await renewSession(req)
        req.session.data[SessionKeys.user] = try user.requireID().uuidString
        _ = req.csrfToken
        if user.mustChangePassword { return req.redirect(to: "/akun/kata-sandi", redirectType: .normal) }
        return req.redirect(to: next, redirectType: .normal)
    }

    /// A new session id: an id planted before signing in is worth nothing after.
    static func renewSession(_ req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
    }

    @Sendable func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/", redirectType: .normal)
    }

    /// Only a path on this site: never `//other.example` or an absolute URL.
    func safeNext(_ next: String?) -> String {
        // Browsers drop tabs and newlines from URLs, so `/\t/evil.example` would become `//evil.example`.
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f }),
              URLComponents(string: next)?.host == nil
        else { return "/" }
        return next
    }

    static func minutes(_ seconds: TimeInterval) -> Int { max(1, Int((seconds / 60).rounded(.up))) }
}
