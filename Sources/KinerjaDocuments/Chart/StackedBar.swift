import KinerjaCore

extension SvgChart {
    /// One part of a 100 % bar, e.g. the PKs signed, in progress or not started.
    public struct Segment: Sendable, Hashable {
        public var label: String
        /// Negative counts are drawn as 0.
        public var count: Int
        public var tone: Tone

        public init(label: String, count: Int, tone: Tone) {
            self.label = label
            self.count = count
            self.tone = tone
        }
    }

    /// One horizontal bar split by share of the total, with a legend of the counts. With nothing to count the bar is
    /// an empty outline rather than a division by zero.
    public static func stackedBar(id: String, title: String, description: String, segments: [Segment]) -> String {
        let counts = segments.map { Swift.max($0.count, 0) }
        // Summed in Double: Int addition of hostile counts (Int.max twice) would trap.
        let total = counts.reduce(0.0) { $0 + Double($1) }
        let legend = StackedLegend(labels: zip(segments, counts).map { legendText($0.0, $0.1) }, width: 640)
        let l = StackedBarLayout(legendRows: legend.rows)
        return document(id: id, kind: "stacked", width: l.width, height: l.height, title: title,
                        description: description) { w in
            if total > 0 {
                var cumulative = 0.0
                for (segment, count) in zip(segments, counts) where count > 0 {
                    // Edges from cumulative shares, so rounding never leaves a gap or overshoots the frame.
                    let start = l.left + cumulative / total * l.barWidth
                    cumulative += Double(count)
                    let end = l.left + cumulative / total * l.barWidth
                    w.open("rect", [("class", "chart-segment " + segment.tone.className),
                                    ("x", SvgWriter.number(start)), ("y", SvgWriter.number(l.top)),
                                    ("width", SvgWriter.number(end - start)),
                                    ("height", SvgWriter.number(l.barHeight))])
                    w.title(legendText(segment, count))
                    w.close("rect")
                }
            }
            w.leaf("rect", [("class", total > 0 ? "chart-frame" : "chart-frame chart-empty"),
                            ("x", SvgWriter.number(l.left)), ("y", SvgWriter.number(l.top)),
                            ("width", SvgWriter.number(l.barWidth)), ("height", SvgWriter.number(l.barHeight)),
                            ("fill", "none")])
            w.open("g", [("class", "chart-legend")])
            for (index, segment) in segments.enumerated() {
                let slot = legend.slots[index]
                let y = l.legendTop + Double(slot.row) * l.legendRow
                w.leaf("rect", [("class", "chart-swatch " + segment.tone.className), ("x", SvgWriter.number(slot.x)),
                                ("y", SvgWriter.number(y + 4)), ("width", "12"), ("height", "12")])
                w.text("text", [("class", "chart-label"), ("x", SvgWriter.number(slot.x + 18)),
                                ("y", SvgWriter.number(y + 14))], legend.labels[index])
            }
            w.close("g")
        }
    }

    /// Counts grouped the Indonesian way; built from the digits because `FixedDecimal(Int)` would trap on huge ones.
    private static func legendText(_ segment: Segment, _ count: Int) -> String {
        segment.label + ": " + IDFormat.grouped(String(count))
    }
}

/// Legend items flowed left to right, wrapping to a new row when the next would pass the right edge.
struct StackedLegend {
    let labels: [String]
    let slots: [(x: Double, row: Int)]
    let rows: Int

    init(labels full: [String], width: Double) {
        labels = full.map { ChartText.truncated($0, to: 60) }
        var slots: [(x: Double, row: Int)] = []
        var x = 8.0
        var row = 0
        for label in labels {
            let itemWidth = 18 + ChartText.estimatedWidth(label) + 20
            if x > 8, x + itemWidth > width - 8 {
                x = 8
                row += 1
            }
            slots.append((x, row))
            x += itemWidth
        }
        self.slots = slots
        rows = labels.isEmpty ? 0 : row + 1
    }
}

/// Geometry of the stacked bar, in viewBox units.
struct StackedBarLayout {
    let width = 640.0
    let left = 8.0
    let top = 8.0
    let barHeight = 28.0
    let legendRow = 22.0
    let legendRows: Int

    var barWidth: Double { width - 2 * left }
    var legendTop: Double { top + barHeight + 10 }
    var height: Double { legendTop + Double(legendRows) * legendRow + 6 }
}
