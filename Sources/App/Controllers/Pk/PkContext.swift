import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// A PK page's request: the Pemda, its organisation, the PK version with everything around it, and what the
/// signed-in account is to the PK today.
struct PkContext: Sendable {
    var pemda: PemdaInfo
    var organisation: PemdaOrganisation
    var content: PkContent
    var account: SessionAccount?
    var actor: PkActor
    var today: CalendarDate

    var unitCode: String? { content.unitID.flatMap { organisation.units[$0]?.code } }
    var state: PkState { PkState(status: content.status, level: content.level, signed: Set(content.current.signatures.keys)) }
    var url: SiteURL { .pk(pemda.code, content.id) }
}

extension Request {
    /// Loads `:pk` of the Pemda `:code` for a signed-in user of that Pemda (the public sees published PKs through
    /// the portal only).
    func pkContext(page: Bool = true) async throws -> PkContext {
        let pemda = try await pemda(reading: .pk)
        guard let text = parameters.get(SiteURL.Key.pk), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        let organisation = try await organisation(of: pemda)
        guard let content = try await PkContent.load(id, pemdaID: pemda.id, organisation: organisation, page: page, on: db) else {
            throw Abort(.notFound)
        }
        let today = today(in: pemda)
        let account = account
        let parties = PkParty.held(by: account?.pegawaiID, pertama: organisation.holder(of: content.jabatanID, on: today)?.pegawaiID,
                                   kedua: content.superiorID.flatMap { organisation.holder(of: $0, on: today)?.pegawaiID })
        let reach = account?.jabatanID.map { organisation.scope.positions(under: $0) } ?? []
        let actor = PkActor.of(principal, pemda: pemda.code, unit: content.unitID.flatMap { organisation.units[$0]?.code },
                               parties: parties, submittedIt: account != nil && content.submittedBy == account?.id,
                               positionInReach: reach.contains(content.jabatanID))
        return PkContext(pemda: pemda, organisation: organisation, content: content, account: account, actor: actor, today: today)
    }

    /// The base of public links (the QR code of a PK): the configured address, else this request's.
    var publicBaseURL: String {
        if let configured = application.config.publicURL { return configured }
        // The Host header is the client's to write: only a plain host[:port] is taken from it.
        let host = headers.first(name: .host) ?? ""
        let plain = !host.isEmpty && host.count <= 253
            && host.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) }
        return "http://" + (plain ? host : "localhost")
    }
}
