import Fluent
import KinerjaCore
import KinerjaStore
import Vapor

/// Loads the signed-in user named by the session, works out their `Principal` once, and makes both available to
/// handlers (`req.principal`) and views (`Viewer.current`). It runs after the sessions middleware, so it also puts
/// the request's language back in place (see `LanguageChoice`).
struct CurrentUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await request.withLanguage { try await signedIn(request, chainingTo: next) }
    }

    func signedIn(_ request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.hasSession, let text = request.session.data[SessionKeys.user], let id = UUID(uuidString: text),
            let user = try await AppUser.find(id, on: request.db), user.active
        else {
            return try await next.respond(to: request)
        }
        let principal = try await UserQueries.principal(of: user, on: request.db)
        request.storage[PrincipalKey.self] = principal
        request.storage[AuditContextKey.self] = AuditContext(userID: id, username: user.username, requestID: request.id)
        let viewer = Viewer(displayName: user.displayName, principal: principal, csrfToken: request.csrfToken,
                            mustChangePassword: user.mustChangePassword)
        return try await Viewer.$current.withValue(viewer) { try await next.respond(to: request) }
    }
}

enum SessionKeys {
    static let user = "uid"
    static let csrf = "csrf"
}

struct PrincipalKey: StorageKey {
    typealias Value = Principal
}

struct AuditContextKey: StorageKey {
    typealias Value = AuditContext
}

extension Request {
    /// Who the audit trail names for changes made by this request.
    var auditContext: AuditContext {
        storage[AuditContextKey.self] ?? AuditContext(userID: nil, username: "anonim", requestID: id)
    }
}
