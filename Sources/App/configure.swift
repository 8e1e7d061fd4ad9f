import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KinerjaStore
import NIOSSL
import Vapor

/// Sets up the database (PostgreSQL when `DATABASE_URL` is set, otherwise an SQLite file), migrations, middleware,
/// commands and routes.
public func configure(_ app: Application) async throws {
    let config = AppConfig.load(for: app.environment)
    app.config = config
    switch config.storage {
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        // Local and CI servers speak plain TCP on loopback; TLS is the operator's choice via sslmode in the URL.
        if !url.absoluteString.contains("sslmode=require") { configuration.coreConfiguration.tls = .disable }
        app.databases.use(.postgres(configuration: configuration), as: .psql)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    }
    app.migrations.add(KinerjaStore.KinerjaMigrations.all)

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // Outermost first: error pages get the security headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware(environment: app.environment))

    app.asyncCommands.use(KinerjaMigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    try routes(app)
}

extension Application {
    /// Brings the schema and the shipped reference data up to date. An SQLite file is switched to WAL first (the
    /// setting stays with the file) so that readers never wait for a writer; waiting writers are retried by the busy
    /// handler sqlite-nio 1.13 installs on every connection.
    public func prepareDatabase() async throws {
        if case .sqliteFile = config.storage, let sql = db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await autoMigrate()
        try await NomenklaturCatalog.ensureLoaded(on: db)
    }
}
