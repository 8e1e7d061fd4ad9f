import Foundation
import KinerjaCore
import Vapor

/// Refuses a form post that does not carry this session's token, so that another site cannot post in a user's name.
/// The JSON API is read-only for now and is left to its own authentication.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let maxUploadBytes = 32 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe: [HTTPMethod] = [.POST, .PUT, .PATCH, .DELETE]
        if unsafe.contains(request.method) && !request.url.path.hasPrefix("/api/") {
            // A large upload arrives streamed; its token is inside the multipart body, so the body is gathered first
            // (up to the upload limit) for the token to be read: only for the one upload route and the one role that
            // may use it, so that no one else can make the server hold 32 MB.
            if request.body.data == nil, request.headers.contentType?.type == "multipart" {
                if request.url.path == "/nomenklatur/impor", request.principal.roles.contains(.superAdmin) {
                    _ = try await request.body.collect(max: Self.maxUploadBytes).get()
                } else if request.url.path.hasPrefix("/pemda/"), request.url.path.hasSuffix("/pk/logo"),
                          !request.principal.roles.isDisjoint(with: [.adminPemda, .superAdmin])
                {
                    // The Pemda emblem: small, and only an admin may send it.
                    _ = try await request.body.collect(max: PkSettingController.maxLogoUpload).get()
                }
            }
            let sent = request.headers.first(name: "X-CSRF-Token")
                ?? (try? request.content.get(String.self, at: Self.field))
            guard let sent, request.hasSession, let expected = request.session.data[SessionKeys.csrf],
                Self.constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
            else {
                throw Abort(.forbidden, reason: L("Formulir ini kedaluwarsa atau tidak sah. Muat ulang halaman, lalu coba lagi.",
                                                      "This form has expired or is not valid. Reload the page and try again."))
            }
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

extension Request {
    /// This session's form token, made on first use.
    var csrfToken: String {
        if let token = session.data[SessionKeys.csrf] { return token }
        let token = Data([UInt8].random(count: 32)).base64EncodedString()
        session.data[SessionKeys.csrf] = token
        return token
    }
}
