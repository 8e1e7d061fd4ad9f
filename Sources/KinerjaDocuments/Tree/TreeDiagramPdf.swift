import CHaru

/// A `TreeDiagram` as an A4 PDF: the heading, a legend, then the outline of boxes page after page. An elbow whose
/// parent sits on an earlier page starts at the top of the page it continues on; extra edges are drawn where both
/// ends share a page and all of them are listed at the end, so none is lost at a page break.
public enum TreeDiagramPdf {
    static let rowHeight: Float = 27
    static let boxHeight: Float = 23
    static let indent: Float = 11
    static let gutter: Float = 18
    static let titleSize: Float = 7.5
    static let subSize: Float = 6.3

    public struct Heading: Sendable {
        public var title: String
        public var subtitle: [String]
        /// Lines under the heading: what the colours and marks mean.
        public var legend: [String]
        /// The heading of the list of extra edges, and how each is written.
        public var arcsTitle: String
        public var footer: String

        public init(title: String, subtitle: [String], legend: [String], arcsTitle: String, footer: String) {
            self.title = title
            self.subtitle = subtitle
            self.legend = legend
            self.arcsTitle = arcsTitle
            self.footer = footer
        }
    }

    public static func render(_ diagram: TreeDiagram, heading: Heading) throws -> [UInt8] {
        let pdf = try PdfDocument(compressed: true)
        pdf.setInfo(title: heading.title, creator: "Kinerja")
        let flow = try PageFlow(pdf: pdf)
        try flow.paragraph(heading.title.uppercased(), font: .bold, size: 12, align: .center)
        for line in heading.subtitle { try flow.paragraph(line, font: .bold, size: 10, align: .center) }
        flow.skip(8)
        for line in heading.legend { try flow.paragraph(line, size: 7) }
        flow.skip(8)

        let right = flow.left + flow.width - gutter
        // Where each box landed: page number and top.
        var placed: [(page: Int, top: Float)] = []
        var pageIndex = 0
        var contentTop = flow.y
        for (i, box) in diagram.boxes.enumerated() {
            if flow.y - rowHeight < flow.bottom {
                try flow.newPage()
                pageIndex += 1
                contentTop = flow.y
            }
            let top = flow.y
            placed.append((pageIndex, top))
            let page = flow.page
            let x = flow.left + Float(TreeDiagram.depth(box)) * indent
            let width = right - x
            // The elbow from the parent, or from the top of this page when the parent is on an earlier one.
            if let p = box.parent, p < i, placed.indices.contains(p) {
                let parentX = flow.left + Float(TreeDiagram.depth(diagram.boxes[p])) * indent + 6
                let from = placed[p].page == pageIndex ? placed[p].top - boxHeight : contentTop + 2
                page.gray(stroke: 0.55)
                page.polyline([(parentX, from), (parentX, top - boxHeight / 2), (x, top - boxHeight / 2)], width: 0.6)
                page.gray(stroke: 0)
            }
            let rect = PdfRect(x: x, y: top - boxHeight, width: width, height: boxHeight)
            page.fill([rect], gray: box.mark == nil ? 0.97 : 1)
            let (r, g, b) = rgb(box.tone)
            page.fill([PdfRect(x: x, y: top - boxHeight, width: 4, height: boxHeight)], red: r, green: g, blue: b)
            page.dashed(box.mark != nil) { page.stroke([rect], lineWidth: box.mark == nil ? 0.4 : 0.9) }
            let valueBytes = CP1252.encode(box.value)
            let valueWidth = PdfFont.bold.metrics.width(of: valueBytes, size: titleSize)
            let textRoom = width - 14 - max(valueWidth, 40)
            page.text(fit(box.title, width: textRoom, font: .regular, size: titleSize), x: x + 8, y: top - 9.5,
                      font: .regular, size: titleSize)
            let second = [box.mark, box.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            page.text(fit(second, width: textRoom, font: box.mark == nil ? .regular : .bold, size: subSize), x: x + 8,
                      y: top - 19, font: box.mark == nil ? .regular : .bold, size: subSize)
            page.text(valueBytes, x: x + width - 5 - valueWidth, y: top - 14.5, font: .bold, size: titleSize)
            flow.y -= rowHeight
        }
        // Extra edges where both ends share a page.
        for arc in diagram.arcs where placed[arc.from].page == placed[arc.to].page {
            let page = pdf.pages[placed[arc.from].page]
            let (y1, y2) = (placed[arc.from].top - boxHeight / 2, placed[arc.to].top - boxHeight / 2)
            page.gray(stroke: 0.35)
            page.dashed(true) {
                page.polyline([(right, y1), (right + gutter - 6, y1), (right + gutter - 6, y2), (right, y2)], width: 0.6)
            }
            page.gray(stroke: 0)
        }
        if !diagram.arcs.isEmpty {
            flow.skip(10)
            try flow.keep(40)
            try flow.paragraph(heading.arcsTitle, font: .bold, size: 9)
            flow.skip(3)
            for arc in diagram.arcs {
                let (from, to) = (diagram.boxes[arc.from], diagram.boxes[arc.to])
                try flow.paragraph("\(from.title) (\(from.subtitle))  →  \(to.title) (\(to.subtitle))", size: 7, indent: 8)
            }
        }
        flow.skip(10)
        try flow.paragraph(heading.footer, size: 7)
        PageNumbers.draw(on: pdf.pages)
        return try pdf.serialized()
    }

    /// The text cut to `width`, ending in an ellipsis when cut.
    static func fit(_ text: String, width: Float, font: PdfFont, size: Float) -> [UInt8] {
        let bytes = CP1252.encode(text).map { $0 == CP1252.lineBreak ? 0x20 : $0 }
        guard font.metrics.width(of: bytes, size: size) > width else { return bytes }
        let ellipsis: UInt8 = 0x85
        let room = width - font.metrics.width(of: ellipsis, size: size)
        var out: [UInt8] = []
        var used: Float = 0
        for byte in bytes {
            let w = font.metrics.width(of: byte, size: size)
            if used + w > room { break }
            out.append(byte)
            used += w
        }
        return out + [ellipsis]
    }

    /// The printed colour of a tone: the badges' hues, light enough for black text beside them.
    static func rgb(_ tone: SvgChart.Tone) -> (Float, Float, Float) {
        switch tone {
        case .excellent: (0.09, 0.50, 0.24)
        case .good: (0.38, 0.66, 0.25)
        case .fair: (0.93, 0.70, 0.10)
        case .poor: (0.90, 0.45, 0.13)
        case .bad: (0.78, 0.16, 0.16)
        case .neutral, .target, .actual: (0.62, 0.62, 0.62)
        }
    }
}

extension PdfPage {
    func fill(_ rects: [PdfRect], red: Float, green: Float, blue: Float) {
        guard !rects.isEmpty else { return }
        HPDF_Page_SetRGBFill(handle, red, green, blue)
        for r in rects { HPDF_Page_Rectangle(handle, r.x, r.y, r.width, r.height) }
        HPDF_Page_Fill(handle)
        HPDF_Page_SetGrayFill(handle, 0)
    }

    func gray(stroke level: Float) { HPDF_Page_SetGrayStroke(handle, level) }

    func polyline(_ points: [(Float, Float)], width: Float) {
        guard let first = points.first, points.count > 1 else { return }
        HPDF_Page_SetLineWidth(handle, width)
        HPDF_Page_MoveTo(handle, first.0, first.1)
        for point in points.dropFirst() { HPDF_Page_LineTo(handle, point.0, point.1) }
        HPDF_Page_Stroke(handle)
    }

    /// Runs `body` with a dashed line style when `dashed`, restoring solid lines after.
    func dashed(_ dashed: Bool, _ body: () -> Void) {
        guard dashed else { return body() }
        var pattern: [HPDF_UINT16] = [3, 2]
        pattern.withUnsafeMutableBufferPointer { _ = HPDF_Page_SetDash(handle, $0.baseAddress, 2, 0) }
        body()
        _ = HPDF_Page_SetDash(handle, nil, 0, 0)
    }
}
