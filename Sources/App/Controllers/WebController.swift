import Fluent
import KinerjaCore
import KinerjaStore
import Vapor

/// The public pages of a Pemda. Each handler builds its page model from plain values of KinerjaStore (the Pemda's
/// organisation is cached) and hands it to a view.
struct WebController: Sendable {
    @Sendable func home(_ req: Request) async throws -> Response {
        if let account = req.account {
            // The Kepala Daerah's first view is the year's performance; the Beranda stays one link away.
            if account.roles.contains(.kepalaDaerah), let pemda = account.pemda, !account.mustChangePassword,
               req.query[String.self, at: "beranda"] == nil
            {
                return req.redirect(to: SiteURL.of(pemda.code, .kinerja).path)
            }
            return try await BerandaController().page(req)
        }
        try req.authorize(.read, Subject(.pemda, pemda: nil))
        return HTMLResponse.make(HomePage.render(HomePage.Model(pemda: try await PemdaQueries.list(on: req.db),
                                                                mayAddPemda: false)))
    }

    @Sendable func pemda(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pemda)
        let organisation = try await req.organisation(of: pemda)
        let detail = try await PemdaQueries.detail(pemda, organisation: organisation, today: req.viewDate(in: pemda), on: req.db)
        return HTMLResponse.make(PemdaPages.profile(PemdaPages.ProfileModel(pemda: PemdaRef(pemda), detail: detail)))
    }

    @Sendable func units(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .unit)
        let withRenstra = try await PemdaQueries.unitsWithRenstra(pemdaID: pemda.id, on: req.db)
        let all = try await req.organisation(of: pemda).unitRows(withRenstra: withRenstra)
        let query = req.searchQuery
        let rows = all.filter { SearchMatch.matches(query, [$0.code, $0.name, $0.kind.label]) }
        return HTMLResponse.make(PemdaPages.units(PemdaPages.UnitsModel(pemda: PemdaRef(pemda), rows: rows, query: query,
                                                                        total: all.count)))
    }

    @Sendable func jabatan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        let date = req.viewDate(in: pemda)
        let all = try await req.organisation(of: pemda).jabatanRows(on: date)
        let query = req.searchQuery
        let rows = all.filter { row in
            SearchMatch.matches(query, [row.name, row.eselon, row.unitName] + row.holders.flatMap { [$0.name, $0.nip] })
        }
        return HTMLResponse.make(PemdaPages.jabatan(PemdaPages.JabatanModel(pemda: PemdaRef(pemda), rows: rows, date: date,
                                                                            query: query, total: all.count)))
    }

    @Sendable func rpjmd(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rpjmd)
        guard let tree = try await PlanQueries.rpjmd(pemda: pemda, on: req.db) else {
            // A new Pemda has no RPJMD yet: whoever may build one is taken to where it is built.
            if Policy.decide(req.principal, .create, Subject(.rpjmd, pemda: pemda.code)).isAllowed {
                return req.redirect(to: SiteURL.of(pemda.code, .rpjmdManage).path)
            }
            throw Abort(.notFound)
        }
        return HTMLResponse.make(PlanPages.rpjmd(PemdaRef(pemda), tree))
    }

    @Sendable func renstra(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .renstra)
        guard let tree = try await PlanQueries.renstra(pemda: pemda, unitID: try req.unitParameter(), on: req.db) else {
            throw Abort(.notFound)
        }
        return HTMLResponse.make(PlanPages.renstra(PemdaRef(pemda), tree))
    }
}

extension Request {
    /// `?q=`, trimmed and bounded.
    var searchQuery: String {
        String((query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Limits.shortText))
    }
}
