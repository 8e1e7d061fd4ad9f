import Fluent
import KinerjaCore
import Foundation
import KinerjaStore
import Vapor

/// `/api/v1`: the same data as the pages, as JSON described by `openapi.yaml`.
struct APIController: Sendable {
    @Sendable func listPemda(_ req: Request) async throws -> Response {
        try req.authorize(.read, Subject(.pemda, pemda: nil))
        return try JSONResponse.make(["data": try await PemdaQueries.list(on: req.db)])
    }

    @Sendable func pemda(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pemda)
        return try JSONResponse.make(try await PemdaQueries.detail(pemda, organisation: try await req.organisation(of: pemda),
                                                                   today: req.viewDate(in: pemda), on: req.db))
    }

    @Sendable func units(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .unit)
        let withRenstra = try await PemdaQueries.unitsWithRenstra(pemdaID: pemda.id, on: req.db)
        return try JSONResponse.make(["data": try await req.organisation(of: pemda).unitRows(withRenstra: withRenstra)])
    }

    @Sendable func jabatan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        return try JSONResponse.make(
            ["data": try await req.organisation(of: pemda).jabatanRows(on: req.viewDate(in: pemda))])
    }

    @Sendable func rpjmd(_ req: Request) async throws -> Response {
        guard let tree = try await PlanQueries.rpjmd(pemda: try await req.pemda(reading: .rpjmd), on: req.db) else {
            throw Abort(.notFound)
        }
        return try JSONResponse.make(tree)
    }

    @Sendable func renstra(_ req: Request) async throws -> Response {
        guard let tree = try await PlanQueries.renstra(pemda: try await req.pemda(reading: .renstra), unitID: try req.unitParameter(),
                                                       on: req.db)
        else { throw Abort(.notFound) }
        return try JSONResponse.make(tree)
    }
}

enum JSONResponse {
    static func make(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
                        body: .init(data: data))
    }
}

enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }
}
