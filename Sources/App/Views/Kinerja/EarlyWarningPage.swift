import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The early warning of a Pemda or one unit: every indicator that needs acting on before the year closes, each line
/// linked to where it is fixed.
enum EarlyWarningPage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        var unit: UUID?
        var kind: EarlyWarningSignal.Kind?
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let pemda = PemdaRef(y.pemda)
        let scoped = y.figures.warnings.filter { w in m.unit.map { y.organisation.opd(of: w.pk.unitID) == $0 } ?? true }
        let shown = scoped.filter { w in m.kind.map { w.signal.kind == $0 } ?? true }
        let counts = Dictionary(grouping: scoped, by: \.signal.kind).mapValues(\.count)
        let title = m.unit.map { L("Peringatan dini \(KinerjaParts.unitName(y, $0))", "Early warnings, \(KinerjaParts.unitName(y, $0))") }
            ?? L("Peringatan dini \(pemda.name)", "Early warnings, \(pemda.name)")
        func url(_ kind: EarlyWarningSignal.Kind?) -> String {
            SiteURL.of(pemda.code, .peringatan).url(["tahun": String(y.year), "tw": String(y.figures.through),
                                                       "unit": m.unit?.uuidString, "jenis": kind?.rawValue])
        }
        let units = y.organisation.unitRows().filter(\.isPerangkatDaerah)
        return Layout.page(title: "\(title) \(y.year)",
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"),
                                                                     url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                                                 Layout.Crumb(L("Peringatan dini", "Early warnings"))),
                           pemda: pemda, body: .group(
            .h1(.text("\(title) \(y.year)")),
            .p(.class("lead"), .text(L("Prakiraan di bawah target, isian yang belum masuk saat jadwal ditutup, TDI, bukti dukung yang belum ada, dan isian yang dikembalikan tetapi belum diperbaiki.",
                                       "Forecasts below target, entries missing when a window closed, TDI, missing evidence, and returned entries not yet corrected."))),
            .form(.class("search"), .method(.get), .action(SiteURL.of(pemda.code, .peringatan)),
                  .input(.type(.hidden), .name("tahun"), .value(String(y.year))),
                  .input(.type(.hidden), .name("tw"), .value(String(y.figures.through))),
                  .label(.for("unit"), .text(L("Perangkat Daerah", "Agency"))),
                  FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                          + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                          selected: m.unit?.uuidString ?? ""),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            .nav(.class("tabs"), .id("jenis-switch"), .attribute(named: "aria-label", value: L("Jenis peringatan", "Kind of warning")), .ul(
                m.kind == nil ? .li(.strong(.text(L("Semua (\(scoped.count))", "All (\(scoped.count))"))))
                              : .li(.a(.href(url(nil)), .text(L("Semua (\(scoped.count))", "All (\(scoped.count))")))),
                .forEach(EarlyWarningSignal.Kind.allCases) { kind in
                    let label = "\(kind.label.text) (\(counts[kind] ?? 0))"
                    return m.kind == kind ? .li(.strong(.text(label)))
                                          : .li(.a(.href(url(kind)), .attribute(named: "data-jenis", value: kind.rawValue), .text(label)))
                })),
            table(y, warnings: shown, showUnit: m.unit == nil)))
    }

    static func table(_ y: KinerjaController.Year, warnings: [KinerjaFigures.Warning], showUnit: Bool) -> Node<HTML.BodyContext> {
        guard !warnings.isEmpty else {
            return .p(.class("muted"), .id("peringatan-kosong"), .text(L("Tidak ada peringatan.", "No warnings.")))
        }
        return .div(.class("scroll"), .table(.class("data"), .id("peringatan-table"),
            .thead(.tr(.if(showUnit, .th(.text(L("Perangkat Daerah", "Agency")))), .th(.text(L("Jabatan", "Position"))),
                       .th(.text(L("Indikator", "Indicator"))), .th(.text(L("Triwulan", "Quarter"))), .th(.text(L("Peringatan", "Warning"))),
                       .th(.text(L("Tindakan", "Action"))))),
            .tbody(.forEach(warnings) { w in
                .tr(.class("warning-\(w.signal.kind.rawValue)"), .attribute(named: "data-jenis", value: w.signal.kind.rawValue),
                    .if(showUnit, .td(.text(KinerjaParts.unitName(y, y.organisation.opd(of: w.pk.unitID) ?? w.pk.unitID)))),
                    .td(.text(w.pk.level == .pemda ? L("Kepala Daerah", "Regional head") : KinerjaParts.positionName(y, w.pk.jabatanID))),
                    .td(.text(w.row.indikator)),
                    .td(.text(Triwulan.label(w.signal.period))),
                    .td(.text(w.signal.kind.label.text), .unwrap(w.signal.capaian) { .span(.class("muted"), .text(" (" + IDFormat.percent($0) + ")")) }),
                    .td(.a(.href(KinerjaParts.fixURL(y, pk: w.pk.id, key: w.row.key, period: w.signal.period, kind: w.signal.kind)), .text(action(w.signal.kind)))))
            })))
    }

    static func action(_ kind: EarlyWarningSignal.Kind) -> String {
        switch kind {
        case .returned: L("Perbaiki isian", "Correct the entry")
        case .missing: L("Isi realisasi", "Enter the realisation")
        case .tdi: L("Lengkapi data", "Supply the data")
        case .buktiMissing: L("Unggah bukti", "Upload evidence")
        case .forecastBelowTarget: L("Tinjau upaya", "Review the actions")
        }
    }
}
