import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import KinerjaTestSupport
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Runs `test` against an app with Kota Contoh in a database of its own: a copy of the demo built once per process
/// (`DemoTemplate`), in an SQLite file or, with `DATABASE_URL`, a PostgreSQL database.
func withDemoApp(_ test: (Application) async throws -> Void) async throws {
    try await DemoTemplate.withCopy { storage, folder in
        try await withApp(configure: { app in
            app.logger.logLevel = .warning
            var config = try AppConfig.load(environment: ProcessInfo.processInfo.environment, for: app.environment)
            config.storage = storage
            config.dataDirectory = folder
            try configure(app, config: config)
            // One day for every test: the demo year is 2026, and nothing depends on when the suite runs.
            app.clock = .fixed(TestClock.now)
            try await app.prepareDatabase()
        }, test)
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var data: Data { Data(body.readableBytesView) }
}

/// A browser's memory for tests: its cookies (the session's and the language's) and the form token of the last page.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf: String?

    mutating func remember(_ res: TestingHTTPResponse) {
        for set in res.headers[.setCookie] {
            guard let pair = set.split(separator: ";").first, let eq = pair.firstIndex(of: "=") else { continue }
            cookies[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        if let range = res.text.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression) {
            csrf = String(res.text[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
    }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "; "))
        }
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

func post(_ app: Application, _ path: String, _ browser: inout Browser, _ fields: [String: String]) async throws
    -> TestingHTTPResponse
{
    let (headers, body) = browser.form(fields)
    let res = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    browser.remember(res)
    return res
}

func get(_ app: Application, _ path: String, _ browser: inout Browser) async throws -> TestingHTTPResponse {
    let res = try await app.testing().sendRequest(.GET, path, headers: browser.headers)
    browser.remember(res)
    return res
}

/// A browser signed in as `username` (with the demo password unless given).
func signedIn(_ app: Application, as username: String, password: String = DemoAccounts.password) async throws -> Browser {
    var browser = Browser()
    _ = try await get(app, "/masuk", &browser)
    let res = try await post(app, "/masuk", &browser, ["login": username, "password": password])
    #expect(res.status == .seeOther, "sign-in as \(username)")
    _ = try await get(app, "/", &browser)
    return browser
}

/// The day the tests live in: Monday 23 November 2026, ten in the morning in Jakarta.
enum TestClock {
    static let now = Date(timeIntervalSince1970: 1_795_402_800)

    static var today: CalendarDate { ZonaWaktu.wib.day(atUnixSeconds: Int64(now.timeIntervalSince1970)) }

    /// `yyyy-mm-dd`, `offset` days from today.
    static func day(_ offset: Int) -> String { today.adding(days: offset).description }
}

extension PemdaInfo {
    static let sample = PemdaInfo(id: UUID(), code: "99.71", name: "Kota Contoh", kind: .kota, seat: "Kota Contoh")
}
