import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import NIOPosix

/// A database of its own for each test on the PostgreSQL server of `DATABASE_URL`, so that the PostgreSQL pass runs
/// in parallel like the SQLite one: created empty before the test and dropped after it.
public enum ScratchDatabase {
    /// The server's URL when this run is the PostgreSQL pass.
    public static var server: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.hasPrefix("postgres") ? $0 : nil }
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards whatever the outcome; without a server,
    /// `body` gets nil (the caller uses SQLite in memory).
    public static func with<T>(template: String? = nil, _ body: (URL?) async throws -> T) async throws -> T {
        let url = try await create(template: template)
        do {
            let result = try await body(url)
            if let url { await drop(url) }
            return result
        } catch {
            if let url { await drop(url) }
            throw error
        }
    }

    /// A new database on the server, empty or a copy of `template` (a database made by `create()` that nobody is
    /// connected to), or nil when this run has no server.
    public static func create(template: String? = nil) async throws -> URL? {
        guard let server, let serverURL = URL(string: server) else { return nil }
        let name = "kt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if let template {
            guard isOurs(template) else { throw URLError(.badURL) }
            try await run("CREATE DATABASE \(name) TEMPLATE \(template)", on: serverURL)
        } else {
            try await run("CREATE DATABASE \(name)", on: serverURL)
        }
        return try named(name, on: serverURL)
    }

    /// A name `create()` made: safe to put into a statement.
    static func isOurs(_ name: String) -> Bool {
        name.hasPrefix("kt_") && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Drops a database made by `create()`, closing what is still connected to it.
    public static func drop(_ url: URL) async {
        guard let server, let serverURL = URL(string: server) else { return }
        let name = url.lastPathComponent
        guard isOurs(name) else { return }
        try? await run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: serverURL)
    }

    /// The server's URL with its database name replaced.
    static func named(_ name: String, on server: URL) throws -> URL {
        guard var parts = URLComponents(url: server, resolvingAgainstBaseURL: false) else { throw URLError(.badURL) }
        parts.path = "/" + name
        guard let url = parts.url else { throw URLError(.badURL) }
        return url
    }

    /// One statement on the server's own database (CREATE and DROP DATABASE cannot run inside the database itself).
    static func run(_ statement: String, on server: URL) async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: MultiThreadedEventLoopGroup.singleton)
        var configuration = try SQLPostgresConfiguration(url: server)
        configuration.coreConfiguration.tls = .disable
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .psql)
        var logger = Logger(label: "scratch")
        logger.logLevel = .warning
        do {
            let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
            guard let sql = db as? any SQLDatabase else { throw URLError(.unsupportedURL) }
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            await databases.shutdownAsync()
            try? await pool.shutdownGracefully()
            throw error
        }
        await databases.shutdownAsync()
        try? await pool.shutdownGracefully()
    }
}
