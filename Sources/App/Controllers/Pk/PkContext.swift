import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// A PK page's request: the Pemda, the PK version, the signed-in account and what that account is to the PK.
struct PkContext {
    var pemda: Pemda
    var pk: Pk
    var unitCode: String?
    var user: AppUser?
    var actor: PkActor
}

extension Request {
    var currentUser: AppUser? {
        get async throws {
            guard let id = auditContext.userID else { return nil }
            return try await AppUser.find(id, on: db)
        }
    }

    /// Loads `:pk` of the Pemda `:code` for a signed-in user of that Pemda (the public sees published PKs through
    /// the portal only).
    func pkContext(today: CalendarDate = .todayInJakarta()) async throws -> PkContext {
        let pemda = try await pemda(reading: .pk)
        guard let text = parameters.get("pk"), let id = UUID(uuidString: text),
            let pk = try await PkQueries.find(id, pemdaID: pemda.requireID(), on: db)
        else { throw Abort(.notFound) }
        let unitCode = try await pk.$unit.id.asyncMap { try await KinerjaStore.Unit.find($0, on: db)?.code } ?? nil
        let user = try await currentUser
        let parties = try await user.asyncMap { try await PkQueries.parties(of: $0, for: pk, on: today, db: db) } ?? []
        let inReach = try await user.asyncMap { try await PkQueries.isInReach(of: $0, jabatanID: pk.$jabatan.id, on: db) } ?? false
        let actor = PkActor.of(principal, pemda: pemda.code, unit: unitCode, parties: parties,
                               submittedIt: user?.id != nil && pk.submittedBy == user?.id, positionInReach: inReach)
        return PkContext(pemda: pemda, pk: pk, unitCode: unitCode, user: user, actor: actor)
    }

    /// The base of public links (the QR code of a PK): the configured address, else this request's.
    var publicBaseURL: String {
        if let configured = application.config.publicURL, !configured.isEmpty {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        // The Host header is the client's to write: only a plain host[:port] is taken from it.
        let host = headers.first(name: .host) ?? ""
        let plain = !host.isEmpty && host.count <= 253
            && host.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) }
        return "http://" + (plain ? host : "localhost")
    }

    func pkURL(_ pemda: Pemda, _ pkID: UUID) -> String { "/pemda/\(pemda.code)/pk/\(pkID.uuidString)" }
}
