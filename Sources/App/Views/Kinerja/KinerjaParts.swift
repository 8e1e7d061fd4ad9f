import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// What the year's views share: the quarter switch, a capaian with its predikat, a chart with its table beside it,
/// and the names of units and positions.
enum KinerjaParts {
    typealias Year = KinerjaController.Year

    /// "TW I … TW IV" links to the same view read through another quarter.
    static func quarterSwitch(_ y: Year, url: (Int) -> String) -> Node<HTML.BodyContext> {
        .nav(.class("tabs"), .id("tw-switch"), .attribute(named: "aria-label", value: L("Triwulan", "Quarter")),
             .ul(.forEach(Array(Triwulan.all)) { q in
                 q == y.figures.through
                     ? .li(.strong(.attribute(named: "aria-current", value: "page"), .text(L("s.d. ", "to ") + Triwulan.label(q))))
                     : .li(.a(.href(url(q)), .text(L("s.d. ", "to ") + Triwulan.label(q))))
             }))
    }

    static func percent(_ value: FixedDecimal?) -> String { value.map(IDFormat.percent) ?? "–" }

    /// A capaian cell: the figure (its canonical value in `data-capaian` for the tests and the API's readers), or why
    /// there is none.
    static func capaianCell(_ r: RollupResult) -> Node<HTML.TableRowContext> {
        .td(.class("num"), .attribute(named: "data-capaian", value: r.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
            .text(r.capaian.map(IDFormat.percent) ?? (r.tdi > 0 && r.measured == 0 ? "TDI" : L("belum ada data", "no data yet"))))
    }

    static func badge(_ band: PredikatBand?) -> Node<HTML.BodyContext> {
        .unwrap(band) { .span(.class("badge tone-\($0.tone.rawValue)"), .text($0.label.text)) }
    }

    static func tone(_ band: PredikatBand?) -> SvgChart.Tone { band.map { SvgChart.Tone($0.tone) } ?? .neutral }

    /// A chart and its data table side by side (stacked on a phone): the table is the chart for a screen reader and
    /// for anyone who wants the figures, and carries the links; the chart holds none, since it is hidden from
    /// assistive technology and a link in it would be a tab stop no one hears.
    static func figure(id: String, caption: String, svg: String, table: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .class("chart-pair"), .id(id),
            .div(.class("chart-box"), .attribute(named: "aria-hidden", value: "true"), .raw(svg)),
            .div(.class("chart-data scroll"), table),
            .element(named: "figcaption", nodes: [.class("muted"), .text(caption)]),
        ])
    }

    static func unitName(_ y: Year, _ id: UUID?) -> String {
        id.flatMap { y.organisation.units[$0]?.name } ?? L("(unit tidak dikenal)", "(unknown unit)")
    }

    static func positionName(_ y: Year, _ id: UUID) -> String {
        y.organisation.positions[id]?.name ?? L("(jabatan tidak dikenal)", "(unknown position)")
    }

    static func holderName(_ y: Year, _ position: UUID) -> String? {
        y.organisation.holder(of: position, on: y.figures.today)?.name
    }

    static func tahunTw(_ y: Year, _ q: Int? = nil) -> KeyValuePairs<String, String?> {
        ["tahun": String(y.year), "tw": String(q ?? y.figures.through)]
    }

    /// Where a warning is fixed: the indicator's row on the PK's realisation page for the quarter, or its evidence
    /// row when evidence is what is missing.
    static func fixURL(_ y: Year, pk: UUID, key: String, period: Int, kind: EarlyWarningSignal.Kind? = nil) -> String {
        SiteURL.pk(y.pemda.code, pk, .realisasi).url(["tw": String(period)]) + (kind == .buktiMissing ? "#bukti-" : "#realisasi-") + key
    }

    /// How a measured indicator reads: the figure to date, or TDI, or "no data yet".
    static func result(_ r: CapaianResult) -> String {
        switch r.status {
        case .measured: r.capped.map(IDFormat.percent) ?? "–"
        case .tdi: "TDI"
        case .pending: L("belum ada data", "no data yet")
        }
    }
}
