import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SQLKit
import Vapor

/// What a signed-in user's Pemda round looks like to them: the year's PK data (six statements) and the
/// organisation (cached), read once for the Beranda and the inbox.
struct RoundData: Sendable {
    var pemda: PemdaInfo
    var organisation: PemdaOrganisation
    var year: PkYear
    var board: [PkBoardRow]
    var inbox: [PkInboxItem]
    var today: CalendarDate
    var reach: Set<UUID>

    static func load(_ req: Request, account: SessionAccount, pemda: PemdaInfo, year: Int) async throws -> RoundData {
        let organisation = try await req.organisation(of: pemda)
        let today = req.today(in: pemda)
        let pkYear = try await PkYear.load(pemdaID: pemda.id, year: year, on: req.db)
        let board = PkBoard.rows(organisation: organisation, year: pkYear, today: today)
        let reach = account.jabatanID.map { organisation.scope.positions(under: $0) } ?? []
        let inbox = PkInbox.items(for: InboxAccount(id: account.id, pegawaiID: account.pegawaiID, jabatanID: account.jabatanID, reach: reach),
                                  principal: req.principal, pemdaCode: pemda.code, organisation: organisation, year: pkYear,
                                  board: board, today: today)
            + (try await RealisasiInbox.items(pemdaID: pemda.id, pemdaCode: pemda.code, year: year, principal: req.principal,
                                              accountID: account.id, reach: reach, organisation: organisation, on: req.db))
            + (try await EarlyWarningInbox.items(pemdaID: pemda.id, pemdaCode: pemda.code, year: year, principal: req.principal,
                                                 reach: reach, organisation: organisation, engine: pemda.capaianEngine,
                                                 today: today, on: req.db))
        return RoundData(pemda: pemda, organisation: organisation, year: pkYear, board: board, inbox: inbox, today: today, reach: reach)
    }
}

/// What waits for the signed-in user: PKs to complete, review, sign or publish, and deadline reminders.
struct InboxController: Sendable {
    @Sendable func page(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let pemda = account.pemda else {
            return HTMLResponse.make(InboxPage.render(InboxPage.Model(pemda: nil, year: 0, items: [])))
        }
        let round = try await RoundData.load(req, account: account, pemda: pemda, year: req.year(in: pemda))
        return HTMLResponse.make(InboxPage.render(InboxPage.Model(pemda: PemdaRef(pemda), year: round.year.year, items: round.inbox)))
    }
}

/// The signed-in user's home: what waits for them, their PKs, and their Pemda's round at a glance.
struct BerandaController: Sendable {
    func page(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let pemda = account.pemda else {
            // A super admin belongs to no Pemda: their home is the list of every Pemda.
            return HTMLResponse.make(HomePage.render(HomePage.Model(pemda: try await PemdaQueries.list(on: req.db),
                                                                    mayAddPemda: Layout.may(.create, Subject(.pemda, pemda: nil)))))
        }
        let round = try await RoundData.load(req, account: account, pemda: pemda, year: req.year(in: pemda))
        return HTMLResponse.make(BerandaPage.render(BerandaPage.Model(account: account, principal: req.principal, round: round)))
    }
}

/// The public portal: published PKs by Pemda, year and unit, and the verification of a signed PK.
struct PortalController: Sendable {
    static let pageSize = 100

    @Sendable func list(_ req: Request) async throws -> Response {
        let pemdaCode = req.query[String.self, at: "pemda"].flatMap { $0.isEmpty ? nil : String($0.prefix(32)) }
        let year = req.query[String.self, at: "tahun"].flatMap { Int($0.prefix(4)) }.flatMap { Limits.isYear($0) ? $0 : nil }
        let query = req.searchQuery
        let unit = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:))
        var model = PortalPages.ListModel(items: [], total: 0, page: 1, pages: 1, pemdaList: try await PemdaQueries.list(on: req.db),
                                          pemda: nil, year: year, units: [], unit: unit, query: query)
        if let code = pemdaCode, let pemda = try await PemdaQueries.info(code: code, on: req.db) {
            let organisation = try await req.organisation(of: pemda)
            let all = try await PkPublic.published(pemda: pemda, organisation: organisation, year: year, unitID: unit, query: query,
                                                   on: req.db)
            model.pages = max(1, (all.count + Self.pageSize - 1) / Self.pageSize)
            model.page = min(max(1, req.query[Int.self, at: "halaman"] ?? 1), model.pages)
            model.items = Array(all.dropFirst((model.page - 1) * Self.pageSize).prefix(Self.pageSize))
            model.total = all.count
            model.pemda = PemdaRef(pemda)
            model.units = organisation.unitRows().filter(\.isPerangkatDaerah)
        }
        return HTMLResponse.make(PortalPages.list(model))
    }

    @Sendable func verify(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get(SiteURL.Key.pk) ?? "") else { throw Abort(.notFound) }
        let view = try await PkPublic.verification(id, keyring: req.application.config.keyring, on: req.db)
        return HTMLResponse.make(PortalPages.verification(view, url: req.publicBaseURL + SiteURL.verify(.value(id)).path),
                                 status: view == nil ? .notFound : .ok)
    }

    /// The PDF of a published PK, for anyone.
    @Sendable func pdf(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get(SiteURL.Key.pk) ?? ""),
              let row = try await req.db.sql.raw("""
                  SELECT p.code FROM pk JOIN pemda p ON p.id = pk.pemda_id WHERE pk.id = \(bind: id) AND pk.status = 'diterbitkan'
                  """).first(),
              let pemda = try await PemdaQueries.info(code: try row.decode(column: "code", as: String.self), on: req.db)
        else { throw Abort(.notFound) }
        let source = try await PkDocumentController.source(req, pemda: pemda, pkID: id)
        return try await PkDocumentController.pdfResponse(req, pemda: pemda, source)
    }
}
