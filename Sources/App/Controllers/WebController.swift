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
        return HTMLResponse.make(PemdaPages.units(pemda, try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db)))
    }

    @Sendable func jabatan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        let date = req.viewDate
        let rows = try await PemdaQueries.jabatan(pemdaID: pemda.requireID(), today: date, on: req.db)
        return HTMLResponse.make(PemdaPages.jabatan(pemda, rows, date: date))
    }

    @Sendable func rpjmd(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rpjmd)
        guard let tree = try await PlanQueries.rpjmd(pemda: pemda, on: req.db) else { throw Abort(.notFound) }
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
