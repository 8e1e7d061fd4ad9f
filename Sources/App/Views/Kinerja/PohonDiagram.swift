import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore

/// How the pohon kinerja reads in the interface's language: what each kind of node and each gap is called, and the
/// boxes the page's SVG and the PDF draw.
enum PohonWords {
    static func kind(_ kind: PohonKinerja.Kind) -> String {
        switch kind {
        case .misi: L("Misi", "Mission")
        case .tujuan: L("Tujuan", "Goal")
        case .sasaran: L("Sasaran RPJMD", "RPJMD objective")
        case .indikator: L("Indikator PK", "PK indicator")
        case .program: L("Program", "Program")
        case .kegiatan: L("Kegiatan", "Activity")
        case .subkegiatan: L("Sub Kegiatan", "Sub-activity")
        case .jabatan: L("Jabatan tanpa PK", "Position without a PK")
        case .lepas: L("Belum terkait", "Not linked")
        }
    }

    static func gap(_ gap: PohonKinerja.Gap) -> String {
        switch gap {
        case .noContributor: L("Belum didukung indikator bawahan", "No subordinate indicator serves it")
        case .noPk: L("Belum ada PK yang berlaku", "No PK in force")
        case .unlinked: L("Belum dikaitkan ke indikator atasan", "Not linked to a superior's indicator")
        }
    }

    static func edge(_ kind: PohonKinerja.EdgeKind) -> String {
        switch kind {
        case .cascade: L("Cascading", "Cascade")
        case .crosscutting: L("Lintas sektor", "Crosscutting")
        }
    }

    static func title(_ node: PohonKinerja.Node) -> String {
        node.kind == .lepas ? L("Belum terkait ke pohon kinerja", "Not yet linked into the tree") : node.title
    }

    static func value(_ node: PohonKinerja.Node) -> String {
        switch node.kind {
        case .program, .kegiatan, .subkegiatan, .jabatan, .lepas: return ""
        default:
            guard let figure = node.figure else { return "–" }
            return figure.capaian.map(IDFormat.percent) ?? (figure.tdi > 0 && figure.measured == 0 ? "TDI" : L("belum ada data", "no data yet"))
        }
    }

    static func subtitle(_ node: PohonKinerja.Node) -> String {
        switch node.kind {
        case .program, .kegiatan, .subkegiatan:
            let serapan = Serapan(pagu: node.pagu ?? 0, realised: node.realised ?? 0).percent
            return "\(kind(node.kind)) \(node.subtitle) · Rp \(IDFormat.rupiah(node.pagu ?? 0)) · "
                + L("serapan ", "absorbed ") + (serapan.map(IDFormat.percent) ?? "–")
        case .jabatan: return kind(.jabatan)
        case .lepas: return L("Baris PK yang belum dikaitkan ke indikator atasan yang berlaku", "PK rows not linked to a superior indicator in force")
        case .misi, .tujuan, .sasaran: return kind(node.kind)
        case .indikator: return node.subtitle
        }
    }

    static func band(_ node: PohonKinerja.Node, _ engine: CapaianEngine) -> PredikatBand? {
        node.figure?.capaian.map { engine.scale.band(for: $0) }
    }

    /// The boxes of the tree, coloured by the predikat of each node's capaian.
    static func diagram(_ tree: PohonKinerja, engine: CapaianEngine) -> TreeDiagram {
        var index: [String: Int] = [:]
        for (i, node) in tree.nodes.enumerated() { index[node.id] = i }
        let boxes = tree.nodes.map { node in
            TreeDiagram.Box(depth: node.depth, parent: node.parent.flatMap { index[$0] }, title: title(node),
                            subtitle: subtitle(node), value: value(node), tone: KinerjaParts.tone(band(node, engine)),
                            kind: node.kind.rawValue, mark: node.gaps.isEmpty ? nil : node.gaps.map(gap).joined(separator: "; "))
        }
        let arcs = tree.crosscutting.compactMap { edge -> TreeDiagram.Arc? in
            // A crosscutting link the row already hangs by is its elbow; only the others need an arc.
            guard let from = index[edge.from], let to = index[edge.to], tree.nodes[from].parent != edge.to else { return nil }
            return TreeDiagram.Arc(from: from, to: to)
        }
        return TreeDiagram(boxes: boxes, arcs: arcs)
    }
}
