import KinerjaCore

extension SvgChart {
    /// One row of a ranked bar chart: a unit, programme or indicator and its percentage.
    public struct Bar: Sendable, Hashable {
        public var label: String
        /// Nil is "no data yet" or TDI: the row gets `missingLabel` instead of a bar.
        public var value: FixedDecimal?
        public var tone: Tone
        /// Written where the bar would be, e.g. "TDI" or "belum ada data".
        public var missingLabel: String
        /// Wraps the row in a link when set.
        public var href: String?

        public init(label: String, value: FixedDecimal?, tone: Tone = .neutral, missingLabel: String,
                    href: String? = nil) {
            self.label = label
            self.value = value
            self.tone = tone
            self.missingLabel = missingLabel
            self.href = href
        }
    }

    /// Horizontal bars in the order given (the caller ranks them), labels on the left, the value at each bar's end,
    /// an optional dashed line at `reference` (e.g. 100 %). Without `maxValue` the axis is 0–100, widened for
    /// values above 100 (see `ChartScale`).
    public static func rankedBars(id: String, title: String, description: String, bars: [Bar],
                                  maxValue: FixedDecimal? = nil, reference: FixedDecimal? = nil) -> String {
        let layout = RankedBarsLayout(rows: bars.count)
        let scale = ChartScale(explicit: maxValue, data: bars.compactMap(\.value))
        return document(id: id, kind: "bars", width: layout.width, height: layout.height, title: title,
                        description: description) { w in
            ChartAxes.horizontal(&w, scale: scale, left: layout.plotLeft, width: layout.plotWidth, top: layout.top,
                                 bottom: layout.axisY)
            for (index, bar) in bars.enumerated() {
                w.linked(bar.href) { w in row(&w, bar, y: layout.rowTop(index), layout: layout, scale: scale) }
            }
            if let reference, scale.contains(ChartScale.double(reference)) {
                let x = layout.plotLeft + scale.fraction(reference) * layout.plotWidth
                ChartAxes.reference(&w, x1: x, y1: layout.top - 4, x2: x, y2: layout.axisY)
            }
        }
    }

    private static func row(_ w: inout SvgWriter, _ bar: Bar, y: Double, layout: RankedBarsLayout,
                            scale: ChartScale) {
        let valueText = bar.value.map(ChartText.percent) ?? bar.missingLabel
        let baseline = SvgWriter.number(y + layout.rowHeight / 2 + 4)
        w.open("g", [("class", "chart-row")])
        w.title(bar.label + ": " + valueText)
        w.text("text", [("class", "chart-label"), ("x", SvgWriter.number(layout.plotLeft - 8)), ("y", baseline),
                        ("text-anchor", "end")], ChartText.truncated(bar.label, to: RankedBarsLayout.labelLimit))
        if let value = bar.value {
            let width = scale.fraction(value) * layout.plotWidth
            w.leaf("rect", [("class", "chart-bar " + bar.tone.className), ("x", SvgWriter.number(layout.plotLeft)),
                            ("y", SvgWriter.number(y + (layout.rowHeight - layout.barHeight) / 2)),
                            ("width", SvgWriter.number(width)), ("height", SvgWriter.number(layout.barHeight))])
            w.text("text", [("class", "chart-value"), ("x", SvgWriter.number(layout.plotLeft + width + 6)),
                            ("y", baseline)], valueText)
        } else {
            w.text("text", [("class", "chart-missing"), ("x", SvgWriter.number(layout.plotLeft + 6)),
                            ("y", baseline)], valueText)
        }
        w.close("g")
    }
}

/// Geometry of the ranked bar chart, in viewBox units (12px text): a label column wide enough for ~38 characters,
/// the plot, and a right gutter that keeps a value such as "1.234,56%" inside the viewBox even on a full bar.
struct RankedBarsLayout {
    static let labelLimit = 38
    let width = 720.0
    let plotLeft = 276.0
    let rightGutter = 92.0
    let top = 10.0
    let rowHeight = 26.0
    let barHeight = 16.0
    let rows: Int

    var plotWidth: Double { width - plotLeft - rightGutter }
    var axisY: Double { top + Double(rows) * rowHeight }
    var height: Double { axisY + 26 }

    func rowTop(_ index: Int) -> Double { top + Double(index) * rowHeight }
}
