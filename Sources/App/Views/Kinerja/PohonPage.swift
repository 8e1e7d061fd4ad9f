import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// The pohon kinerja of a Pemda, of one Perangkat Daerah or under one RPJMD sasaran: the tree drawn as SVG, the same
/// nodes as a table with their links, the crosscutting links and the cascade gaps counted.
enum PohonPage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        var tree: PohonKinerja
        var unit: UUID?
        var sasaran: UUID?
        /// The portal's tree: published PKs only, no filters that reveal internal gaps.
        var published = false
    }

    static func title(_ m: Model) -> String {
        let y = m.year
        if let unit = m.unit { return L("Pohon kinerja \(KinerjaParts.unitName(y, unit)) \(y.year)", "Performance tree, \(KinerjaParts.unitName(y, unit)) \(y.year)") }
        if let sasaran = m.sasaran, let node = y.figures.board.strategic.first(where: { $0.id == sasaran }) {
            return L("Pohon kinerja Sasaran \(node.number) \(y.year)", "Performance tree, objective \(node.number) \(y.year)")
        }
        return L("Pohon kinerja \(y.pemda.name) \(y.year)", "Performance tree, \(y.pemda.name) \(y.year)")
    }

    static func query(_ m: Model, tw: Int? = nil) -> KeyValuePairs<String, String?> {
        ["tahun": String(m.year.year), "tw": String(tw ?? m.year.figures.through), "unit": m.unit?.uuidString,
         "sasaran": m.sasaran?.uuidString]
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let pemda = PemdaRef(y.pemda)
        let here = m.published ? SiteURL.portalPohon(.value(pemda.code)) : SiteURL.of(pemda.code, .pohon)
        let crumbs = m.published
            ? [Layout.Crumb(title: L("Kinerja publik", "Public performance"), url: SiteURL.portalKinerja(.value(pemda.code)).path),
               Layout.Crumb(L("Pohon kinerja", "Performance tree"))]
            : Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"), url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                            Layout.Crumb(L("Pohon kinerja", "Performance tree")))
        return Layout.page(title: title(m), crumbs: crumbs, pemda: pemda, bodyClass: "dashboard", body: .group(
            .h1(.text(title(m))),
            .p(.class("lead"), .text(L("Dari RPJMD ke setiap indikator PK yang berlaku melalui kaitannya, lalu ke program, kegiatan dan sub kegiatan. Warna simpul mengikuti predikat capaian s.d. \(Triwulan.label(y.figures.through)), dari nilai yang diterima verifikator.",
                                       "From the RPJMD to every PK indicator in force through its links, then to programs, activities and sub-activities. Each node is coloured by the predikat of its capaian to \(Triwulan.label(y.figures.through)), from accepted values."))),
            KinerjaParts.quarterSwitch(y) { here.url(query(m, tw: $0)) },
            m.published ? .empty : filter(m),
            summary(m),
            actions(m),
            diagram(m),
            crosscutting(m)))
    }

    static func filter(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let units = y.organisation.unitRows().filter(\.isPerangkatDaerah)
        let sasaran = y.figures.board.strategicOrder.filter { $0.node.kind == .sasaran }
        return .form(.class("search"), .method(.get), .action(SiteURL.of(y.pemda.code, .pohon)), .id("pohon-filter"),
            .input(.type(.hidden), .name("tahun"), .value(String(y.year))),
            .input(.type(.hidden), .name("tw"), .value(String(y.figures.through))),
            .label(.for("unit"), .text(L("Perangkat Daerah", "Agency"))),
            FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Seluruh Pemda", "Whole Pemda"))]
                                    + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                    selected: m.unit?.uuidString ?? ""),
            .label(.for("sasaran"), .text(L("Sasaran RPJMD", "RPJMD objective"))),
            FormView.selectElement("sasaran", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                    + sasaran.map { FormView.Option(value: $0.node.id.uuidString, label: ChartTextCut.cut("\($0.node.number). \($0.node.text)", 70)) },
                                    selected: m.sasaran?.uuidString ?? ""),
            .button(.type(.submit), .text(L("Tampilkan", "Show"))))
    }

    static func summary(_ m: Model) -> Node<HTML.BodyContext> {
        let gaps = m.tree.gapCounts
        let rows = m.tree.nodes.filter { $0.kind == .indikator }.count
        func stat(_ id: String, _ label: String, _ value: Int, gap: PohonKinerja.Gap? = nil) -> Node<HTML.BodyContext> {
            .div(.class(gap != nil && value > 0 ? "stat stat-gap" : "stat"), .id(id), .attribute(named: "data-count", value: String(value)),
                 .span(.class("stat-label"), .text(label)), .span(.class("stat-value"), .text(IDFormat.number(FixedDecimal(value)))))
        }
        return .div(.class("stat-row"), .id("pohon-ringkasan"),
            stat("pohon-indikator", L("Indikator PK", "PK indicators"), rows),
            stat("pohon-lintas", L("Kaitan lintas sektor", "Crosscutting links"), m.tree.crosscutting.count),
            .if(!m.published, .group(
                stat("pohon-tanpa-pendukung", PohonWords.gap(.noContributor), gaps[.noContributor] ?? 0, gap: .noContributor),
                stat("pohon-tanpa-pk", PohonWords.gap(.noPk), gaps[.noPk] ?? 0, gap: .noPk),
                stat("pohon-tanpa-kaitan", PohonWords.gap(.unlinked), gaps[.unlinked] ?? 0, gap: .unlinked))))
    }

    static func actions(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        return .p(.class("actions"),
            .if(!m.published, .a(.class("button"), .id("pohon-pdf"), .href(SiteURL.of(y.pemda.code, .pohonPdf).url(query(m))),
                                 .text(L("Unduh PDF", "Download PDF")))),
            .if(!m.published, .a(.class("button secondary"), .href(SiteURL.portalPohon(.value(y.pemda.code)).url(["tahun": String(y.year)])),
                                 .text(L("Versi publik", "Public version")))),
            .span(.class("muted"), .text(" " + L("Garis putus-putus di kanan: kaitan lintas sektor.", "Dashed arcs on the right: crosscutting links.")
                                         + (m.published ? "" : " " + L("Kotak bergaris putus-putus: celah cascading.", "Dashed boxes: gaps in the cascade.")))))
    }

    static func diagram(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        guard !m.tree.nodes.isEmpty else {
            return .p(.class("muted"), .id("pohon-kosong"), .text(L("Belum ada RPJMD atau PK yang berlaku untuk digambar.", "No RPJMD or PK in force to draw yet.")))
        }
        let svg = PohonWords.diagram(m.tree, engine: y.figures.engine)
            .svg(id: "chart-pohon", title: title(m),
                 description: L("Pohon kinerja: \(m.tree.nodes.count) simpul, warna menurut predikat capaian.",
                                "Performance tree: \(m.tree.nodes.count) nodes, coloured by the predikat of their capaian."))
        return .element(named: "figure", nodes: [
            .class("tree-figure"), .id("pohon"),
            .div(.class("tree-scroll"), .attribute(named: "aria-hidden", value: "true"), .raw(svg)),
            .element(named: "details", nodes: [
                .class("tree-data"), .attribute(named: "open", value: m.tree.nodes.count <= 60 ? "open" : ""),
                .element(named: "summary", nodes: [.text(L("Tabel pohon kinerja (\(m.tree.nodes.count) simpul)", "Tree as a table (\(m.tree.nodes.count) nodes)"))]),
                .div(.class("scroll"), table(m)),
            ]),
        ])
    }

    static func table(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        return .table(.class("data tree-table"), .id("pohon-table"),
            .thead(.tr(.th(.text(L("Simpul", "Node"))), .th(.text(L("Jenis", "Kind"))), .th(.text(L("Pemilik / keterangan", "Owner / details"))),
                       .th(.class("num"), .text(L("Capaian", "Capaian"))), .th(.text(L("Predikat", "Predikat"))), .th(.text(L("Celah", "Gap"))))),
            .tbody(.forEach(m.tree.nodes) { node in
                let band = PohonWords.band(node, y.figures.engine)
                let link: String? = !m.published && node.kind == .indikator
                    ? node.pkID.flatMap(UUID.init(uuidString:)).map { SiteURL.pk(y.pemda.code, $0, .indikator).url(["baris": node.rowKey, "tw": String(y.figures.through)]) }
                    : nil
                return .tr(.class("depth-\(min(node.depth, 12)) tree-row-\(node.kind.rawValue)"),
                           .attribute(named: "data-node", value: node.id), .attribute(named: "data-kind", value: node.kind.rawValue),
                           .attribute(named: "data-capaian", value: node.figure?.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
                    .td(.class("tree-cell"), .unwrap(link, { .a(.href($0), .text(PohonWords.title(node))) }, else: .text(PohonWords.title(node)))),
                    .td(.text(PohonWords.kind(node.kind))),
                    .td(.text(PohonWords.subtitle(node))),
                    .td(.class("num"), .text(PohonWords.value(node))),
                    .td(KinerjaParts.badge(band)),
                    .td(.attribute(named: "data-gaps", value: node.gaps.map(\.rawValue).joined(separator: " "), ignoreIfValueIsEmpty: false),
                        .text(node.gaps.map(PohonWords.gap).joined(separator: "; "))))
            }))
    }

    static func crosscutting(_ m: Model) -> Node<HTML.BodyContext> {
        guard !m.tree.crosscutting.isEmpty else { return .empty }
        let byID = Dictionary(m.tree.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return .section(.id("pohon-lintas-sektor"),
            .h2(.text(L("Kaitan lintas sektor", "Crosscutting links"))),
            .div(.class("scroll"), .table(.class("data"), .id("pohon-lintas-table"),
                .thead(.tr(.th(.text(L("Indikator yang mendukung", "Serving indicator"))), .th(.text(L("Pemilik", "Owner"))),
                           .th(.text(L("Indikator yang didukung", "Indicator served"))), .th(.text(L("Pemilik", "Owner"))))),
                .tbody(.forEach(m.tree.crosscutting) { edge in
                    .tr(.td(.text(byID[edge.from]?.title ?? "")), .td(.text(byID[edge.from]?.subtitle ?? "")),
                        .td(.text(byID[edge.to]?.title ?? "")), .td(.text(byID[edge.to]?.subtitle ?? "")))
                }))))
    }
}

/// Option labels cut to a length a select can show.
enum ChartTextCut {
    static func cut(_ text: String, _ limit: Int) -> String { text.count > limit ? String(text.prefix(limit - 1)) + "…" : text }
}
