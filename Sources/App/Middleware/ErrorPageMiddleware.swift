import Foundation
import KinerjaCore
import Vapor

/// Turns errors into a page in the interface language for people and `{"error": true, "reason": …}` for the API.
/// A `RuleViolation` becomes 422 with its message and field; server faults are logged and never leak details.
struct ErrorPageMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason, field) = describe(error)
            if status.code >= 500 {
                request.logger.error("\(error)")
            } else {
                request.logger.warning("\(status.code) \(request.url.path): \(reason)")
            }
            if status == .unauthorized && !request.url.path.hasPrefix("/api/") {
                let next = request.method == .GET ? request.url.string : request.url.path
                let encoded = next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/"
                return request.redirect(to: "/masuk?next=\(encoded)", redirectType: .normal)
            }
            if request.url.path.hasPrefix("/api/") {
                let body = ErrorBody(error: true, reason: reason, field: field)
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                return response
            }
            return HTMLResponse.make(ErrorPage.html(status: status, reason: reason), status: status)
        }
    }

    func describe(_ error: any Error) -> (HTTPResponseStatus, String, String?) {
        switch error {
        case let violation as RuleViolation:
            return (violation.status, violation.message.text, violation.field?.key)
        case let abort as any AbortError:
            return (abort.status, abort.status == .notFound ? L("Halaman atau data tidak ditemukan.", "Page or data not found.") : abort.reason, nil)
        default:
            let reason = environment.isRelease
                ? L("Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.",
                    "The server ran into an error. Please try again or contact the admin.")
                : String(describing: error)
            return (.internalServerError, reason, nil)
        }
    }

    struct ErrorBody: Content {
        var error: Bool
        var reason: String
        var field: String?
    }
}
