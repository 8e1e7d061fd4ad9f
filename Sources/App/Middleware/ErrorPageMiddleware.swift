import Foundation
import KinerjaCore
import Vapor

/// Turns errors into a page in the interface language for people and `{"error": true, "reason": …}` for the API.
/// A `RuleViolation` answers with the status of its kind and its message and field; server faults are logged with
/// the request id and never shown (no SQL text, no stack), whatever the environment. The page keeps the signed-in
/// header: the viewer is taken from the request, where the session middleware left it.
struct ErrorPageMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, reason, field) = describe(error, request: request)
            if status.code >= 500 {
                request.logger.error("\(request.id) \(request.method) \(request.url.path): \(String(reflecting: error))")
            } else {
                request.logger.info("\(status.code) \(request.url.path): \(reason)")
            }
            if status == .unauthorized && !SiteURL.isAPI(request.url.path) {
                let next = request.method == .GET ? request.url.string : request.url.path
                return request.redirect(to: SiteURL.login.url(["next": LoginController().safeNext(next)]))
            }
            if SiteURL.isAPI(request.url.path) {
                let response = Response(status: status)
                try response.content.encode(ErrorBody(error: true, reason: reason, field: field), as: .json)
                return response
            }
            let html = Viewer.$current.withValue(request.storage[ViewerKey.self]) {
                ErrorPage.html(status: status, reason: reason)
            }
            return HTMLResponse.make(html, status: status)
        }
    }

    func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, String?) {
        switch error {
        case let violation as RuleViolation:
            return (violation.status, violation.message.text, violation.field?.key)
        case let violations as RuleViolations:
            let first = violations.all.first
            return (first?.status ?? .unprocessableEntity, violations.all.map(\.message.text).joined(separator: " "), first?.field?.key)
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return (.notFound, L("Halaman atau data tidak ditemukan.", "Page or data not found."), nil)
            case .badRequest, .unprocessableEntity:
                // Vapor's own decoding errors name Swift types; people get a sentence.
                return (abort.status, abort.reason.contains("Value") || abort.reason.contains("key")
                        ? L("Isian formulir tidak lengkap atau tidak dikenali. Muat ulang halaman, lalu coba lagi.",
                            "The form was incomplete or not understood. Reload the page and try again.") : abort.reason, nil)
            case .payloadTooLarge:
                return (abort.status, L("Kiriman terlalu besar.", "What was sent is too large."), nil)
            default: return (abort.status, abort.reason, nil)
            }
        case is DecodingError:
            return (.badRequest, L("Isian formulir tidak lengkap atau tidak dikenali. Muat ulang halaman, lalu coba lagi.",
                                   "The form was incomplete or not understood. Reload the page and try again."), nil)
        default:
            return (.internalServerError,
                    L("Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin (kode: \(request.id)).",
                      "The server ran into an error. Please try again or contact the admin (code: \(request.id))."), nil)
        }
    }

    struct ErrorBody: Content {
        var error: Bool
        var reason: String
        var field: String?
    }
}
