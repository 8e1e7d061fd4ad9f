import Fluent
import Foundation
import Synchronization
import KinerjaStore
import KinerjaTestSupport
import SQLKit
import Vapor
@testable import App

/// The template's folder, removed when the process ends.
private let templateFolder = Mutex<String?>(nil)

/// Kota Contoh built once per test process and copied for every test: building it takes ~10 s in a debug build, a
/// copy a few milliseconds. On SQLite the copy is a file (in /dev/shm when there is one), on PostgreSQL a database
/// made from the template database. The template file is removed when the process ends; a template database stays on
/// its server (`scripts/with-postgres.sh` throws the whole cluster away; on a server of your own, drop `kt_*`).
actor DemoTemplate {
    static let shared = DemoTemplate()

    enum Source: Sendable {
        case sqliteFile(String)
        case postgres(database: String)
    }

    private var building: Task<Source, any Error>?

    func source() async throws -> Source {
        if let building { return try await building.value }
        let task = Task { try await Self.build() }
        building = task
        return try await task.value
    }

    /// Where test databases and their data folders go.
    static var scratchFolder: String {
        FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    }

    private static func build() async throws -> Source {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let source: Source
        var config = try AppConfig.load(environment: ProcessInfo.processInfo.environment, for: .testing)
        if let url = try await ScratchDatabase.create() {
            config.storage = .postgres(url)
            source = .postgres(database: url.lastPathComponent)
        } else {
            let folder = scratchFolder + "/kinerja-template-\(UUID().uuidString)"
            config.dataDirectory = folder
            config.storage = .sqliteFile(folder + "/kinerja.sqlite")
            source = .sqliteFile(folder + "/kinerja.sqlite")
            templateFolder.withLock { $0 = folder }
            atexit {
                if let folder = templateFolder.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
            }
        }
        do {
            try configure(app, config: config)
            app.clock = .fixed(TestClock.now)
            try await app.prepareDatabase()
            _ = try await DemoBuilder.build(on: app.db, options: DemoOptions(seed: 2026, year: 2026))
            try await DemoAccounts.ensure(on: app)
            if case .sqliteFile = source, let sql = app.db as? any SQLDatabase {
                // Everything into the main file, so that copying the one file copies the database.
                try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return source
    }

    /// Runs `body` with storage and a data folder of its own, a copy of the template, removed afterwards.
    static func withCopy<T>(_ body: (AppConfig.Storage, String) async throws -> T) async throws -> T {
        let source = try await shared.source()
        let folder = scratchFolder + "/kinerja-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        switch source {
        case .postgres(let template):
            return try await ScratchDatabase.with(template: template) { url in
                guard let url else { throw URLError(.badURL) }
                return try await body(.postgres(url), folder)
            }
        case .sqliteFile(let path):
            try FileManager.default.copyItem(atPath: path, toPath: folder + "/kinerja.sqlite")
            return try await body(.sqliteFile(folder + "/kinerja.sqlite"), folder)
        }
    }
}
