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
    }, test)
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var data: Data { Data(body.readableBytesView) }
}
