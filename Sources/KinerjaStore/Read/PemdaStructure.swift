import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The version of a Pemda's organisation: raised by every change of its units, positions, people, assignments or
/// accounts, so that cached copies (`OrganisationCache`) know when to read it again.
public enum PemdaStructure {
    /// Marks the Pemda's organisation as changed; called in the transaction of the change (see `AuditTrail`).
    static func bump(_ pemdaID: UUID, on db: any Database) async throws {
        try await db.sql.update("pemda")
            .set(SQLIdentifier("structure_version"),
                 to: SQLBinaryExpression(SQLIdentifier("structure_version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, pemdaID).run()
    }
}

extension Database {
    /// Both engines speak SQLKit; a database that does not is a programming error, reported as a thrown error.
    public var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw SQLUnavailable() }
            return sql
        }
    }
}

struct SQLUnavailable: Error {}
