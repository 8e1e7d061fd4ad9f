import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Turning the second factor on and off, and spending a code. The secret itself never enters the audit trail.
extension UserWriter {
    struct TwoFactorSnapshot: Encodable {
        var twoFactor: Bool

        var json: String {
            get throws { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
        }
    }

    /// Stores a confirmed secret; `step` is the step of the code that confirmed it, which cannot be used again.
    public static func enableTotp(userID: UUID, secret: String, step: Int64, audit: AuditContext,
                                  on database: any Database) async throws
    {
        try await database.transaction { db in
            guard let user = try await AppUser.find(userID, on: db) else { return }
            try await UserTotp.query(on: db).filter(\.$user.$id == userID).delete()
            try await UserTotp(userID: userID, secret: secret, lastStep: step, confirmedAt: audit.now).create(on: db)
            try await AuditTrail.record(.update, entity: UserTotp.schema,
                                        beforeSnapshot: try TwoFactorSnapshot(twoFactor: false).json,
                                        after: try TwoFactorSnapshot(twoFactor: true).json, entityID: userID,
                                        pemdaID: user.$pemda.id, unitID: nil, reason: "verifikasi dua langkah diaktifkan",
                                        context: audit, on: db)
        }
    }

    /// Removes the second factor: by the user (with their password and a code) or by an admin for a lost phone.
    public static func disableTotp(userID: UUID, reason: String, audit: AuditContext, on database: any Database)
        async throws
    {
        try await database.transaction { db in
            guard let user = try await AppUser.find(userID, on: db),
                  try await UserTotp.query(on: db).filter(\.$user.$id == userID).count() > 0
            else { return }
            try await UserTotp.query(on: db).filter(\.$user.$id == userID).delete()
            try await AuditTrail.record(.update, entity: UserTotp.schema,
                                        beforeSnapshot: try TwoFactorSnapshot(twoFactor: true).json,
                                        after: try TwoFactorSnapshot(twoFactor: false).json, entityID: userID,
                                        pemdaID: user.$pemda.id, unitID: nil, reason: reason, context: audit, on: db)
        }
    }

    /// Records that the code of `step` was used, only if no code of that step or a later one was: two sign-ins with
    /// one code cannot both win. Returns whether this use counted.
    public static func spendTotpStep(userID: UUID, step: Int64, on database: any Database) async throws -> Bool {
        // One conditional UPDATE: the database, not a read-then-write, decides which of two racing uses wins.
        guard let sql = database as? any SQLDatabase else { return false }
        let rows = try await sql.update(UserTotp.schema)
            .set("last_step", to: step)
            .where("user_id", .equal, userID)
            .where("last_step", .lessThan, step)
            .returning("id")
            .all()
        return !rows.isEmpty
    }
}
