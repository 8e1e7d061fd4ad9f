import Foundation
import KinerjaStore
import Vapor

/// Every setting of the environment, read once at start-up: nothing else in the app reads the environment.
struct AppConfig: Sendable {
    enum Storage: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(URL)
    }

    var storage: Storage
    /// The folder for the SQLite file and the seal key.
    var dataDirectory: String
    /// The address the public reaches Kinerja at (`https://kinerja.kotacontoh.go.id`), printed in the QR code of
    /// every signed PK and in links of documents; without it the address of the request is used.
    var publicURL: String?
    /// Cookies only over HTTPS (`KINERJA_SECURE_COOKIES=1`), for a deployment behind TLS.
    var secureCookies: Bool
    var sessionLifetime: SessionLifetime
    /// Answers carry `X-Kinerja-SQL` (statements the request ran), for the load test and the SQL-count tests.
    var countSQL: Bool
    /// The seal key and the keys the deployment trusts; in tests a key for the process only.
    var keyring: SealKeyring
    /// The seal key comes from `KINERJA_SEAL_KEY` (rotated by the deployment, not by `kinerja seal rotate`).
    var sealKeyFromEnvironment: Bool
    /// Memory for rendered pages (`KINERJA_PAGE_CACHE_MB`, default 64; 0 turns the cache off), see `PageCache`.
    var pageCacheBytes: Int = 64 << 20

    static func load(environment env: [String: String], for environment: Environment) throws -> AppConfig {
        let dataDirectory = env["KINERJA_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        let storage: Storage
        if let url = env["DATABASE_URL"], let parsed = URL(string: url), url.hasPrefix("postgres") {
            storage = .postgres(parsed)
        } else if environment == .testing {
            storage = .sqliteMemory
        } else {
            storage = .sqliteFile(dataDirectory + "/kinerja.sqlite")
        }
        let minutes = { (name: String, fallback: Int) in
            TimeInterval(env[name].flatMap(Int.init).map { min(max($0, 1), 7 * 24 * 60) } ?? fallback) * 60
        }
        let keyring = environment == .testing && env["KINERJA_SEAL_KEY"] == nil
            ? SealKeyring.ephemeral()
            : try SealKeyring.load(environment: env, dataDirectory: dataDirectory)
        return AppConfig(
            storage: storage, dataDirectory: dataDirectory,
            publicURL: env["KINERJA_PUBLIC_URL"].flatMap(Self.plainBaseURL),
            secureCookies: env["KINERJA_SECURE_COOKIES"] == "1",
            sessionLifetime: SessionLifetime(idle: minutes("KINERJA_SESSION_IDLE_MINUTES", 60),
                                             absolute: minutes("KINERJA_SESSION_MAX_MINUTES", 12 * 60)),
            countSQL: env["KINERJA_SQL_COUNT"] == "1" || environment == .testing,
            keyring: keyring, sealKeyFromEnvironment: env["KINERJA_SEAL_KEY"].map { !$0.isEmpty } ?? false,
            pageCacheBytes: (env["KINERJA_PAGE_CACHE_MB"].flatMap(Int.init).map { min(max($0, 0), 4096) } ?? 64) << 20)
    }

    /// `https://host[:port][/path]` without a trailing slash, or nil when the setting is not such an address.
    static func plainBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil,
              url.query == nil, url.fragment == nil,
              !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f })
        else { return nil }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

/// The one clock of the app. Handlers, writers and pages take the time from here; tests set the day.
struct AppClock: Sendable {
    var now: @Sendable () -> Date

    static let system = AppClock(now: { Date() })

    /// A clock that stands still at `date`.
    static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:) sets the configuration first") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}
