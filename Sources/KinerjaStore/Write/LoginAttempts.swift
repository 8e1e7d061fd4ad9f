import Crypto
import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The throttle of sign-in names that are no active account: the same counting and the same locks as an account's,
/// so that "too many attempts" is said alike whether the name exists or not.
public enum LoginAttempts {
    static func key(_ login: String) -> String {
        let normal = login.trimmingCharacters(in: .whitespaces).lowercased().filter { !$0.isWhitespace }
        return Hex.lowercase(SHA256.hash(data: Data(normal.utf8)))
    }

    /// The end of the lock on this name, if it is locked at `now`.
    public static func lockedUntil(login: String, now: Date, on db: any Database) async throws -> Date? {
        let row = try await db.sql.select().column("locked_until").from("login_throttle").where("id", .equal, key(login)).first()
        guard let until = try row?.decode(column: "locked_until", as: Date?.self), until > now else { return nil }
        return until
    }

    /// Counts a failure; returns the lock's end when this failure locks the name.
    @discardableResult
    public static func recordFailure(login: String, now: Date, throttle: LoginThrottle = .standard,
                                     on db: any Database) async throws -> Date?
    {
        let sql = try db.sql
        let id = key(login)
        // One statement on both engines, so that guesses sent in parallel each count.
        let failures = try await sql.raw("""
            INSERT INTO login_throttle (id, failures, locked_until, updated_at) VALUES (\(bind: id), 1, NULL, \(bind: now))
            ON CONFLICT (id) DO UPDATE SET failures = login_throttle.failures + 1, updated_at = excluded.updated_at
            RETURNING failures
            """).first()?.decode(column: "failures", as: Int.self) ?? 1
        let until = throttle.lockSeconds(afterFailures: failures).map { now.addingTimeInterval(TimeInterval($0)) }
        if let until {
            try await sql.update("login_throttle").set("locked_until", to: until).where("id", .equal, id).run()
        }
        // Names last tried a day ago are forgotten, so the table does not grow with every typo.
        try await sql.delete(from: "login_throttle").where("updated_at", .lessThan, now.addingTimeInterval(-86_400)).run()
        return until
    }
}
