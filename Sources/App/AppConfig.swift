import Foundation
import Vapor

/// Settings read once at start-up from the environment.
struct AppConfig: Sendable {
    enum Storage: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(URL)
    }

    var storage: Storage
    /// The folder for the SQLite file and, later, other local state.
    var dataDirectory: String
    /// The address the public reaches Kinerja at (`https://kinerja.kotacontoh.go.id`), printed in the QR code of
    /// every signed PK; without it the address of the request is used.
    var publicURL: String? = Environment.get("KINERJA_PUBLIC_URL")

    static func load(for environment: Environment) -> AppConfig {
        let dataDirectory = Environment.get("KINERJA_DATA_DIR") ?? "data"
        if let url = Environment.get("DATABASE_URL"), let parsed = URL(string: url), url.hasPrefix("postgres") {
            return AppConfig(storage: .postgres(parsed), dataDirectory: dataDirectory)
        }
        if environment == .testing {
            return AppConfig(storage: .sqliteMemory, dataDirectory: dataDirectory)
        }
        return AppConfig(storage: .sqliteFile(dataDirectory + "/kinerja.sqlite"), dataDirectory: dataDirectory)
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    var config: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig.load(for: environment) }
        set { storage[ConfigKey.self] = newValue }
    }
}
