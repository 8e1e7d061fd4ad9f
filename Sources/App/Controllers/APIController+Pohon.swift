import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// `/api/v1/pemda/{code}/pohon`: the pohon kinerja's nodes depth first and its crosscutting edges, the same tree as
/// the page (with its `unit` and `sasaran` filters).
extension APIController {
    struct PohonNode: Encodable {
        var id: String
        var kind: String
        var parent: String?
        var depth: Int
        var title: String
        var subtitle: String
        var capaian: Rollup?
        var predikat: String?
        var gaps: [String]
        var edge: String?
        var pkId: String?
        var rowKey: String?
        var unitId: String?
        var pagu: Int64?
        var realised: Int64?
    }

    struct PohonEdge: Encodable {
        var from: String
        var to: String
        var kind: String
    }

    struct PohonTree: Encodable {
        var year: Int
        var through: Int
        var nodes: [PohonNode]
        var crosscutting: [PohonEdge]
    }

    @Sendable func pohon(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let l = try await PohonController.load(req, pemda: pemda, published: false)
        let engine = l.year.figures.engine
        let nodes = l.tree.nodes.map { n in
            PohonNode(id: n.id, kind: n.kind.rawValue, parent: n.parent, depth: n.depth, title: n.title, subtitle: n.subtitle,
                      capaian: n.figure.map(Rollup.init), predikat: n.figure?.capaian.map { engine.scale.band(for: $0).label.id },
                      gaps: n.gaps.map(\.rawValue), edge: n.edge?.rawValue, pkId: n.pkID, rowKey: n.rowKey, unitId: n.opd,
                      pagu: n.pagu, realised: n.realised)
        }
        return try JSONResponse.make(PohonTree(year: l.year.year, through: l.year.figures.through, nodes: nodes,
                                               crosscutting: l.tree.crosscutting.map { PohonEdge(from: $0.from, to: $0.to, kind: $0.kind.rawValue) }))
    }
}
