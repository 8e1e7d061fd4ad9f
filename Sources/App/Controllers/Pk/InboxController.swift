import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// What waits for the signed-in user: PKs to complete, review, sign or publish, and deadline reminders.
struct InboxController: Sendable {
    @Sendable func page(_ req: Request) async throws -> Response {
        guard let user = try await req.currentUser else { throw Abort(.unauthorized, reason: L("Silakan masuk terlebih dahulu.", "Please log in first.")) }
        let today = CalendarDate.todayInJakarta()
        let year = req.query[Int.self, at: "tahun"] ?? today.year
        let pemda = try await user.$pemda.id.asyncMap { try await Pemda.find($0, on: req.db) } ?? nil
        let items = try await PkInbox.items(for: user, principal: req.principal, year: year, today: today, on: req.db)
        return HTMLResponse.make(InboxPage.render(pemda: pemda, year: year, items: items))
    }
}

/// The public portal: published PKs by Pemda, year and unit, and the verification of a signed PK.
struct PortalController: Sendable {
    @Sendable func list(_ req: Request) async throws -> Response {
        let pemdaCode = req.query[String.self, at: "pemda"].flatMap { $0.isEmpty ? nil : $0 }
        let year = req.query[Int.self, at: "tahun"]
        let query = req.query[String.self, at: "q"]
        let unit = req.query[UUID.self, at: "unit"]
        let items = try await pemdaCode.asyncMap {
            try await PkPublic.published(pemdaCode: $0, year: year, unitID: unit, query: query, on: req.db)
        } ?? []
        let pemdaList = try await PemdaQueries.list(on: req.db)
        let units = try await pemdaCode.asyncMap { code in
            try await PemdaQueries.find(code: code, on: req.db).asyncMap {
                try await PemdaQueries.units(pemdaID: $0.requireID(), on: req.db).filter(\.isPerangkatDaerah)
            } ?? []
        } ?? []
        return HTMLResponse.make(PortalPages.list(items: items, pemdaList: pemdaList, pemdaCode: pemdaCode, year: year,
                                                  units: units, unit: unit, query: query ?? ""))
    }

    @Sendable func verify(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("pk") ?? "") else { throw Abort(.notFound) }
        let view = try await PkPublic.verification(id, keyring: req.application.config.keyring, on: req.db)
        return HTMLResponse.make(PortalPages.verification(view, url: "\(req.publicBaseURL)/verifikasi/\(id.uuidString)"),
                                 status: view == nil ? .notFound : .ok)
    }

    /// The PDF of a published PK, for anyone.
    @Sendable func pdf(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("pk") ?? ""), let pk = try await Pk.find(id, on: req.db),
            pk.status == .diterbitkan
        else { throw Abort(.notFound) }
        return try await PkDocumentController.pdfResponse(req, pk, filename: try await PkDocumentController.filename(pk, on: req.db))
    }
}
