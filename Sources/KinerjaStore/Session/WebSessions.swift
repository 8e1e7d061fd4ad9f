import Crypto
import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A session as the web layer sees it, with the account and Pemda it belongs to, read in one statement.
public struct WebSessionRecord: Sendable {
    public var id: String
    public var csrf: String
    public var data: [String: String]
    public var createdAt: Date
    public var seenAt: Date
    public var account: SessionAccount?
    /// `DataRevision` as this statement saw it: a cached page needs no statement of its own to read it.
    public var dataRevision: Int64 = 0
}

/// The signed-in account, as every page needs it: nothing more is read before a handler starts.
public struct SessionAccount: Sendable, Hashable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var roles: Set<Role>
    public var active: Bool
    public var mustChangePassword: Bool
    public var jabatanID: UUID?
    public var pegawaiID: UUID?
    public var nip: String?
    public var pemda: PemdaInfo?
}

/// How long a session lives: it ends after `idle` without a request, and after `absolute` whatever happens.
public struct SessionLifetime: Sendable, Hashable {
    public var idle: TimeInterval
    public var absolute: TimeInterval
    /// A session waiting for its second factor lives this long.
    public var pending: TimeInterval

    public init(idle: TimeInterval = 60 * 60, absolute: TimeInterval = 12 * 60 * 60, pending: TimeInterval = 5 * 60) {
        self.idle = idle
        self.absolute = absolute
        self.pending = pending
    }

    public func isExpired(createdAt: Date, seenAt: Date, signedIn: Bool, now: Date) -> Bool {
        if !signedIn { return now.timeIntervalSince(createdAt) > pending }
        return now.timeIntervalSince(seenAt) > idle || now.timeIntervalSince(createdAt) > absolute
    }

    /// `seen_at` is written again only when it is this stale: a coarse clock keeps a GET from being a write.
    public var touchAfter: TimeInterval { min(idle / 10, 5 * 60) }
}

/// The `web_session` table, through SQLKit: one indexed lookup per request, and a write only when something changed.
public enum WebSessions {
    /// The key a token is stored under: its SHA-256, so that a copy of the table signs no one in.
    public static func key(forToken token: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(token.utf8)))
    }

    public static func load(key: String, on db: any Database) async throws -> WebSessionRecord? {
        guard let row = try await SessionLookup.row(key: key, on: db)
        else { return nil }
        var account: SessionAccount?
        if let userID = try row.decode(column: "user_id", as: UUID?.self) {
            let pemda = try row.decode(column: "p_id", as: UUID?.self) == nil ? nil : try PemdaInfo(row: row, prefix: "p_")
            account = SessionAccount(
                id: userID, username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                roles: Role.set(from: try row.decode(column: "roles", as: String.self)),
                active: try row.decode(column: "active", as: Bool.self),
                mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self),
                jabatanID: try row.decode(column: "jabatan_id", as: UUID?.self),
                pegawaiID: try row.decode(column: "pegawai_id", as: UUID?.self),
                nip: try row.decode(column: "nip", as: String?.self), pemda: pemda)
        }
        return WebSessionRecord(
            id: key, csrf: try row.decode(column: "csrf", as: String.self),
            data: decodeData(try row.decode(column: "data", as: String.self)),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            seenAt: try row.decode(column: "seen_at", as: Date.self), account: account,
            dataRevision: try row.decode(column: "data_revision", as: Int64?.self) ?? 0)
    }

    public static func create(key: String, userID: UUID?, csrf: String, data: [String: String], now: Date,
                              on db: any Database) async throws
    {
        try await db.sql.insert(into: "web_session")
            .columns("id", "user_id", "csrf", "data", "created_at", "seen_at")
            .values(SQLBind(key), SQLBind(userID), SQLBind(csrf), SQLBind(encodeData(data)), SQLBind(now), SQLBind(now))
            .run()
    }

    public static func save(key: String, data: [String: String], now: Date, on db: any Database) async throws {
        try await db.sql.update("web_session").set("data", to: encodeData(data)).set("seen_at", to: now)
            .where("id", .equal, key).run()
    }

    public static func touch(key: String, now: Date, on db: any Database) async throws {
        try await db.sql.update("web_session").set("seen_at", to: now).where("id", .equal, key).run()
    }

    public static func delete(key: String, on db: any Database) async throws {
        try await db.sql.delete(from: "web_session").where("id", .equal, key).run()
    }

    /// Ends every session of an account (after a password reset or a deactivation), or all but one (after the user
    /// changed their own password in that one).
    public static func end(userID: UUID, except key: String? = nil, on db: any Database) async throws {
        var query = try db.sql.delete(from: "web_session").where("user_id", .equal, userID)
        if let key { query = query.where("id", .notEqual, key) }
        try await query.run()
    }

    /// Removes sessions that can no longer be used, so that the table holds live sessions only.
    public static func prune(now: Date, lifetime: SessionLifetime, on db: any Database) async throws {
        try await db.sql.delete(from: "web_session")
            .where("seen_at", .lessThan, now.addingTimeInterval(-lifetime.idle))
            .orWhere("created_at", .lessThan, now.addingTimeInterval(-lifetime.absolute))
            .orWhere { group in
                group.where("user_id", .is, SQLLiteral.null)
                    .where("created_at", .lessThan, now.addingTimeInterval(-lifetime.pending))
            }
            .run()
    }

    static func encodeData(_ data: [String: String]) -> String {
        guard !data.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decodeData(_ text: String) -> [String: String] {
        guard text != "{}" else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

extension Role {
    /// Roles as stored: comma separated raw values.
    public static func set(from stored: String) -> Set<Role> {
        Set(stored.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }
}
