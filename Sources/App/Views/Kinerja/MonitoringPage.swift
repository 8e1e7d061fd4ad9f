import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// The quarterly monitoring report on screen: the same `TabularReport` as its PDF, with the unit and quarter to read.
enum MonitoringPage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        var unit: UUID?
        var report: TabularReport
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let pemda = PemdaRef(y.pemda)
        let query: (Int) -> KeyValuePairs<String, String?> = { q in ["tahun": String(y.year), "tw": String(q), "unit": m.unit?.uuidString] }
        let units = y.organisation.unitRows().filter(\.isPerangkatDaerah)
        return Layout.page(title: m.report.title, crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"),
                                                                                          url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                                                                      Layout.Crumb(L("Laporan E.81", "E.81 report"))),
                           pemda: pemda, bodyClass: "report", body: .group(
            .h1(.text(m.report.title)),
            .p(.class("lead"), .text(m.report.subtitle.joined(separator: " · "))),
            .form(.class("search"), .method(.get), .action(SiteURL.of(pemda.code, .laporan)),
                  .input(.type(.hidden), .name("tahun"), .value(String(y.year))),
                  .input(.type(.hidden), .name("tw"), .value(String(y.figures.through))),
                  .label(.for("unit"), .text(L("Perangkat Daerah", "Agency"))),
                  FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Pemda (rekapitulasi)", "Pemda (summary)"))]
                                          + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                          selected: m.unit?.uuidString ?? ""),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            KinerjaParts.quarterSwitch(y) { SiteURL.of(pemda.code, .laporan).url(query($0)) },
            .p(.a(.class("button"), .id("laporan-pdf"), .href(SiteURL.of(pemda.code, .laporanPdf).url(query(y.figures.through))),
                  .text(L("Unduh PDF", "Download PDF")))),
            .forEach(m.report.sections) { section in
                .section(.id("e81-\(section.id)"),
                    .h2(.text(section.title)),
                    .div(.class("scroll"), .table(.class("data report-table"),
                        .thead(.tr(.forEach(section.columns) { c in .th(.class(c.numeric ? "num" : ""), .text(c.title)) })),
                        .tbody(.forEach(section.rows) { row in
                            .tr(.class(row.bold ? "group" : ""), .attribute(named: "data-key", value: row.key ?? ""),
                                .forEach(Array(section.columns.enumerated())) { i, c in
                                    .td(.class(c.numeric ? "num" : ""), .text(row.cells.indices.contains(i) ? row.cells[i] : ""))
                                })
                        }))),
                    .unwrap(section.note) { .p(.class("muted"), .text($0)) })
            },
            .p(.class("muted"), .text(m.report.footer))))
    }
}
