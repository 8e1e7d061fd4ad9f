import FluentKit
import Foundation

/// Writes audit events; called inside the transaction of the change it describes, so that a change and its record
/// are kept or lost together.
public enum AuditTrail {
    /// A row as JSON with sorted keys: the "before" and "after" of an event.
    public static func snapshot(_ model: some Model) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    public static func record<M: Model>(_ action: AuditAction, before: M?, after: M?, entityID: UUID, pemdaID: UUID?,
                                        unitID: UUID? = nil, reason: String? = nil, context: AuditContext,
                                        on db: any Database) async throws
    {
        let event = AuditEvent(pemdaID: pemdaID, at: Date(), context: context, entity: M.schema, entityID: entityID,
                               unitID: unitID, action: action, before: try before.map(snapshot),
                               after: try after.map(snapshot), reason: reason)
        try await event.create(on: db)
    }
}
