import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// One PK indicator through the year: the target path against the accepted values to date, the capaian, and every
/// entry with its confidence and forecast.
enum IndicatorPage {
    struct Model: Sendable {
        var context: PkContext
        var row: PkContent.Row
        var ledger: RealisasiLedger
        var measured: IndicatorCapaian
        var through: Int
    }

    /// A number the chart can draw: a range is drawn by its bounds, anything not a number not at all.
    static func number(_ target: Target?) -> (FixedDecimal?, FixedDecimal?) {
        switch target {
        case .value(let v): (v, nil)
        case .range(let lower, let upper): (lower, upper)
        default: (nil, nil)
        }
    }

    static func number(_ r: Realisasi?) -> FixedDecimal? {
        switch r {
        case .value(let v), .judged(let v): v
        default: nil
        }
    }

    /// A round top for the value axis a little above the largest value (targets and values in the indicator's unit).
    static func axisMax(_ values: [FixedDecimal]) -> FixedDecimal {
        let largest = values.max() ?? FixedDecimal(0)
        guard largest > FixedDecimal(0) else { return FixedDecimal(1) }
        return largest + largest / FixedDecimal(10)
    }

    static func render(_ m: Model) -> String {
        let c = m.context
        let pemda = PemdaRef(c.pemda)
        let row = m.row
        let path = m.measured.path
        let jabatan = c.organisation.positions[c.content.jabatanID]?.name ?? ""
        let targets = path.map { number($0.target) }
        let actual = path.enumerated().map { $0.offset < m.through ? number($0.element.realisasi.value) : nil }
        var series = [SvgChart.Series(name: L("Target s.d. triwulan", "Target to date"), values: targets.map(\.0), style: .dashed, tone: .target)]
        if targets.contains(where: { $0.1 != nil }) {
            series.append(SvgChart.Series(name: L("Batas atas target", "Upper bound"), values: targets.map(\.1), style: .dashed, tone: .target))
        }
        series.append(SvgChart.Series(name: L("Realisasi diterima s.d. triwulan", "Accepted to date"), values: actual, style: .solid, tone: .actual))
        let quantitative = row.spec.kind.isQuantitative
        let svg = SvgChart.lines(id: "chart-indikator", title: row.indikator,
                                 description: L("Target dan realisasi s.d. setiap triwulan, dalam \(row.satuan).",
                                                "Target and realisation to each quarter, in \(row.satuan)."),
                                 categories: Triwulan.all.map(Triwulan.label), series: series,
                                 maxValue: axisMax(series.flatMap(\.values).compactMap { $0 }), format: .number)
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("indikator-tren"),
            .thead(.tr(.th(.text(L("Triwulan", "Quarter"))), .th(.class("num"), .text(L("Target s.d.", "Target to date"))),
                       .th(.class("num"), .text(L("Realisasi s.d.", "To date"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.text("Predikat")))),
            .tbody(.forEach(Array(path.enumerated())) { n, p in
                let read = n < m.through
                let band = read ? c.pemda.capaianEngine.predikat(of: p.capaian) : nil
                return .tr(.td(.text(L("s.d. ", "to ") + Triwulan.label(n + 1))),
                           .td(.class("num"), .text(p.target.map { IDFormat.target($0, scale: row.spec.ordinalScale) } ?? "–")),
                           .td(.class("num"), .text(read ? RealisasiSections.value(p.realisasi.value, spec: row.spec) : "–")),
                           .td(.class("num"), .attribute(named: "data-capaian", value: read ? p.capaian.capped?.description ?? "" : "", ignoreIfValueIsEmpty: false),
                               .text(read ? KinerjaParts.result(p.capaian) : "–")),
                           .td(KinerjaParts.badge(band)))
            }))
        let entries = Triwulan.all.flatMap { q in m.ledger.quarterHistory(key: row.key, period: q) }.sorted { $0.enteredAt > $1.enteredAt }
        let zone = c.pemda.zone
        return Layout.page(title: "\(row.indikator) · \(jabatan)",
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Realisasi PK \(jabatan)", "PK realisation, \(jabatan)"),
                                                                     url: SiteURL.pk(c.pemda.code, c.content.id, .realisasi).url(["tw": String(m.through)])),
                                                 Layout.Crumb(row.indikator)),
                           pemda: pemda, body: .group(
            .h1(.text(row.indikator)),
            .p(.class("lead"), .text("\(row.sasaran) · \(jabatan) · \(c.content.year)")),
            .div(.class("stat-row"), .id("ringkasan"),
                 .div(.class("stat"), .id("indikator-target"), .span(.class("stat-label"), .text(L("Target \(c.content.year)", "\(c.content.year) target"))),
                      .span(.class("stat-value"), .text(TargetDisplay.text(row.target, spec: row.spec))), .span(.class("stat-note"), .text(row.satuan))),
                 .div(.class("stat"), .id("indikator-capaian"), .attribute(named: "data-capaian", value: m.measured.toDate.capaian.capped?.description ?? "", ignoreIfValueIsEmpty: false),
                      .span(.class("stat-label"), .text(L("Capaian s.d. \(Triwulan.label(m.through))", "Capaian to \(Triwulan.label(m.through))"))),
                      .span(.class("stat-value"), .text(KinerjaParts.result(m.measured.toDate.capaian))), KinerjaParts.badge(m.measured.predikat),
                      .span(.class("stat-note"), .text(m.measured.toDate.capaian.formula.expression))),
                 .div(.class("stat"), .id("indikator-prakiraan"),
                      .span(.class("stat-label"), .text(L("Prakiraan akhir tahun", "Year-end forecast"))),
                      .span(.class("stat-value"), .text(KinerjaParts.result(m.measured.forecast))), KinerjaParts.badge(m.measured.forecastPredikat))),
            .p(.class("muted"), .text(RealisasiDisplay.mode(row.spec) + " · " + row.spec.polarity.label.text)),
            quantitative ? KinerjaParts.figure(id: "fig-indikator", caption: L("Garis putus-putus: target; garis utuh: realisasi yang diterima verifikator.",
                                                                               "Dashed: target; solid: realisation accepted by the verifier."),
                                               svg: svg, table: table)
                         : .div(.class("scroll"), table),
            .section(.id("riwayat"), .h2(.text(L("Riwayat isian", "Entry history"))),
                entries.isEmpty ? .p(.class("muted"), .text(L("Belum ada isian.", "No entry yet."))) :
                .div(.class("scroll"), .table(.class("data"), .id("riwayat-table"),
                    .thead(.tr(.th(.text(L("Triwulan", "Quarter"))), .th(.class("num"), .text(L("Nilai", "Value"))),
                               .th(.class("num"), .text(L("Keyakinan", "Confidence"))), .th(.class("num"), .text(L("Prakiraan", "Forecast"))),
                               .th(.text("Status")), .th(.text(L("Diisi", "Entered"))), .th(.text(L("Catatan", "Notes"))))),
                    .tbody(.forEach(entries) { e in
                        .tr(.td(.text(Triwulan.label(e.period) + (e.month > 0 ? " · " + Bulan.label(e.month).text : ""))),
                            .td(.class("num"), .text(RealisasiDisplay.text(e.value, spec: row.spec))),
                            .td(.class("num"), .text(e.confidence.map { "\($0)/10" } ?? "–")),
                            .td(.class("num"), .text(e.forecast.map { RealisasiDisplay.text($0, spec: row.spec) } ?? "–")),
                            .td(.text(e.status.label.text)),
                            .td(.text(e.authorName + ", " + Fmt.moment(e.enteredAt, zone: zone))),
                            .td(.text([e.tdiReason, e.returnReason.map { L("Dikembalikan: ", "Returned: ") + $0 },
                                       e.lateReason.map { L("Koreksi terlambat: ", "Late correction: ") + $0 },
                                       e.narrative.obstacles.isEmpty ? nil : L("Penghambat: ", "Obstacles: ") + e.narrative.obstacles]
                                      .compactMap { $0 }.joined(separator: " · "))))
                    })))),
            .p(.a(.href(SiteURL.pk(c.pemda.code, c.content.id, .realisasi).url(["tw": String(m.through)]) + "#realisasi-" + row.key),
                  .text(L("Isi atau koreksi realisasi", "Enter or correct the realisation"))))))
    }
}
