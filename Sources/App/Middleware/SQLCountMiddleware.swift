import Vapor

/// Puts the number of SQL statements a request ran into `X-Kinerja-SQL` (when configured), counting those of the
/// session lookup too: it runs outside the session middleware.
struct SQLCountMiddleware: AsyncMiddleware {
    static let header = "X-Kinerja-SQL"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let counter = SQLStatementCounter()
        let response = try await SQLStatementCounter.$current.withValue(counter) { try await next.respond(to: request) }
        response.headers.replaceOrAdd(name: Self.header, value: String(counter.value))
        return response
    }
}
