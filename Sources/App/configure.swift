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
    app.migrations.add(SessionRecord.migration)
    // Sessions live in the database so that several app servers share them.
    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "kinerja_sesi"
    let secureCookies = Environment.get("KINERJA_SECURE_COOKIES") == "1"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, maxAge: 8 * 3600, path: "/", isSecure: secureCookies, isHTTPOnly: true,
                          sameSite: .lax)
    }
    // Bcrypt at cost 12 in use; tests hash at the minimum so that they stay fast.
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // Outermost first: error pages get the security headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(ErrorPageMiddleware(environment: app.environment))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(CurrentUserMiddleware())
    app.middleware.use(CSRFMiddleware())

    app.asyncCommands.use(KinerjaMigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
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
