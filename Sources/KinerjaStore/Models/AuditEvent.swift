import FluentKit
import Foundation

/// One change: who, when, what, the values before and after (JSON), and the request it came with. Append-only.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_event"

    @ID public var id: UUID?
    @OptionalParent(key: "pemda_id") public var pemda: Pemda?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "user_id") public var userID: UUID?
    /// Kept as written at the time: the account may be renamed or removed later.
    @Field(key: "username") public var username: String
    @Field(key: "request_id") public var requestID: String
    /// The table of the changed row.
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityID: UUID
    /// The unit the row belongs to, for filtering by unit.
    @OptionalField(key: "unit_id") public var unitID: UUID?
    @Field(key: "action") public var action: AuditAction
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @OptionalField(key: "reason") public var reason: String?

    public init() {}

    public init(pemdaID: UUID?, at: Date, context: AuditContext, entity: String, entityID: UUID, unitID: UUID?,
                action: AuditAction, before: String?, after: String?, reason: String?)
    {
        self.$pemda.id = pemdaID
        self.at = at
        self.userID = context.userID
        self.username = context.username
        self.requestID = context.requestID
        self.entity = entity
        self.entityID = entityID
        self.unitID = unitID
        self.action = action
        self.before = before
        self.after = after
        self.reason = reason
    }
}

public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case create, update, delete
}

/// Who is making a change, carried into every write so that the trail can name them.
public struct AuditContext: Sendable, Hashable {
    public var userID: UUID?
    public var username: String
    public var requestID: String

    public init(userID: UUID?, username: String, requestID: String) {
        self.userID = userID
        self.username = username
        self.requestID = requestID
    }

    /// Changes made by a command on the server (migrations, demo data, `kinerja user`).
    public static let system = AuditContext(userID: nil, username: "sistem", requestID: "-")
}
