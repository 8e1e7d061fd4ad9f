import Fluent
import KinerjaCore
import KinerjaStore
import Vapor

/// The read-only pages. Handlers ask KinerjaStore for plain values and hand them to a view.
struct WebController: Sendable {
    @Sendable func home(_ req: Request) async throws -> Response {
        try req.authorize(.read, Subject(.pemda, pemda: nil))
        return HTMLResponse.make(PemdaPages.home(try await PemdaQueries.list(on: req.db)))
    }

    @Sendable func pemda(_ req: Request) async throws -> Response {
        if let code = req.parameters.get("code") { try req.authorize(.read, Subject(.pemda, pemda: code)) }
        guard let code = req.parameters.get("code"),
            let detail = try await PemdaQueries.detail(code: code, today: req.viewDate, on: req.db)
        else { throw Abort(.notFound) }
        return HTMLResponse.make(PemdaPages.profile(detail))
    }

    @Sendable func units(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .unit)
        let all = try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db)
        let query = req.query[String.self, at: "q"] ?? ""
        let rows = all.filter { SearchMatch.matches(query, [$0.code, $0.name, $0.kind.label]) }
        return HTMLResponse.make(PemdaPages.units(pemda, rows, query: query, total: all.count))
    }

    @Sendable func jabatan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        let date = req.viewDate
        let all = try await PemdaQueries.jabatan(pemdaID: pemda.requireID(), today: date, on: req.db)
        let query = req.query[String.self, at: "q"] ?? ""
        let rows = all.filter { row in
            SearchMatch.matches(query, [row.name, row.eselon, row.unitName] + row.holders.flatMap { [$0.name, $0.nip] })
        }
        return HTMLResponse.make(PemdaPages.jabatan(pemda, rows, date: date, query: query, total: all.count))
    }

    @Sendable func rpjmd(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rpjmd)
        guard let tree = try await PlanQueries.rpjmd(pemda: pemda, on: req.db) else {
            // A new Pemda has no RPJMD yet: whoever may build one is taken to where it is built.
            if Policy.decide(req.principal, .create, Subject(.rpjmd, pemda: pemda.code)).isAllowed {
                return req.redirect(to: "/pemda/\(pemda.code)/rpjmd/kelola", redirectType: .normal)
            }
            throw Abort(.notFound)
        }
        return HTMLResponse.make(PlanPages.rpjmd(pemda, tree))
    }

    @Sendable func renstra(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .renstra)
        guard let tree = try await PlanQueries.renstra(pemda: pemda, unitID: try req.unitParameter(), on: req.db) else {
            throw Abort(.notFound)
        }
        return HTMLResponse.make(PlanPages.renstra(pemda, tree))
    }
}
