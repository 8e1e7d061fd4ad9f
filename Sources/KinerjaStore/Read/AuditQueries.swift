import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The audit trail of a Pemda, newest first, filtered and paged as the audit page asks: a count and a page in two
/// statements, with the people's names.
public enum AuditQueries {
    public struct Filter: Sendable, Equatable {
        public var unitID: UUID?
        public var username: String?
        public var entity: String?
        /// Inclusive bounds.
        public var from: Date?
        public var to: Date?

        public init(unitID: UUID? = nil, username: String? = nil, entity: String? = nil, from: Date? = nil, to: Date? = nil) {
            self.unitID = unitID
            self.username = username
            self.entity = entity
            self.from = from
            self.to = to
        }
    }

    public struct Row: Codable, Sendable, Equatable {
        public var at: Date
        public var username: String
        /// The person's name when the account still exists.
        public var displayName: String?
        public var requestID: String
        public var entity: String
        public var entityID: UUID
        public var unitID: UUID?
        public var action: AuditAction
        public var before: String?
        public var after: String?
        public var reason: String?
    }

    static func condition(pemdaID: UUID, _ f: Filter) -> SQLQueryString {
        var q: SQLQueryString = "e.pemda_id = \(bind: pemdaID)"
        if let unitID = f.unitID { q = q + " AND e.unit_id = \(bind: unitID)" as SQLQueryString }
        if let username = f.username, !username.isEmpty { q = q + " AND e.username = \(bind: username)" as SQLQueryString }
        if let entity = f.entity, !entity.isEmpty { q = q + " AND e.entity = \(bind: entity)" as SQLQueryString }
        if let from = f.from { q = q + " AND e.at >= \(bind: from)" as SQLQueryString }
        if let to = f.to { q = q + " AND e.at <= \(bind: to)" as SQLQueryString }
        return q
    }

    public static func count(pemdaID: UUID, filter: Filter, on db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_event e WHERE \(condition(pemdaID: pemdaID, filter))").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    public static func events(pemdaID: UUID, filter: Filter, limit: Int, offset: Int = 0, on db: any Database) async throws -> [Row] {
        try await db.sql.raw("""
            SELECT e.at, e.username, u.display_name, e.request_id, e.entity, e.entity_id, e.unit_id, e.action, e.before,
                   e.after, e.reason
            FROM audit_event e LEFT JOIN app_user u ON u.id = e.user_id
            WHERE \(condition(pemdaID: pemdaID, filter))
            ORDER BY e.at DESC, e.id LIMIT \(literal: max(0, min(limit, 100_000))) OFFSET \(literal: max(0, offset))
            """).all().map { row in
            Row(at: try row.decode(column: "at", as: Date.self), username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String?.self),
                requestID: try row.decode(column: "request_id", as: String.self), entity: try row.decode(column: "entity", as: String.self),
                entityID: try row.decode(column: "entity_id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID?.self),
                action: AuditAction(rawValue: try row.decode(column: "action", as: String.self)) ?? .update,
                before: try row.decode(column: "before", as: String?.self), after: try row.decode(column: "after", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self))
        }
    }
}

/// What an audit event changed, field by field: the stored JSON snapshots read back and compared.
public enum AuditChanges {
    public struct Change: Sendable, Hashable {
        public var field: String
        public var before: String?
        public var after: String?
    }

    public static func changes(before: String?, after: String?) -> [Change] {
        let old = flatten(before)
        let new = flatten(after)
        let keys = Set(old.keys).union(new.keys).subtracting(AuditWords.hidden).sorted()
        return keys.compactMap { key in
            let a = old[key], b = new[key]
            if before != nil && after != nil && a == b { return nil }
            if a == nil && b == nil { return nil }
            return Change(field: key, before: a, after: b)
        }
    }

    /// A snapshot as field → text: a relation (`{"id": …}`) becomes its id, a list its items joined.
    static func flatten(_ json: String?) -> [String: String] {
        guard let json, case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return [:] }
        return object.compactMapValues(\.text)
    }
}

/// Any JSON value, decoded by `JSONDecoder` (so that true stays a boolean and 1 a number).
enum JSONValue: Decodable, Sendable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        case .array(let a): return a.compactMap(\.text).joined(separator: ", ")
        case .object(let o): return o["id"]?.text
        }
    }
}
