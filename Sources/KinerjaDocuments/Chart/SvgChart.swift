import KinerjaCore

/// Charts rendered on the server as one inline `<svg>` each, for pages under a strict CSP: no scripts, no `style`
/// attributes, colours only through the `chart-*` classes in kinerja.css. They scale with their container
/// (`viewBox`, `width="100%"`), print with plain fills and never rely on hover; the page puts a data table beside
/// each chart for screen readers, so the SVG only carries a title and a description.
///
/// A nil value means "no data yet" or TDI and is never drawn as 0. Every input, however hostile, yields well-formed
/// markup without trapping.
public enum SvgChart {
    /// The colour of a bar, point, line or segment; each maps to a `chart-tone-*` class.
    public enum Tone: String, Sendable, Hashable, CaseIterable {
        case excellent, good, fair, poor, bad, neutral
        /// Target lines and planned values.
        case target
        /// Actual values beside a target.
        case actual

        /// The predikat bands' tones, so that a chart colours an item like its badge in the table beside it.
        public init(_ tone: KinerjaCore.Tone) {
            switch tone {
            case .excellent: self = .excellent
            case .good: self = .good
            case .fair: self = .fair
            case .poor: self = .poor
            case .bad: self = .bad
            }
        }

        var className: String { "chart-tone-" + rawValue }
    }

    /// Keeps [A-Za-z0-9_-] and turns anything else into "-", so a caller's id can neither break out of the attribute
    /// nor collide with selector syntax; the length is capped because ids are repeated per chart.
    static func sanitizedID(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars.prefix(64) {
            let allowed = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-")
            out.unicodeScalars.append(allowed ? scalar : "-")
        }
        return out.isEmpty ? "chart" : out
    }

    /// The root element every chart shares: its accessible name and description, and the responsive viewBox.
    static func document(id: String, kind: String, width: Double, height: Double, title: String, description: String,
                         body: (inout SvgWriter) -> Void) -> String {
        let prefix = sanitizedID(id)
        let titleID = prefix + "-title"
        let descID = prefix + "-desc"
        var w = SvgWriter()
        w.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart chart-" + kind),
            ("viewBox", "0 0 " + SvgWriter.number(width) + " " + SvgWriter.number(height)), ("width", "100%"),
            ("preserveAspectRatio", "xMidYMin meet"), ("role", "img"), ("aria-labelledby", titleID + " " + descID),
        ])
        w.text("title", [("id", titleID)], title)
        w.text("desc", [("id", descID)], description)
        body(&w)
        w.close("svg")
        return w.markup
    }
}
