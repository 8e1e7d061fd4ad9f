import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Sign-in by username or NIP and password, and sign-out. Failures are throttled per name, whether or not the name
/// is an account, so that neither the answer nor the lockout tells which names exist.
struct LoginController: Sendable {
    struct Form: Content {
        var login: String
        var password: String
        var next: String?
    }

    /// A hash to verify against when the account does not exist, so that timing does not tell which names exist.
    static let decoyHash: String = (try? Bcrypt.hash("kinerja-decoy", cost: 12)) ?? ""

    @Sendable func form(_ req: Request) async throws -> Response {
        if req.account != nil, req.query[String.self, at: "next"] == nil { return req.redirect(to: SiteURL.home.path) }
        return HTMLResponse.make(LoginPage.html(csrf: req.csrfToken, login: "", next: safeNext(req.query[String.self, at: "next"])))
    }

    @Sendable func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let login = String(form.login.prefix(Limits.shortText))
        let next = safeNext(form.next)
        func refuse(_ message: String) -> Response {
            HTMLResponse.make(LoginPage.html(csrf: req.csrfToken, login: login, next: next, error: message),
                              status: .unauthorized)
        }
        let wrong = L("Nama pengguna/NIP atau kata sandi salah.", "Wrong username/NIP or password.")
        let now = req.now
        guard let user = try await UserQueries.find(login: login, on: req.db), user.active else {
            // The same steps as for an account: a lock check, a hash to verify, a failure counted.
            if let until = try await LoginAttempts.lockedUntil(login: login, now: now, on: req.db) {
                return refuse(LoginThrottle.lockedMessage(minutes: Self.minutes(until.timeIntervalSince(now))).text)
            }
            _ = try? await req.password.async.verify(form.password, created: Self.decoyHash)
            if let until = try await LoginAttempts.recordFailure(login: login, now: now, on: req.db) {
                return refuse(LoginThrottle.lockedMessage(minutes: Self.minutes(until.timeIntervalSince(now))).text)
            }
            return refuse(wrong)
        }
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
            // The password was right; a session waits for the code, and signs nobody in until it comes.
            try await req.startSession(userID: nil, data: [
                TwoFactorController.Keys.pendingUser: try user.requireID().uuidString,
                TwoFactorController.Keys.pendingNext: next,
            ])
            return req.redirect(to: SiteURL.loginCode.path)
        }
        return try await Self.complete(req, user: user, next: next)
    }

    /// Signs the user in: failures forgotten, a fresh session, and the password change first when one is due.
    static func complete(_ req: Request, user: AppUser, next: String) async throws -> Response {
        try await UserWriter.recordSuccess(userID: user.requireID(), on: req.db)
        try await req.startSession(userID: try user.requireID())
        req.flash(.signedIn)
        if user.mustChangePassword { return req.redirect(to: SiteURL.password.path) }
        return req.redirect(to: next)
    }

    @Sendable func logout(_ req: Request) async throws -> Response {
        try await req.endSession()
        return req.redirect(to: SiteURL.home.path)
    }

    /// Only a path on this site: never `//other.example` or an absolute URL.
    func safeNext(_ next: String?) -> String {
        // Browsers drop tabs and newlines from URLs, so `/\t/evil.example` would become `//evil.example`.
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.utf8.count <= 2_000,
              !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f }),
              URLComponents(string: next)?.host == nil
        else { return "/" }
        return next
    }

    static func minutes(_ seconds: TimeInterval) -> Int { max(1, Int((seconds / 60).rounded(.up))) }
}
