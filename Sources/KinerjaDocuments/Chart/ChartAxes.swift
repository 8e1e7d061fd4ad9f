/// Gridlines, tick labels and reference lines, shared by the charts that have a value axis.
enum ChartAxes {
    /// A value axis running left to right under a plot (ranked bars, the scatter's x): vertical gridlines from `top`
    /// to `bottom`, tick labels below.
    static func horizontal(_ w: inout SvgWriter, scale: ChartScale, left: Double, width: Double, top: Double,
                           bottom: Double) {
        w.open("g", [("class", "chart-axis-x")])
        for tick in scale.ticks {
            let x = SvgWriter.number(left + scale.fraction(tick) * width)
            w.leaf("line", [("class", "chart-grid"), ("x1", x), ("y1", SvgWriter.number(top)), ("x2", x),
                            ("y2", SvgWriter.number(bottom))])
            w.text("text", [("class", "chart-axis"), ("x", x), ("y", SvgWriter.number(bottom + 16)),
                            ("text-anchor", "middle")], ChartScale.tickLabel(tick))
        }
        w.leaf("line", [("class", "chart-axis-line"), ("x1", SvgWriter.number(left)), ("y1", SvgWriter.number(bottom)),
                        ("x2", SvgWriter.number(left + width)), ("y2", SvgWriter.number(bottom))])
        w.close("g")
    }

    /// A value axis running bottom to top beside a plot (the scatter's y, the line chart): horizontal gridlines,
    /// tick labels to the left.
    static func vertical(_ w: inout SvgWriter, scale: ChartScale, left: Double, width: Double, top: Double,
                         height: Double) {
        w.open("g", [("class", "chart-axis-y")])
        for tick in scale.ticks {
            let y = SvgWriter.number(top + height - scale.fraction(tick) * height)
            w.leaf("line", [("class", "chart-grid"), ("x1", SvgWriter.number(left)), ("y1", y),
                            ("x2", SvgWriter.number(left + width)), ("y2", y)])
            w.text("text", [("class", "chart-axis"), ("x", SvgWriter.number(left - 6)), ("y", y), ("dy", "4"),
                            ("text-anchor", "end")], ChartScale.tickLabel(tick))
        }
        w.leaf("line", [("class", "chart-axis-line"), ("x1", SvgWriter.number(left)), ("y1", SvgWriter.number(top)),
                        ("x2", SvgWriter.number(left)), ("y2", SvgWriter.number(top + height))])
        w.close("g")
    }

    /// A target such as 100 %. The dash is a presentation attribute rather than CSS so that it still reads as a
    /// reference line where the stylesheet is missing (a saved page, a mail client).
    static func reference(_ w: inout SvgWriter, x1: Double, y1: Double, x2: Double, y2: Double) {
        w.leaf("line", [("class", "chart-reference"), ("x1", SvgWriter.number(x1)), ("y1", SvgWriter.number(y1)),
                        ("x2", SvgWriter.number(x2)), ("y2", SvgWriter.number(y2)), ("stroke-dasharray", "5 4")])
    }
}
