import KinerjaCore

extension SvgChart {
    /// One unit in the serapan–capaian plane.
    public struct Point: Sendable, Hashable {
        public var label: String
        /// Serapan (budget absorption), %; nil leaves the point out.
        public var x: FixedDecimal?
        /// Capaian (achievement), %; nil leaves the point out.
        public var y: FixedDecimal?
        public var tone: Tone
        public var href: String?

        public init(label: String, x: FixedDecimal?, y: FixedDecimal?, tone: Tone = .actual, href: String? = nil) {
            self.label = label
            self.x = x
            self.y = y
            self.tone = tone
            self.href = href
        }
    }

    /// Serapan (x) against capaian (y), with dashed lines at 100 % on either axis when in range, so the four
    /// quadrants (spent and achieved, spent but not achieved, …) can be read at a glance. A point missing either
    /// coordinate is not drawn: placing it on an axis would claim a 0 % that nobody reported.
    public static func scatter(id: String, title: String, description: String, points: [Point], xLabel: String,
                               yLabel: String, maxX: FixedDecimal? = nil, maxY: FixedDecimal? = nil) -> String {
        let plotted = points.compactMap { point in point.x.flatMap { x in point.y.map { y in (point, x, y) } } }
        let xScale = ChartScale(explicit: maxX, data: plotted.map(\.1))
        let yScale = ChartScale(explicit: maxY, data: plotted.map(\.2))
        let l = ScatterLayout()
        return document(id: id, kind: "scatter", width: l.width, height: l.height, title: title,
                        description: description) { w in
            ChartAxes.horizontal(&w, scale: xScale, left: l.left, width: l.plotWidth, top: l.top, bottom: l.bottom)
            ChartAxes.vertical(&w, scale: yScale, left: l.left, width: l.plotWidth, top: l.top, height: l.plotHeight)
            w.text("text", [("class", "chart-axis-title"), ("x", SvgWriter.number(l.left + l.plotWidth / 2)),
                            ("y", SvgWriter.number(l.height - 8)), ("text-anchor", "middle")], xLabel)
            let yTitleX = SvgWriter.number(14)
            let yTitleY = SvgWriter.number(l.top + l.plotHeight / 2)
            w.text("text", [("class", "chart-axis-title"), ("x", yTitleX), ("y", yTitleY), ("text-anchor", "middle"),
                            ("transform", "rotate(-90 " + yTitleX + " " + yTitleY + ")")], yLabel)
            if xScale.contains(100) {
                let x = l.left + xScale.fraction(100) * l.plotWidth
                ChartAxes.reference(&w, x1: x, y1: l.top, x2: x, y2: l.bottom)
            }
            if yScale.contains(100) {
                let y = l.bottom - yScale.fraction(100) * l.plotHeight
                ChartAxes.reference(&w, x1: l.left, y1: y, x2: l.left + l.plotWidth, y2: y)
            }
            for (point, x, y) in plotted {
                w.linked(point.href) { w in
                    w.open("circle", [("class", "chart-point " + point.tone.className),
                                      ("cx", SvgWriter.number(l.left + xScale.fraction(x) * l.plotWidth)),
                                      ("cy", SvgWriter.number(l.bottom - yScale.fraction(y) * l.plotHeight)),
                                      ("r", "5")])
                    w.title(point.label + " — " + xLabel + ": " + ChartText.percent(x) + ", " + yLabel + ": "
                        + ChartText.percent(y))
                    w.close("circle")
                }
            }
        }
    }
}

/// Geometry of the scatter plot, in viewBox units: room on the left for tick labels and the rotated y title,
/// below for tick labels and the x title.
struct ScatterLayout {
    let width = 640.0
    let height = 440.0
    let left = 64.0
    let top = 16.0
    let bottom = 388.0
    let right = 20.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { bottom - top }
}
