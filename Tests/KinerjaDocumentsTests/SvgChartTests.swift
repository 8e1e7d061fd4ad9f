import Foundation
import KinerjaCore
import Testing
@testable import KinerjaDocuments

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Charts are embedded in pages as markup: every test parses the output as XML, so an escaping slip or a stray
/// attribute fails here rather than breaking a dashboard.
@Suite struct SvgChartTests {
    typealias Bar = SvgChart.Bar

    @Test func ranked_bars_draw_one_rect_per_known_value_with_widths_in_proportion() throws {
        let svg = SvgChart.rankedBars(
            id: "capaian-opd", title: "Capaian per OPD", description: "Capaian kinerja triwulan III",
            bars: [
                Bar(label: "Dinas Pendidikan", value: FixedDecimal(100), tone: .good, missingLabel: "TDI"),
                Bar(label: "Dinas Kesehatan", value: FixedDecimal(50), tone: .poor, missingLabel: "TDI"),
                Bar(label: "Bappeda", value: nil, tone: .neutral, missingLabel: "belum ada data"),
            ],
            maxValue: FixedDecimal(100), reference: .hundred)
        let root = try parse(svg)
        let rects = root.all("rect").filter { $0.hasClass("chart-bar") }
        #expect(rects.count == 2)
        let widths = try rects.map { try #require(Double($0["width"] ?? "")) }
        #expect(widths[0] > 0)
        #expect(abs(widths[1] * 2 - widths[0]) < 0.2)
        #expect(rects[0].hasClass("chart-tone-good") && rects[1].hasClass("chart-tone-poor"))
        let missing = root.all("text").filter { $0.hasClass("chart-missing") }
        #expect(missing.map(\.text) == ["belum ada data"])
        #expect(root.all("text").contains { $0.text == "50,00%" })
        #expect(root.all("line").filter { $0.hasClass("chart-reference") }.count == 1)
    }

    @Test func more_bars_make_a_taller_chart() throws {
        let few = try parse(bars(count: 2))
        let many = try parse(bars(count: 12))
        #expect(try viewBoxHeight(many) > viewBoxHeight(few))
        #expect(few["width"] == "100%" && few["height"] == nil)
    }

    @Test func hostile_labels_are_escaped_and_come_back_intact() throws {
        let label = "A <b>&\"quoted\"' \u{0007}"
        let svg = SvgChart.rankedBars(
            id: "x", title: "Title <&>", description: "Desc \"'",
            bars: [Bar(label: label, value: FixedDecimal(80), missingLabel: "TDI")])
        #expect(!svg.contains("<b>"))
        let root = try parse(svg)
        #expect(root.all("title").first?.text == "Title <&>")
        #expect(root.all("desc").first?.text == "Desc \"'")
        // The bell character is not allowed in XML and is dropped; everything else survives.
        #expect(root.all("text").contains { $0.text == "A <b>&\"quoted\"' " })
    }

    @Test func long_labels_are_cut_with_the_full_text_in_the_title() throws {
        let label = String(repeating: "Sekretariat Daerah ", count: 4)
        let root = try parse(SvgChart.rankedBars(
            id: "x", title: "t", description: "d", bars: [Bar(label: label, value: FixedDecimal(70), missingLabel: "TDI")]))
        let shown = try #require(root.all("text").first { $0.hasClass("chart-label") }?.text)
        #expect(shown.count == 38 && shown.hasSuffix("…"))
        #expect(root.all("title").contains { $0.text.hasPrefix(label) })
    }

    @Test func huge_values_clamp_to_the_axis_without_trapping() throws {
        let svg = SvgChart.rankedBars(
            id: "x", title: "t", description: "d",
            bars: [
                Bar(label: "Huge", value: FixedDecimal(units: Int64.max), missingLabel: "TDI"),
                Bar(label: "Tiny", value: FixedDecimal(units: Int64.min), missingLabel: "TDI"),
                Bar(label: "Full", value: FixedDecimal(100), missingLabel: "TDI"),
            ],
            maxValue: FixedDecimal(100))
        let root = try parse(svg)
        let widths = root.all("rect").filter { $0.hasClass("chart-bar") }.compactMap { Double($0["width"] ?? "") }
        #expect(widths.count == 3)
        #expect(widths[0] == widths[2])
        #expect(widths[1] == 0)
        assertFiniteGeometry(root)
        // With an automatic axis the outlier is clamped too, and the axis stays readable.
        let automatic = try parse(SvgChart.rankedBars(
            id: "x", title: "t", description: "d",
            bars: [Bar(label: "Huge", value: .max, missingLabel: "TDI")], maxValue: nil, reference: .max))
        assertFiniteGeometry(automatic)
        #expect(automatic.all("line").filter { $0.hasClass("chart-reference") }.isEmpty)
        // An explicit huge axis maximum still yields a handful of ticks.
        let hugeAxis = try parse(SvgChart.rankedBars(
            id: "x", title: "t", description: "d", bars: [], maxValue: .max))
        let hugeTicks = hugeAxis.all("text").filter { $0.hasClass("chart-axis") }.map(\.text)
        #expect((2...21).contains(hugeTicks.count))
        #expect(hugeTicks.allSatisfy { !$0.contains(",") })  // whole numbers, not a saturated 6-digit fraction
        assertFiniteGeometry(hugeAxis)
        let lines = try parse(SvgChart.lines(
            id: "x", title: "t", description: "d", categories: ["TW I", "TW II"],
            series: [SvgChart.Series(name: "s", values: [.max, .min])], maxValue: .max))
        assertFiniteGeometry(lines)
    }

    @Test func a_non_positive_axis_maximum_falls_back_to_100() throws {
        for maxValue in [FixedDecimal.zero, FixedDecimal(-5)] {
            let root = try parse(SvgChart.rankedBars(
                id: "x", title: "t", description: "d",
                bars: [Bar(label: "a", value: FixedDecimal(50), missingLabel: "TDI")], maxValue: maxValue))
            let ticks = root.all("text").filter { $0.hasClass("chart-axis") }.map(\.text)
            #expect(ticks == ["0", "25", "50", "75", "100"])
            assertFiniteGeometry(root)
        }
    }

    @Test func links_wrap_rows_and_unsafe_schemes_are_dropped() throws {
        let root = try parse(SvgChart.rankedBars(
            id: "x", title: "t", description: "d",
            bars: [
                Bar(label: "a", value: FixedDecimal(50), missingLabel: "TDI", href: "/opd/1?tahun=2027&tw=3"),
                Bar(label: "b", value: FixedDecimal(60), missingLabel: "TDI", href: " java\tscript:alert(1)"),
            ]))
        #expect(root.all("a").map { $0["href"] } == ["/opd/1?tahun=2027&tw=3"])
    }

    @Test func scatter_leaves_out_points_without_both_values_and_draws_the_100_lines() throws {
        let svg = SvgChart.scatter(
            id: "serapan-capaian", title: "Serapan dan capaian", description: "Per OPD",
            points: [
                SvgChart.Point(label: "Dinas A", x: FixedDecimal(80), y: FixedDecimal(95), tone: .good),
                SvgChart.Point(label: "Dinas B", x: nil, y: FixedDecimal(70)),
                SvgChart.Point(label: "Dinas C", x: FixedDecimal(60), y: nil),
                SvgChart.Point(label: "Dinas D", x: FixedDecimal(100), y: FixedDecimal(50), href: "/opd/d"),
            ],
            xLabel: "Serapan", yLabel: "Capaian", maxX: FixedDecimal(100), maxY: FixedDecimal(120))
        let root = try parse(svg)
        let circles = root.all("circle")
        #expect(circles.count == 2)
        #expect(circles.first?.all("title").first?.text == "Dinas A — Serapan: 80,00%, Capaian: 95,00%")
        #expect(root.all("line").filter { $0.hasClass("chart-reference") }.count == 2)
        #expect(root.all("a").count == 1)
        let xTicks = root.all("g").first { $0.hasClass("chart-axis-x") }?.all("text").map(\.text)
        #expect(xTicks == ["0", "25", "50", "75", "100"])
        // Serapan 100 % on a 0–100 axis sits on the right edge, capaian 50 % of 120 below the middle.
        let d = try #require(circles.last)
        let cx = try #require(Double(d["cx"] ?? "")), cy = try #require(Double(d["cy"] ?? ""))
        #expect(abs(cx - (64 + 556)) < 0.1)
        #expect(abs(cy - (388 - 372 * 50 / 120)) < 0.1)
    }

    @Test func scatter_skips_a_reference_line_outside_its_axis() throws {
        let root = try parse(SvgChart.scatter(
            id: "s", title: "t", description: "d",
            points: [SvgChart.Point(label: "a", x: .max, y: .min)],
            xLabel: "x", yLabel: "y", maxX: FixedDecimal(80), maxY: FixedDecimal(100)))
        #expect(root.all("line").filter { $0.hasClass("chart-reference") }.count == 1)
        assertFiniteGeometry(root)
    }

    @Test func lines_break_at_nil_and_tolerate_short_or_long_value_lists() throws {
        let svg = SvgChart.lines(
            id: "tw", title: "Capaian per triwulan", description: "Target dan realisasi",
            categories: ["TW I", "TW II", "TW III", "TW IV"],
            series: [
                SvgChart.Series(name: "Realisasi", values: [FixedDecimal(1), FixedDecimal(2), nil, FixedDecimal(4)]),
                SvgChart.Series(name: "Target", values: [FixedDecimal(25)], style: .dashed, tone: .target),
                SvgChart.Series(name: "Extra", values: Array(repeating: FixedDecimal(50), count: 9), tone: .neutral),
            ])
        let root = try parse(svg)
        let groups = root.all("g").filter { $0.hasClass("chart-series") }
        #expect(groups.count == 3)
        #expect(groups.map { $0.all("path").count } == [2, 1, 1])
        #expect(groups.map { $0.all("circle").count } == [3, 1, 4])
        #expect(groups[0].all("path")[0]["d"]?.contains("L") == true)
        #expect(groups[1].all("path")[0]["stroke-dasharray"] != nil)
        #expect(groups[0].all("path")[0]["stroke-dasharray"] == nil)
        #expect(groups[0].all("title").map(\.text).contains("Realisasi, TW IV: 4,00%"))
        let legend = try #require(root.all("g").first { $0.hasClass("chart-legend") })
        #expect(legend.all("text").map(\.text) == ["Realisasi", "Target", "Extra"])
        assertFiniteGeometry(root)
    }

    @Test func lines_without_categories_or_series_still_make_a_valid_chart() throws {
        let root = try parse(SvgChart.lines(id: "e", title: "t", description: "d", categories: [], series: [
            SvgChart.Series(name: "a", values: [FixedDecimal(10)]),
        ]))
        #expect(root.all("path").filter { $0.hasClass("chart-line") }.count == 1)  // the legend sample only
        assertFiniteGeometry(root)
    }

    @Test func stacked_bar_splits_by_share_and_clamps_negative_counts() throws {
        let root = try parse(SvgChart.stackedBar(
            id: "pk-status", title: "Status PK", description: "Jumlah PK per status",
            segments: [
                SvgChart.Segment(label: "Sudah", count: 3, tone: .good),
                SvgChart.Segment(label: "Proses", count: 1, tone: .fair),
                SvgChart.Segment(label: "Belum", count: -7, tone: .bad),
            ]))
        let segments = root.all("rect").filter { $0.hasClass("chart-segment") }
        #expect(segments.count == 2)
        let widths = segments.compactMap { Double($0["width"] ?? "") }
        #expect(abs(widths[0] - 3 * widths[1]) < 0.2)
        #expect(abs(widths.reduce(0, +) - 624) < 0.2)
        let legend = try #require(root.all("g").first { $0.hasClass("chart-legend") })
        #expect(legend.all("text").map(\.text) == ["Sudah: 3", "Proses: 1", "Belum: 0"])
    }

    @Test func stacked_bar_with_nothing_counted_is_an_empty_outline() throws {
        let svg = SvgChart.stackedBar(id: "z", title: "Status", description: "Kosong", segments: [
            SvgChart.Segment(label: "Sudah", count: 0, tone: .good),
            SvgChart.Segment(label: "Belum", count: 0, tone: .bad),
        ])
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
        let root = try parse(svg)
        #expect(root.all("rect").filter { $0.hasClass("chart-segment") }.isEmpty)
        #expect(root.all("rect").filter { $0.hasClass("chart-empty") }.count == 1)
        assertFiniteGeometry(root)
    }

    @Test func stacked_bar_with_huge_counts_does_not_trap() throws {
        let root = try parse(SvgChart.stackedBar(id: "h", title: "t", description: "d", segments: [
            SvgChart.Segment(label: "a", count: Int.max, tone: .good),
            SvgChart.Segment(label: "b", count: Int.max, tone: .bad),
        ]))
        #expect(root.all("rect").filter { $0.hasClass("chart-segment") }.count == 2)
        assertFiniteGeometry(root)
    }

    @Test func ids_are_sanitised_and_name_the_title_and_description() throws {
        let svg = SvgChart.stackedBar(id: "a\" onload=\"x <é>", title: "t", description: "d", segments: [])
        let root = try parse(svg)
        #expect(root["onload"] == nil)
        let labelledBy = try #require(root["aria-labelledby"])
        let ids = labelledBy.split(separator: " ").map(String.init)
        #expect(ids == ["a--onload--x-----title", "a--onload--x-----desc"])
        #expect(root.all("title").first?["id"] == ids[0])
        #expect(root.all("desc").first?["id"] == ids[1])
        #expect(root["role"] == "img")
        #expect(SvgChart.sanitizedID("") == "chart")
    }

    @Test func no_chart_uses_inline_styles_and_every_chart_is_responsive() throws {
        let charts = [
            bars(count: 3),
            SvgChart.scatter(id: "s", title: "t", description: "d",
                             points: [SvgChart.Point(label: "a", x: FixedDecimal(1), y: FixedDecimal(2))],
                             xLabel: "x", yLabel: "y"),
            SvgChart.lines(id: "l", title: "t", description: "d", categories: ["TW I"],
                           series: [SvgChart.Series(name: "a", values: [FixedDecimal(3)])]),
            SvgChart.stackedBar(id: "b", title: "t", description: "d",
                                segments: [SvgChart.Segment(label: "a", count: 1, tone: .good)]),
        ]
        for svg in charts {
            #expect(!svg.contains("style"))
            let root = try parse(svg)
            #expect(root.name == "svg" && root["width"] == "100%" && root["viewBox"] != nil)
            #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        }
    }

    @Test func coordinates_use_a_dot_and_at_most_one_decimal() {
        #expect(SvgWriter.number(12.345) == "12.3")
        #expect(SvgWriter.number(-0.04) == "0")
        #expect(SvgWriter.number(-0.25) == "-0.3")
        #expect(SvgWriter.number(7) == "7")
        #expect(SvgWriter.number(.nan) == "0")
        #expect(SvgWriter.number(.infinity) == "0")
        #expect(SvgWriter.number(1e300) == "1000000000")
    }

    // MARK: - Helpers

    func bars(count: Int) -> String {
        SvgChart.rankedBars(
            id: "b", title: "t", description: "d",
            bars: (0..<count).map { Bar(label: "OPD \($0)", value: FixedDecimal($0 * 10), missingLabel: "TDI") })
    }

    func viewBoxHeight(_ root: XMLNode) throws -> Double {
        let parts = try #require(root["viewBox"]).split(separator: " ")
        return try #require(Double(String(parts[3])))
    }

    /// Every numeric geometry attribute parses as a finite number (no "nan", "inf", or locale commas).
    func assertFiniteGeometry(_ root: XMLNode, sourceLocation: SourceLocation = #_sourceLocation) {
        let names = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "dy"]
        for node in [root] + root.all(nil) {
            for name in names {
                guard let value = node[name], !(node.name == "svg" && name == "width") else { continue }
                let number = Double(value)
                #expect(number?.isFinite == true, "\(node.name) \(name)=\(value)", sourceLocation: sourceLocation)
            }
        }
    }

    func parse(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = builder
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
        return try #require(builder.root, sourceLocation: sourceLocation)
    }
}

/// A parsed element, just enough to query charts by element name and class.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    func hasClass(_ name: String) -> Bool {
        (attributes["class"] ?? "").split(separator: " ").contains { $0 == name }
    }

    /// Descendants in document order, all of them when `name` is nil.
    func all(_ name: String?) -> [XMLNode] {
        children.flatMap { child in (name == nil || child.name == name ? [child] : []) + child.all(name) }
    }
}

final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    private var stack: [XMLNode] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: elementName, attributes: attributeDict)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
}
