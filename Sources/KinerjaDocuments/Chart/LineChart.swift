import KinerjaCore

extension SvgChart {
    /// One line over the categories, e.g. the target or the realisation per quarter.
    public struct Series: Sendable, Hashable {
        public enum Style: String, Sendable, Hashable {
            case solid
            /// For targets and plans, so that they differ from actual values without relying on colour.
            case dashed
        }

        public var name: String
        /// One per category; nil breaks the line, extra values are ignored, missing ones count as nil.
        public var values: [FixedDecimal?]
        public var style: Style
        public var tone: Tone

        public init(name: String, values: [FixedDecimal?], style: Style = .solid, tone: Tone = .actual) {
            self.name = name
            self.values = values
            self.style = style
            self.tone = tone
        }
    }

    /// Lines over categories such as ["TW I", "TW II", "TW III", "TW IV"], a dot with its value's tooltip at each
    /// known value, and a legend below. A nil value ends one path and the next known value starts another: joining
    /// across it would draw a trend through a quarter that has no data.
    /// - Parameter format: how a point's tooltip writes its value: a percentage (capaian, serapan) or a number in the
    ///   indicator's own unit. With `.number`, pass `maxValue`: the automatic axis is made for percentages.
    public static func lines(id: String, title: String, description: String, categories: [String], series: [Series],
                             maxValue: FixedDecimal? = nil, format: ValueFormat = .percent) -> String {
        let l = LineChartLayout(categories: categories.count, series: series.count)
        let scale = ChartScale(explicit: maxValue, data: series.flatMap { $0.values.prefix(categories.count) }
            .compactMap { $0 })
        return document(id: id, kind: "lines", width: l.width, height: l.height, title: title,
                        description: description) { w in
            ChartAxes.vertical(&w, scale: scale, left: l.left, width: l.plotWidth, top: l.top, height: l.plotHeight)
            for (index, category) in categories.enumerated() {
                w.text("text", [("class", "chart-axis"), ("x", SvgWriter.number(l.x(index))),
                                ("y", SvgWriter.number(l.bottom + 18)), ("text-anchor", "middle")],
                       ChartText.truncated(category, to: l.categoryLimit))
            }
            for one in series {
                let points = categories.indices.map { index -> (x: Double, y: Double, value: FixedDecimal)? in
                    guard index < one.values.count, let value = one.values[index] else { return nil }
                    return (l.x(index), l.bottom - scale.fraction(value) * l.plotHeight, value)
                }
                w.open("g", [("class", "chart-series")])
                for run in runs(points) {
                    var d = ""
                    for (offset, p) in run.enumerated() {
                        d += (offset == 0 ? "M" : " L") + SvgWriter.number(p.x) + " " + SvgWriter.number(p.y)
                    }
                    w.leaf("path", lineAttributes(one, [("d", d)]))
                }
                for (index, point) in points.enumerated() {
                    guard let point else { continue }
                    w.open("circle", [("class", "chart-dot " + one.tone.className), ("cx", SvgWriter.number(point.x)),
                                      ("cy", SvgWriter.number(point.y)), ("r", "3.5")])
                    w.title(one.name + ", " + categories[index] + ": " + ChartText.value(point.value, format))
                    w.close("circle")
                }
                w.close("g")
            }
            legend(&w, series, layout: l)
        }
    }

    /// Consecutive known points; each run becomes one path (a lone point too, so that a path count tells the runs).
    private static func runs<T>(_ points: [T?]) -> [[T]] {
        var runs: [[T]] = []
        var current: [T] = []
        for point in points {
            if let point {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private static func lineAttributes(_ series: Series, _ geometry: SvgWriter.Attributes) -> SvgWriter.Attributes {
        var attributes: SvgWriter.Attributes = [("class", "chart-line " + series.tone.className)] + geometry
        // An attribute, not CSS: the dash carries meaning (target vs actual) and must survive without the stylesheet.
        if series.style == .dashed { attributes.append(("stroke-dasharray", "6 4")) }
        return attributes
    }

    private static func legend(_ w: inout SvgWriter, _ series: [Series], layout l: LineChartLayout) {
        w.open("g", [("class", "chart-legend")])
        for (index, one) in series.enumerated() {
            let y = l.legendTop + Double(index) * l.legendRow
            let mid = SvgWriter.number(y + l.legendRow / 2)
            w.leaf("path", lineAttributes(one, [("d", "M" + SvgWriter.number(l.left) + " " + mid + " h28")]))
            w.text("text", [("class", "chart-label"), ("x", SvgWriter.number(l.left + 36)), ("y", mid), ("dy", "4")],
                   ChartText.truncated(one.name, to: 80))
        }
        w.close("g")
    }
}

/// Geometry of the line chart, in viewBox units: a fixed plot, category labels under it and one legend row per
/// series, so long series names never overlap.
struct LineChartLayout {
    let width = 640.0
    let left = 56.0
    let right = 20.0
    let top = 14.0
    let plotHeight = 220.0
    let legendRow = 20.0
    let categories: Int
    let series: Int

    var plotWidth: Double { width - left - right }
    var bottom: Double { top + plotHeight }
    var legendTop: Double { bottom + 30 }
    var height: Double { legendTop + Double(series) * legendRow + 6 }
    /// Roughly what fits in one category's slot at 11px.
    var categoryLimit: Int { categories > 0 ? Swift.max(4, Int(plotWidth / Double(categories) / 6.5)) : 4 }

    /// The centre of a category's slot; only called with a valid index, so `categories` is > 0.
    func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * plotWidth / Double(categories) }
}
