import KinerjaCore

/// Text that goes into a chart: labels cut to fit their column and links vetted before they become `href`s.
enum ChartText {
    /// Cuts on characters (grapheme clusters), never inside one, so an accented letter or emoji stays whole.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard limit > 1, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// A rough width of `text` in viewBox units at the chart's 12px font; servers cannot measure text, and the
    /// estimate only has to keep legends from overlapping.
    static func estimatedWidth(_ text: String) -> Double { Double(text.count) * 6.8 }

    /// Only relative links and http(s)/mailto survive. The CSP already blocks `javascript:` URLs, but a chart should
    /// not depend on every page setting it. Browsers ignore tabs, newlines and leading spaces in a URL, so they are
    /// ignored here too before the scheme is read.
    static func safeHref(_ href: String?) -> String? {
        guard let href else { return nil }
        let compact = String(href.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        guard !compact.isEmpty else { return nil }
        guard let colon = compact.firstIndex(of: ":") else { return href }
        if let delimiter = compact.firstIndex(where: { "/?#".contains($0) }), delimiter < colon { return href }
        let scheme = compact[..<colon]
        return ["http", "https", "mailto"].contains(scheme) ? href : nil
    }
}

extension ChartText {
    /// The largest magnitude (in units) that `IDFormat.percent` can round to two decimals without saturating: at
    /// ±FixedDecimal.max the rounded value keeps six fraction digits and `percent` traps padding them. A multiple of
    /// 10^4, so rounding it is exact.
    static let percentLimit: Int64 = 9_223_372_036_854_770_000

    /// `IDFormat.percent` made total: a hostile value shows as the largest figure it can print instead of trapping.
    static func percent(_ value: FixedDecimal) -> String {
        IDFormat.percent(FixedDecimal(units: Swift.min(Swift.max(value.units, -percentLimit), percentLimit)))
    }
}

extension SvgChart {
    /// How a chart writes the values it is given.
    public enum ValueFormat: Sendable, Hashable {
        case percent
        case number
    }
}

extension ChartText {
    static func value(_ value: FixedDecimal, _ format: SvgChart.ValueFormat) -> String {
        switch format {
        case .percent: percent(value)
        case .number: IDFormat.number(value, maxFractionDigits: 2)
        }
    }
}
