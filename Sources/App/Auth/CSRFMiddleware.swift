import Foundation
import KinerjaCore
import Vapor

/// Refuses a form post that does not carry this session's token (or, before signing in, the visitor's token cookie),
/// so that another site cannot post in a user's name. The JSON API is read-only for now and left to its own
/// authentication.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let maxUploadBytes = 32 << 20
    /// The largest form a page sends: long statements, a Manual IKU, a whole PK table.
    static let maxFormBytes = 1 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
        if unsafe.contains(request.method) && !SiteURL.isAPI(request.url.path) {
            try await collectBody(request)
            let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: Self.field))
            let expected = request.webSession.exists ? request.webSession.csrf : request.requestCookies[SessionCookies.csrf]?.string
            guard let sent, let expected, Self.constantTimeEqual(Array(sent.utf8), Array(expected.utf8)) else {
                throw Abort(.forbidden, reason: L("Formulir ini kedaluwarsa atau tidak sah. Muat ulang halaman, lalu coba lagi.",
                                                  "This form has expired or is not valid. Reload the page and try again."))
            }
        }
        return try await next.respond(to: request)
    }

    /// The token is inside the body, which arrives streamed when it is larger than a first chunk: it is gathered
    /// here, up to a form's limit. A large multipart upload is gathered only on the one route and for the one role
    /// that may send it, so that no one else can make the server hold 32 MB.
    func collectBody(_ request: Request) async throws {
        guard request.body.data == nil else { return }
        if request.headers.contentType?.type == "multipart" {
            if SiteURL.nomenklaturImport.matches(request.url.path), request.principal.roles.contains(.superAdmin) {
                _ = try await request.body.collect(max: Self.maxUploadBytes).get()
            } else if SiteURL.pemda(.key, .imporPratinjau(.key)).matches(request.url.path),
                      !request.principal.roles.isDisjoint(with: [.adminPemda, .superAdmin])
            {
                do { _ = try await request.body.collect(max: ImportFile.maxBytes + 64 * 1024).get() } catch {
                    throw Abort(.payloadTooLarge, reason: ImportFile.tooLarge)
                }
            } else if SiteURL.pemda(.key, .pkLogoUpload).matches(request.url.path),
                      !request.principal.roles.isDisjoint(with: [.adminPemda, .superAdmin])
            {
                _ = try await request.body.collect(max: PkSettingController.maxLogoUpload).get()
            }
            return
        }
        _ = try await request.body.collect(max: Self.maxFormBytes).get()
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
