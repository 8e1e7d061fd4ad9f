import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// The pohon kinerja: the page (of the Pemda, `?unit=` a Perangkat Daerah, or `?sasaran=` an RPJMD sasaran), its PDF,
/// the portal's version from published PKs, and the API's nodes and edges. One tree per data revision, built from the
/// same `KinerjaFigures` as the dashboards.
struct PohonController: Sendable {
    struct Loaded: Sendable {
        var year: KinerjaController.Year
        var tree: PohonKinerja
        var unit: UUID?
        var sasaran: UUID?
    }

    static func load(_ req: Request, pemda: PemdaInfo, published: Bool) async throws -> Loaded {
        let y = try await KinerjaController.load(req, pemda: pemda)
        func build() async throws -> PohonKinerja {
            let board = try await PohonBoard.load(pemdaID: pemda.id, year: y.year, published: published, on: req.db)
            var figures = y.figures
            // The public tree is measured from published PKs alone: a PK Perubahan signed but not yet published
            // leaves its position on the earlier published version, and the RPJMD figures roll up those.
            if published {
                let shown = try await figures.board.publishedOnly(pemdaID: pemda.id, on: req.db)
                if shown.pks != figures.board.pks {
                    figures = KinerjaFigures(board: shown, engine: pemda.capaianEngine, through: figures.through,
                                             today: figures.today, opd: y.organisation.opd(of:))
                }
            }
            return board.tree(figures: figures, organisation: y.organisation, published: published)
        }
        let whole: PohonKinerja
        if req.application.pageCache.isEnabled {
            let stored = req.webSession.state.withLockedValue { $0.record?.dataRevision }
            let revision = if let stored { stored } else { try await DataRevision.current(on: req.db) }
            let key = "\(pemda.id)|\(y.year)|\(y.figures.through)|\(y.figures.today)|\(y.organisation.version)|\(pemda.predikatScale)|\(pemda.capaianCap)|\(published)"
            whole = try await req.application.pohonCache.value(key, revision: revision, make: build)
        } else {
            whole = try await build()
        }
        // Filters are bounded before they are parsed, and an unknown one is ignored rather than an error: the page
        // then shows the whole tree, which is what a stale bookmark should get.
        let unit = published ? nil : req.query[String.self, at: "unit"].flatMap { UUID(uuidString: String($0.prefix(36))) }
            .flatMap { y.organisation.units[$0]?.kind.isPerangkatDaerah == true ? $0 : nil }
        let sasaran = published ? nil : req.query[String.self, at: "sasaran"].flatMap { UUID(uuidString: String($0.prefix(36))) }
            .flatMap { id in y.figures.board.strategic.contains { $0.id == id } ? id : nil }
        var tree = whole
        if let sasaran { tree = tree.subtree { $0.id == "s:" + sasaran.uuidString } }
        if let unit {
            let opd = unit.uuidString
            tree = tree.subtree { $0.opd == opd && ($0.kind == .indikator || $0.kind == .jabatan) }
        }
        return Loaded(year: y, tree: tree, unit: unit, sasaran: sasaran)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let l = try await Self.load(req, pemda: pemda, published: false)
        return HTMLResponse.make(PohonPage.render(PohonPage.Model(year: l.year, tree: l.tree, unit: l.unit, sasaran: l.sasaran)))
    }

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let l = try await Self.load(req, pemda: pemda, published: false)
        let model = PohonPage.Model(year: l.year, tree: l.tree, unit: l.unit, sasaran: l.sasaran)
        let made = Fmt.moment(req.now, zone: pemda.zone)
        let scale = pemda.capaianEngine.scale
        let heading = TreeDiagramPdf.Heading(
            title: PohonPage.title(model),
            subtitle: [pemda.name, L("Capaian s.d. \(Triwulan.label(l.year.figures.through)) \(l.year.year)", "Capaian to \(Triwulan.label(l.year.figures.through)) \(l.year.year)")],
            legend: [L("Warna: ", "Colours: ") + scale.bands.map { $0.label.text }.joined(separator: " · ")
                         + L(" (skala predikat Pemda); abu-abu: belum ada data.", " (the Pemda's predikat scale); grey: no data yet."),
                     L("Kotak bergaris putus-putus menandai celah cascading: ", "Dashed boxes mark gaps in the cascade: ")
                         + PohonKinerja.Gap.allCases.map(PohonWords.gap).joined(separator: "; ") + "."],
            arcsTitle: L("Kaitan lintas sektor", "Crosscutting links"),
            footer: L("Dibuat oleh Kinerja pada \(made). Angka dari nilai realisasi yang diterima verifikator.",
                      "Made by Kinerja on \(made). Figures from realisation values accepted by the verifier."))
        let bytes = try TreeDiagramPdf.render(PohonWords.diagram(l.tree, engine: pemda.capaianEngine), heading: heading)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        let who = l.unit.flatMap { l.year.organisation.units[$0]?.code } ?? pemda.code
        headers.setDisposition("inline", filename: "pohon-kinerja-\(l.year.year)-TW\(l.year.figures.through)-\(who).pdf")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// The tree for everyone: published PKs only, without the internal gap marks.
    @Sendable func portal(_ req: Request) async throws -> Response {
        guard let code = req.parameters.get(SiteURL.Key.code).map({ String($0.prefix(32)) }),
              let pemda = try await PemdaQueries.info(code: code, on: req.db)
        else { throw Abort(.notFound) }
        let l = try await Self.load(req, pemda: pemda, published: true)
        return HTMLResponse.make(PohonPage.render(PohonPage.Model(year: l.year, tree: l.tree, published: true)))
    }
}
