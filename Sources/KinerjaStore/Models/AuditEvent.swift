import FluentKit
import Foundation
import KinerjaCore

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
    /// The moment of the change, from the one clock of the app (tests set it), and the Pemda's zone: together they
    /// give the calendar day every rule of the change is checked against.
    public var now: Date
    public var zone: ZonaWaktu

    public init(userID: UUID?, username: String, requestID: String, now: Date = Date(), zone: ZonaWaktu = .wib) {
        self.userID = userID
        self.username = username
        self.requestID = requestID
        self.now = now
        self.zone = zone
    }

    /// The Pemda's calendar day of the change.
    public var today: CalendarDate { zone.day(atUnixSeconds: Int64(now.timeIntervalSince1970.rounded(.down))) }

    /// The same change made at another moment (a command that runs "as of" a day).
    public func at(_ now: Date, zone: ZonaWaktu? = nil) -> AuditContext {
        var copy = self
        copy.now = now
        copy.zone = zone ?? self.zone
        return copy
    }

    /// The same change made on `day` at `hour` o'clock in the zone (demo rounds and tests that run "as of" a day).
    public func on(_ day: CalendarDate, hour: Int = 10) -> AuditContext {
        at(Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch * 86_400 + hour * 3600 - zone.offsetSeconds)))
    }

    /// Changes made by a command on the server (migrations, demo data, `kinerja user`).
    public static var system: AuditContext { AuditContext(userID: nil, username: "sistem", requestID: "-") }
}
