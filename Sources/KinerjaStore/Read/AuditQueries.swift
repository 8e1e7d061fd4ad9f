import FluentKit
import Foundation

/// The audit trail of a Pemda, newest first, filtered as the audit page asks.
public enum AuditQueries {
    public struct Filter: Sendable, Equatable {
        public var unitID: UUID?
        public var username: String?
        public var entity: String?
        /// Inclusive bounds.
        public var from: Date?
        public var to: Date?
        public var limit: Int

        public init(unitID: UUID? = nil, username: String? = nil, entity: String? = nil, from: Date? = nil,
                    to: Date? = nil, limit: Int = 500)
        {
            self.unitID = unitID
            self.username = username
            self.entity = entity
            self.from = from
            self.to = to
            self.limit = limit
        }
    }

    public struct Row: Codable, Sendable, Equatable {
        public var at: Date
        public var username: String
        public var requestID: String
        public var entity: String
        public var entityID: UUID
        public var unitID: UUID?
        public var action: AuditAction
        public var before: String?
        public var after: String?
        public var reason: String?
    }

    public static func events(pemdaID: UUID, filter: Filter, on db: any Database) async throws -> [Row] {
        var query = AuditEvent.query(on: db).filter(\.$pemda.$id == pemdaID)
        if let unitID = filter.unitID { query = query.filter(\.$unitID == unitID) }
        if let username = filter.username, !username.isEmpty { query = query.filter(\.$username == username) }
        if let entity = filter.entity, !entity.isEmpty { query = query.filter(\.$entity == entity) }
        if let from = filter.from { query = query.filter(\.$at >= from) }
        if let to = filter.to { query = query.filter(\.$at <= to) }
        return try await query.sort(\.$at, .descending).limit(filter.limit).all().map {
            Row(at: $0.at, username: $0.username, requestID: $0.requestID, entity: $0.entity, entityID: $0.entityID,
                unitID: $0.unitID, action: $0.action, before: $0.before, after: $0.after, reason: $0.reason)
        }
    }
}
