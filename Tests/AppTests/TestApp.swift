import Fluent
import Foundation
import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Runs `test` against an app with Kota Contoh in its database: SQLite in memory, or the PostgreSQL of `DATABASE_URL`
/// wiped first (that pass runs with `--no-parallel`).
func withDemoApp(_ test: (Application) async throws -> Void) async throws {
    try await withApp(configure: { app in
        app.logger.logLevel = .warning
        try await configure(app)
        if case .postgres = app.config.storage, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.prepareDatabase()
        _ = try await DemoBuilder.build(on: app.db, options: DemoOptions(seed: 2026, year: 2026))
        try await DemoAccounts.ensure(on: app)
    }, test)
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var data: Data { Data(body.readableBytesView) }
}

/// A browser's memory for tests: the session cookie and the form token of the last page.
struct Browser {
    var cookie: String?
    var csrf: String?

    mutating func remember(_ res: TestingHTTPResponse) {
        if let set = res.headers.first(name: .setCookie), let pair = set.split(separator: ";").first {
            cookie = String(pair)
        }
        if let range = res.text.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression) {
            csrf = String(res.text[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
    }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    func form(_ fields: [String: String]) -> (HTTPHeaders, ByteBuffer) {
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        var all = fields
        if let csrf, all["_csrf"] == nil { all["_csrf"] = csrf }
        let body = all.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }
}
