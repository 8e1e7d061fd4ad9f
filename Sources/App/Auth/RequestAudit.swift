import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

extension Request {
    /// Now, from the app's one clock.
    var now: Date { application.clock.now() }

    /// Who the audit trail names for changes made by this request, and when, in the signed-in user's Pemda's zone
    /// (`writer(for:)` uses the zone of the Pemda being changed).
    var auditContext: AuditContext {
        AuditContext(userID: account?.id, username: account?.username ?? "anonim", requestID: id, now: now,
                     zone: account?.pemda?.zone ?? .wib)
    }

    /// The signed-in account, or a 401 that takes a person to the sign-in page.
    func requireAccount() throws -> SessionAccount {
        guard let account else {
            throw Abort(.unauthorized, reason: L("Silakan masuk terlebih dahulu.", "Please log in first."))
        }
        return account
    }
}

extension Request {
    /// The writer for changes of `pemda` by this request: audited under the signed-in user, dated by the app's clock
    /// in that Pemda's zone, sealing with the server's key.
    func writer(for pemda: PemdaInfo) throws -> PemdaWriter {
        PemdaWriter(database: db, pemdaID: pemda.id, audit: auditContext.at(now, zone: pemda.zone),
                    keyring: application.config.keyring)
    }

    /// The Pemda's calendar day now.
    func today(in pemda: PemdaInfo) -> CalendarDate { auditContext.at(now, zone: pemda.zone).today }
}
