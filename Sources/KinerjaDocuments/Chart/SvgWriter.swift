/// Builds SVG markup as text. Every attribute value and every text node goes through `escape`, so a caller's label
/// can never close an element or smuggle markup into a page.
struct SvgWriter {
    typealias Attributes = [(name: String, value: String)]

    private(set) var markup = ""

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        markup += "<" + name + Self.render(attributes) + ">"
    }

    mutating func close(_ name: String) { markup += "</" + name + ">" }

    mutating func leaf(_ name: String, _ attributes: Attributes) {
        markup += "<" + name + Self.render(attributes) + "/>"
    }

    mutating func text(_ name: String, _ attributes: Attributes, _ content: String) {
        open(name, attributes)
        markup += Self.escape(content)
        close(name)
    }

    /// The tooltip and accessible name of its parent element.
    mutating func title(_ content: String) { text("title", [], content) }

    /// Runs `body` inside `<a href>` when the link survives `ChartText.safeHref`, so rows without a link stay plain.
    mutating func linked(_ href: String?, _ body: (inout SvgWriter) -> Void) {
        guard let href = ChartText.safeHref(href) else { return body(&self) }
        open("a", [("href", href), ("class", "chart-link")])
        body(&self)
        close("a")
    }

    static func render(_ attributes: Attributes) -> String {
        var out = ""
        for attribute in attributes { out += " " + attribute.name + "=\"" + escape(attribute.value) + "\"" }
        return out
    }

    /// Escapes the five XML specials and drops characters XML 1.0 forbids outright (C0 controls, U+FFFE, U+FFFF):
    /// one such byte in a pasted label would otherwise make the whole page's SVG ill-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal and always a "." separator: `String(format:)` and number formatters
    /// follow the locale and would write "12,5" on an Indonesian server. Non-finite input becomes 0 and the range is
    /// bounded so that the conversion to Int can never trap.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let bounded = Swift.min(Swift.max(value, -1e9), 1e9)
        let tenths = Int((bounded * 10).rounded())
        let magnitude = tenths.magnitude
        let whole = String(magnitude / 10)
        let fraction = magnitude % 10
        return (tenths < 0 ? "-" : "") + whole + (fraction == 0 ? "" : "." + String(fraction))
    }
}
