import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KinerjaStore
import NIOSSL
import Vapor

/// Sets up the database (PostgreSQL when `DATABASE_URL` is set, otherwise an SQLite file), migrations, middleware,
/// commands and routes. The environment is read here, once, into `AppConfig`.
public func configure(_ app: Application) async throws {
    let config = try AppConfig.load(environment: ProcessInfo.processInfo.environment, for: app.environment)
    try configure(app, config: config)
}

func configure(_ app: Application, config: AppConfig) throws {
    app.config = config
    app.organisations = OrganisationCache()
    app.documents = DocumentCache()
    app.pageCache = PageCache(capacity: config.pageCacheBytes)
    // Made before the first request: `Application.storage` is not safe to fill from concurrent requests.
    _ = app.figuresCache
    _ = app.pohonCache
    let engine: any DatabaseConfiguration
    let id: DatabaseID
    switch config.storage {
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        // Local and CI servers speak plain TCP on loopback; TLS is the operator's choice via sslmode in the URL.
        if !url.absoluteString.contains("sslmode=require") { configuration.coreConfiguration.tls = .disable }
        engine = DatabaseConfigurationFactory.postgres(configuration: configuration).make()
        id = .psql
    case .sqliteMemory:
        engine = DatabaseConfigurationFactory.sqlite(.memory).make()
        id = .sqlite
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        engine = DatabaseConfigurationFactory.sqlite(.file(path)).make()
        id = .sqlite
    }
    app.databases.use(config.countSQL ? CountingConfiguration(inner: engine) : engine, as: id)
    app.migrations.add(KinerjaStore.KinerjaMigrations.all(dataDirectory: config.storage == .sqliteMemory ? nil : config.dataDirectory))
    // Bcrypt at cost 12 in use; tests hash at the minimum so that they stay fast.
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))
    app.routes.defaultMaxBodySize = ByteCount(value: CSRFMiddleware.maxFormBytes)

    app.middleware = Middlewares()
    // Outermost first: error pages get the security headers and the language; the count includes the session's.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(LanguageMiddleware())
    if config.countSQL { app.middleware.use(SQLCountMiddleware()) }
    app.middleware.use(ErrorPageMiddleware(environment: app.environment))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(FlashMiddleware())
    app.middleware.use(VisitorCSRFCookieMiddleware())
    app.middleware.use(CSRFMiddleware())

    app.asyncCommands.use(KinerjaMigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(SealCommand(), as: "seal")
    app.asyncCommands.use(CapaianCommand(), as: "capaian")
    app.asyncCommands.use(ImportCommand(), as: "import")
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
