import Foundation
import Testing
@testable import KinerjaDocuments

/// The tree drawn as SVG and as PDF: well-formed whatever the labels, every box once, an elbow per parent, arcs only
/// between boxes that exist, and a long tree breaking across pages with every box's title read back.
struct TreeDiagramTests {
    func sample(_ count: Int, title: (Int) -> String = { "Indikator \($0)" }) -> TreeDiagram {
        let boxes = (0..<count).map { i in
            TreeDiagram.Box(depth: i == 0 ? 0 : 1 + i % 3, parent: i == 0 ? nil : max(0, i - 1 - i % 2), title: title(i),
                            subtitle: "Dinas \(i)", value: "\(i),00%", tone: i % 2 == 0 ? .good : .bad, kind: "indikator",
                            mark: i % 5 == 4 ? "Belum ada PK" : nil)
        }
        return TreeDiagram(boxes: boxes, arcs: [.init(from: 3, to: 1), .init(from: 1, to: 1), .init(from: 2, to: 99)])
    }

    @Test func the_svg_is_well_formed_with_a_box_per_node_and_only_real_arcs() throws {
        let hostile = sample(12) { i in i == 2 ? "</text><script>alert(1)</script> & \u{1}\"'" : "Indikator \(i) " + String(repeating: "panjang ", count: 30) }
        let svg = hostile.svg(id: "pohon\"<x", title: "Pohon <kinerja>", description: "d")
        let root = try SvgChartTests().parse(svg)
        #expect(root.all("script").isEmpty)
        let nodes = root.all("g").filter { $0.hasClass("tree-node") }
        #expect(nodes.count == 12)
        #expect(nodes.filter { $0.hasClass("tree-gap") }.count == 2)
        #expect(root.all("path").filter { $0.hasClass("tree-edge") }.count == 11, "an elbow per box with a parent")
        #expect(root.all("path").filter { $0.hasClass("tree-arc") }.count == 1, "a self-arc and an arc to nowhere are dropped")
        SvgChartTests().assertFiniteGeometry(root)
        let titles = nodes.compactMap { $0.all("text").first?.text }
        #expect(titles.allSatisfy { $0.count <= 130 } && titles.contains { $0.hasSuffix("…") }, "long labels are cut to their box")
        #expect(nodes[2].all("title").first?.text.contains("<script>") == true, "the whole label stays in the tooltip, escaped")
    }

    @Test func a_long_tree_breaks_across_pages_and_every_title_reads_back() throws {
        let tree = sample(80)
        let bytes = try TreeDiagramPdf.render(tree, heading: .init(title: "Pohon kinerja Kota Contoh 2026", subtitle: ["TW III"],
                                                                   legend: ["Warna: predikat"], arcsTitle: "Kaitan lintas sektor",
                                                                   footer: "Dibuat oleh Kinerja"))
        let text = try ExternalTools.text(of: bytes)
        #expect(text.contains("POHON KINERJA KOTA CONTOH 2026") && text.contains("Kaitan lintas sektor"))
        #expect(text.contains("Halaman 3 dari"), "80 boxes need more than two pages")
        for i in [0, 1, 39, 79] { #expect(text.contains("Indikator \(i)\n") || text.contains("Indikator \(i) "), "box \(i)") }
        #expect(text.contains("Belum ada PK"))
        let empty = try TreeDiagramPdf.render(TreeDiagram(boxes: [], arcs: []), heading: .init(title: "Kosong", subtitle: [], legend: [],
                                                                                                arcsTitle: "", footer: ""))
        #expect(try ExternalTools.text(of: empty).contains("KOSONG"))
    }
}
