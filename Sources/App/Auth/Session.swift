import Crypto
import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import NIOConcurrencyHelpers
import Vapor

/// The session of a request: loaded once by `SessionMiddleware`, changed by handlers, written back once at the end
/// and only when something changed.
final class RequestSession: Sendable {
    struct State: Sendable {
        /// The stored session, if the cookie named one that is still alive.
        var record: WebSessionRecord?
        /// Set when this request made a new session: the token goes into the cookie, its hash into the table.
        var newToken: String?
        var newUserID: UUID?
        var data: [String: String] = [:]
        var csrf: String?
        var dataChanged = false
        /// The cookie named a session that is gone or expired, or the user signed out: the cookie is cleared.
        var clearCookie = false
    }

    let state: NIOLockedValueBox<State>

    init(record: WebSessionRecord?) {
        state = NIOLockedValueBox(State(record: record, data: record?.data ?? [:], csrf: record?.csrf))
    }

    var key: String? { state.withLockedValue { s in s.record?.id ?? s.newToken.map(WebSessions.key(forToken:)) } }
    var exists: Bool { state.withLockedValue { $0.record != nil || $0.newToken != nil } }
    var csrf: String? { state.withLockedValue(\.csrf) }

    subscript(key: String) -> String? {
        get { state.withLockedValue { $0.data[key] } }
        set { state.withLockedValue { $0.data[key] = newValue; $0.dataChanged = true } }
    }
}

struct SessionKey: StorageKey { typealias Value = RequestSession }
struct AccountKey: StorageKey { typealias Value = SessionAccount }
struct PrincipalKey: StorageKey { typealias Value = Principal }
struct ViewerKey: StorageKey { typealias Value = Viewer }

enum SessionCookies {
    static let session = "kinerja_sesi"
    /// The form token of a visitor without a session (the sign-in form): compared with the form's copy.
    static let csrf = "kinerja_csrf"
}

/// Reads the session named by the cookie in one statement (with its account and Pemda), works out who is asking,
/// runs the request with them in place for views, and writes the session back only when it changed: a GET by a
/// signed-in user is a read, save for a coarse "last seen" every few minutes.
struct SessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let config = request.application.config
        let now = request.application.clock.now()
        var record: WebSessionRecord?
        var stale = false
        if let token = request.requestCookies[SessionCookies.session]?.string, Self.isWellFormed(token) {
            let key = WebSessions.key(forToken: token)
            if let found = try await WebSessions.load(key: key, on: request.db) {
                let signedIn = found.account != nil
                if config.sessionLifetime.isExpired(createdAt: found.createdAt, seenAt: found.seenAt, signedIn: signedIn, now: now)
                    || (found.account.map { !$0.active } ?? false)
                {
                    try await WebSessions.delete(key: key, on: request.db)
                    stale = true
                } else {
                    record = found
                }
            } else {
                stale = true
            }
        } else if request.requestCookies[SessionCookies.session] != nil {
            stale = true
        }
        let session = RequestSession(record: record)
        if stale { session.state.withLockedValue { $0.clearCookie = true } }
        request.storage[SessionKey.self] = session
        if let account = record?.account {
            request.storage[AccountKey.self] = account
            let principal = try await request.application.organisations.principal(of: account, on: request.db)
            request.storage[PrincipalKey.self] = principal
            request.storage[ViewerKey.self] = Viewer(
                displayName: account.displayName, principal: principal, csrfToken: record?.csrf ?? "",
                mustChangePassword: account.mustChangePassword,
                pemda: account.pemda.map { PemdaRef(code: $0.code, name: $0.name) })
        }
        let response = try await request.withLanguage {
            try await Viewer.$current.withValue(request.storage[ViewerKey.self]) { try await next.respond(to: request) }
        }
        try await finish(session, request, response, now: now, config: config)
        return response
    }

    /// Writes what changed and sets or clears the cookie.
    func finish(_ session: RequestSession, _ request: Request, _ response: Response, now: Date, config: AppConfig) async throws {
        let state = session.state.withLockedValue { $0 }
        if let token = state.newToken {
            try await WebSessions.create(key: WebSessions.key(forToken: token), userID: state.newUserID,
                                         csrf: state.csrf ?? Self.newToken(), data: state.data, now: now, on: request.db)
            response.cookies[SessionCookies.session] = HTTPCookies.Value(
                string: token, maxAge: Int(config.sessionLifetime.absolute), path: "/", isSecure: config.secureCookies,
                isHTTPOnly: true, sameSite: .lax)
        } else if let record = state.record {
            if state.dataChanged {
                try await WebSessions.save(key: record.id, data: state.data, now: now, on: request.db)
            } else if now.timeIntervalSince(record.seenAt) > config.sessionLifetime.touchAfter {
                try await WebSessions.touch(key: record.id, now: now, on: request.db)
            }
        } else if state.clearCookie {
            response.cookies[SessionCookies.session] = .expired
        }
    }

    /// 32 random bytes, URL-safe base64 without padding: 43 characters.
    static func newToken() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A cookie that is not one of our tokens is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
        }
    }
}

struct RequestCookiesKey: StorageKey { typealias Value = HTTPCookies }

extension Request {
    /// The request's cookies, parsed once: Vapor's `cookies` parses the header again on every access, and four
    /// middlewares read it.
    var requestCookies: HTTPCookies {
        if let parsed = storage[RequestCookiesKey.self] { return parsed }
        let parsed = cookies
        storage[RequestCookiesKey.self] = parsed
        return parsed
    }

    var webSession: RequestSession {
        if let session = storage[SessionKey.self] { return session }
        let session = RequestSession(record: nil)
        storage[SessionKey.self] = session
        return session
    }

    /// The signed-in, active account, or nil.
    var account: SessionAccount? { storage[AccountKey.self] }

    /// Who is asking: the signed-in user's principal, or anonymous.
    var principal: Principal { storage[PrincipalKey.self] ?? .anonymous }

    /// This request's form token: the session's, or for a visitor without one a token kept in a cookie of its own
    /// (the sign-in form needs no stored session).
    var csrfToken: String {
        if let token = webSession.csrf { return token }
        // A visitor's token is theirs alone: the page that shows it is not kept for other visitors (`PageCache`).
        storage[VisitorCSRFReadKey.self] = true
        if let cookie = requestCookies[SessionCookies.csrf]?.string, SessionMiddleware.isWellFormed(cookie) { return cookie }
        if let made = storage[NewCSRFKey.self] { return made }
        let token = SessionMiddleware.newToken()
        storage[NewCSRFKey.self] = token
        return token
    }

    /// Starts a fresh session for `userID` (nil: one waiting for the second factor), ending the one this request came
    /// with: an id planted before signing in is worth nothing after.
    func startSession(userID: UUID?, data: [String: String] = [:]) async throws {
        if let key = webSession.key, webSession.state.withLockedValue({ $0.record != nil }) {
            try await WebSessions.delete(key: key, on: db)
        }
        webSession.state.withLockedValue { state in
            state.record = nil
            state.newToken = SessionMiddleware.newToken()
            state.newUserID = userID
            state.data = data
            state.csrf = SessionMiddleware.newToken()
            state.clearCookie = false
        }
        try await WebSessions.prune(now: application.clock.now(), lifetime: application.config.sessionLifetime, on: db)
    }

    func endSession() async throws {
        if let key = webSession.key, webSession.state.withLockedValue({ $0.record != nil }) {
            try await WebSessions.delete(key: key, on: db)
        }
        webSession.state.withLockedValue { state in
            state.record = nil
            state.newToken = nil
            state.data = [:]
            state.csrf = nil
            state.clearCookie = true
        }
    }
}

struct NewCSRFKey: StorageKey { typealias Value = String }
struct VisitorCSRFReadKey: StorageKey { typealias Value = Bool }

/// Sets the visitor's form-token cookie when a page gave out one that the browser does not have yet.
struct VisitorCSRFCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let token = request.storage[NewCSRFKey.self], !request.webSession.exists {
            response.cookies[SessionCookies.csrf] = HTTPCookies.Value(
                string: token, maxAge: 12 * 3600, path: "/", isSecure: request.application.config.secureCookies,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
