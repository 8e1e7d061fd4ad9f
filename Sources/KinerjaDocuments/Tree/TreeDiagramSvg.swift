extension TreeDiagram {
    static let width: Double = 1000
    static let rowHeight: Double = 46
    static let boxHeight: Double = 40
    static let indent: Double = 22
    static let gutter: Double = 44
    static let margin: Double = 6

    static func boxX(_ box: Box) -> Double { margin + Double(depth(box)) * indent }
    static var boxRight: Double { width - gutter - margin }

    /// The tree as one inline `<svg>` for a page under a strict CSP: no script, colours through the `chart-tone-*` and
    /// `tree-*` classes. Labels are cut to fit their box; the table beside it carries them whole.
    public func svg(id: String, title: String, description: String) -> String {
        let height = Double(Swift.max(boxes.count, 1)) * Self.rowHeight + Self.margin
        return SvgChart.document(id: id, kind: "tree", width: Self.width, height: height, title: title,
                                 description: description) { w in
            func top(_ i: Int) -> Double { Self.margin + Double(i) * Self.rowHeight }
            // Elbows first, so that boxes cover their ends.
            w.open("g", [("class", "tree-edges")])
            for (i, box) in boxes.enumerated() {
                guard let p = box.parent, boxes.indices.contains(p), p < i else { continue }
                let x = Self.boxX(boxes[p]) + 10
                let path = "M" + SvgWriter.number(x) + " " + SvgWriter.number(top(p) + Self.boxHeight)
                    + " V" + SvgWriter.number(top(i) + Self.boxHeight / 2) + " H" + SvgWriter.number(Self.boxX(box))
                w.leaf("path", [("d", path), ("class", "tree-edge")])
            }
            w.close("g")
            for (i, box) in boxes.enumerated() {
                let x = Self.boxX(box)
                let y = top(i)
                let boxWidth = Self.boxRight - x
                var classes = "tree-node tree-" + SvgChart.sanitizedID(box.kind)
                if box.mark != nil { classes += " tree-gap" }
                w.open("g", [("class", classes)])
                w.title([box.title, box.subtitle, box.value, box.mark].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "))
                w.leaf("rect", [("x", SvgWriter.number(x)), ("y", SvgWriter.number(y)), ("width", SvgWriter.number(boxWidth)),
                                ("height", SvgWriter.number(Self.boxHeight)), ("rx", "4"), ("class", "tree-box")])
                w.leaf("rect", [("x", SvgWriter.number(x)), ("y", SvgWriter.number(y)), ("width", "6"),
                                ("height", SvgWriter.number(Self.boxHeight)), ("class", box.tone.className)])
                let valueWidth = 84.0
                let textRoom = Swift.max(boxWidth - 16 - valueWidth, 40)
                let chars = Int(textRoom / 6.8)
                w.text("text", [("x", SvgWriter.number(x + 12)), ("y", SvgWriter.number(y + 16)), ("class", "tree-title")],
                       ChartText.truncated(box.title, to: chars))
                let second = [box.mark, box.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
                w.text("text", [("x", SvgWriter.number(x + 12)), ("y", SvgWriter.number(y + 32)),
                                ("class", box.mark == nil ? "tree-sub" : "tree-sub tree-mark")],
                       ChartText.truncated(second, to: Int(textRoom / 6.0)))
                w.text("text", [("x", SvgWriter.number(x + boxWidth - 8)), ("y", SvgWriter.number(y + 25)),
                                ("text-anchor", "end"), ("class", "tree-value")], ChartText.truncated(box.value, to: 12))
                w.close("g")
            }
            w.open("g", [("class", "tree-arcs")])
            for arc in arcs {
                let x = Self.boxRight
                let (y1, y2) = (top(arc.from) + Self.boxHeight / 2, top(arc.to) + Self.boxHeight / 2)
                let bend = x + Swift.min(Self.gutter - 4, 12 + abs(y2 - y1) / 40)
                let path = "M" + SvgWriter.number(x) + " " + SvgWriter.number(y1) + " C" + SvgWriter.number(bend) + " "
                    + SvgWriter.number(y1) + " " + SvgWriter.number(bend) + " " + SvgWriter.number(y2) + " "
                    + SvgWriter.number(x) + " " + SvgWriter.number(y2)
                w.leaf("path", [("d", path), ("class", "tree-arc")])
                w.leaf("circle", [("cx", SvgWriter.number(x + 2)), ("cy", SvgWriter.number(y2)), ("r", "3"), ("class", "tree-arc-end")])
            }
            w.close("g")
        }
    }
}
