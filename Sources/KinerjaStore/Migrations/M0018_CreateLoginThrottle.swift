import FluentKit
import SQLKit

/// Failed sign-ins by a name that is no active account, counted like an account's own, so that a lockout tells
/// nothing about which names exist.
struct M0018_CreateLoginThrottle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_throttle")
            .field("id", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_throttle").delete()
    }
}
