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
        try await record(action, entity: M.schema, beforeSnapshot: try before.map(snapshot),
                         after: try after.map(snapshot), entityID: entityID, pemdaID: pemdaID, unitID: unitID,
                         reason: reason, context: context, on: db)
    }

    /// For an update: `beforeSnapshot` is taken with `snapshot` before the row is changed in place.
    public static func recordUpdate<M: Model>(of model: M, beforeSnapshot: String, pemdaID: UUID?, unitID: UUID? = nil,
                                              reason: String? = nil, context: AuditContext, on db: any Database)
        async throws where M.IDValue == UUID
    {
        try await record(.update, entity: M.schema, beforeSnapshot: beforeSnapshot, after: try snapshot(model),
                         entityID: try model.requireID(), pemdaID: pemdaID, unitID: unitID, reason: reason,
                         context: context, on: db)
    }

    /// The event of a created row, to insert with others in a batch (`BatchInsert`). Not for the organisation's
    /// tables, whose changes go through `record` so that cached scopes learn of them.
    static func creation<M: Model>(of model: M, pemdaID: UUID, unitID: UUID?, reason: String?, context: AuditContext) throws
        -> AuditEvent where M.IDValue == UUID
    {
        assert(!structural.contains(M.schema), "an organisation change must go through record")
        return AuditEvent(pemdaID: pemdaID, at: context.now, context: context, entity: M.schema, entityID: try model.requireID(),
                          unitID: unitID, action: .create, before: nil, after: try snapshot(model), reason: reason)
    }

    static func record(_ action: AuditAction, entity: String, beforeSnapshot: String?, after: String?, entityID: UUID,
                       pemdaID: UUID?, unitID: UUID?, reason: String?, context: AuditContext,
                       on db: any Database) async throws
    {
        try await AuditEvent(pemdaID: pemdaID, at: context.now, context: context, entity: entity, entityID: entityID,
                             unitID: unitID, action: action, before: beforeSnapshot, after: after, reason: reason)
            .create(on: db)
        if let pemdaID, structural.contains(entity) { try await PemdaStructure.bump(pemdaID, on: db) }
    }

    /// The tables of a Pemda's organisation (see `PemdaOrganisation`). Every change is recorded here in its own transaction, so this is
    /// the one place that can tell the cached scopes of a Pemda that they are stale.
    static let structural: Set<String> = [Unit.schema, Jabatan.schema, Pegawai.schema, Penugasan.schema, AppUser.schema,
                                          UserUnit.schema, Pemda.schema]
}
