import Fluent
import KinerjaCore
import KinerjaStore
import Vapor

/// The shared nomenclature: public to read, like the Kepmendagri it comes from.
struct NomenklaturController: Sendable {
    @Sendable func page(_ req: Request) async throws -> Response {
        try req.authorize(.read, Subject(.nomenklatur, pemda: nil))
        let versions = try await NomenklaturQueries.versions(on: req.db)
        let chosen = versions.first { $0.code == req.query[String.self, at: "versi"] } ?? versions.first
        let query = NomenklaturPage.Query(version: chosen?.code ?? "",
                                          jenis: req.query[String.self, at: "jenis"].flatMap(JenisPemda.init(rawValue:)) ?? .kabkot,
                                          text: req.query[String.self, at: "q"] ?? "")
        guard let chosen else {
            return HTMLResponse.make(NomenklaturPage.render(versions: [], query: query, rows: [], total: 0))
        }
        let found = try await NomenklaturQueries.search(versionID: chosen.id, jenis: query.jenis, query: query.text, on: req.db)
        return HTMLResponse.make(NomenklaturPage.render(versions: versions, query: query, rows: found.rows, total: found.total))
    }
}
