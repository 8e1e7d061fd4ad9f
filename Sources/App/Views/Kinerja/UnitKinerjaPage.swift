import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// One Perangkat Daerah's year for its Kepala: its capaian and serapan, the trend, every PK inside it ranked, the
/// head's indicators and what needs acting on.
enum UnitKinerjaPage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        var unitID: UUID
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let f = y.figures
        let pemda = PemdaRef(y.pemda)
        let name = KinerjaParts.unitName(y, m.unitID)
        let line = f.units.first { $0.unitID == m.unitID }
        let pks = f.board.pks.filter { $0.level != .pemda && y.organisation.opd(of: $0.unitID) == m.unitID }
        let warnings = f.warnings.filter { y.organisation.opd(of: $0.pk.unitID) == m.unitID }
        let here = SiteURL.of(pemda.code, .kinerjaUnit(.value(m.unitID)))
        return Layout.page(title: L("Kinerja \(name) \(y.year)", "Performance, \(name) \(y.year)"),
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"), url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                                                 Layout.Crumb(name)),
                           pemda: pemda, bodyClass: "dashboard", body: .group(
            .h1(.text(L("Kinerja \(name) \(y.year)", "Performance, \(name) \(y.year)"))),
            .p(.class("lead"), .text(L("Capaian s.d. \(Triwulan.label(f.through)), hanya dari nilai yang diterima verifikator.",
                                       "Capaian to \(Triwulan.label(f.through)), from accepted values only.")),
               .text(" "), .a(.id("ke-pohon"), .href(SiteURL.of(pemda.code, .pohon).url(["tahun": String(y.year), "tw": String(f.through), "unit": m.unitID.uuidString])),
                              .text(L("Pohon kinerja unit ini", "This unit's performance tree")))),
            KinerjaParts.quarterSwitch(y) { here.url(KinerjaParts.tahunTw(y, $0)) },
            stats(m, line: line, warnings: warnings.count),
            trend(m, line: line),
            positions(m, pks: pks),
            warningList(m, warnings: warnings)))
    }

    static func stats(_ m: Model, line: KinerjaFigures.UnitLine?, warnings: Int) -> Node<HTML.BodyContext> {
        let y = m.year
        let capaian = line?.capaian.capaian
        return .div(.class("stat-row"), .id("ringkasan"),
            .div(.class("stat"), .id("unit-capaian"), .attribute(named: "data-capaian", value: capaian?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Capaian unit", "Unit capaian"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(capaian))), KinerjaParts.badge(line?.predikat)),
            .div(.class("stat"), .id("unit-prakiraan"),
                 .span(.class("stat-label"), .text(L("Prakiraan akhir tahun", "Year-end forecast"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(line?.path.forecast.capaian)))),
            .div(.class("stat"), .id("unit-serapan"), .attribute(named: "data-serapan", value: line?.serapan?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Serapan DPA", "DPA absorption"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(line?.serapan))),
                 .span(.class("stat-note"), .text("Rp \(IDFormat.rupiah(line?.realised ?? 0)) / Rp \(IDFormat.rupiah(line?.pagu ?? 0))"))),
            .div(.class("stat"), .id("unit-efisiensi"), .attribute(named: "data-efisiensi", value: line?.efficiency?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Efisiensi (capaian ÷ serapan)", "Efficiency (capaian ÷ absorption)"))),
                 .span(.class("stat-value"), .text(line?.efficiency.map { IDFormat.number($0, maxFractionDigits: 2) } ?? "–"))),
            .div(.class("stat"), .id("unit-peringatan"),
                 .span(.class("stat-label"), .text(L("Peringatan dini", "Early warnings"))),
                 .span(.class("stat-value"), .text(String(warnings))),
                 .a(.class("stat-note"), .href(SiteURL.of(y.pemda.code, .peringatan).url(["tahun": String(y.year), "tw": String(y.figures.through),
                                                                                            "unit": m.unitID.uuidString])),
                    .text(L("Lihat daftar", "See the list")))))
    }

    static func trend(_ m: Model, line: KinerjaFigures.UnitLine?) -> Node<HTML.BodyContext> {
        let f = m.year.figures
        let capaian = Triwulan.all.map { q in q <= f.through ? line?.path.at(q).capaian : nil }
        let realised = f.board.budgetRealised[m.unitID] ?? []
        let pagu = f.board.pagu[m.unitID] ?? 0
        let serapan = Triwulan.all.map { q -> FixedDecimal? in
            guard q <= f.through else { return nil }
            let sum = realised.prefix(q).reduce(Int64(0)) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 }
            return Serapan(pagu: pagu, realised: sum).percent
        }
        let svg = SvgChart.lines(id: "chart-unit-tren", title: L("Tren per triwulan", "Trend by quarter"),
                                 description: L("Capaian unit dan serapan DPA s.d. setiap triwulan.", "The unit's capaian and DPA absorption to each quarter."),
                                 categories: Triwulan.all.map(Triwulan.label), series: [
                                     SvgChart.Series(name: L("Capaian", "Capaian"), values: capaian, style: .solid, tone: .actual),
                                     SvgChart.Series(name: L("Serapan", "Absorption"), values: serapan, style: .dashed, tone: .target),
                                 ])
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("unit-tren-table"),
            .thead(.tr(.th(.text(L("Triwulan", "Quarter"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.class("num"), .text(L("Serapan", "Absorption"))))),
            .tbody(.forEach(Array(Triwulan.all)) { q in
                .tr(.td(.text(L("s.d. ", "to ") + Triwulan.label(q))),
                    .td(.class("num"), .attribute(named: "data-capaian", value: capaian[q - 1]?.description ?? "", ignoreIfValueIsEmpty: false), .text(KinerjaParts.percent(capaian[q - 1]))),
                    .td(.class("num"), .text(KinerjaParts.percent(serapan[q - 1]))))
            }))
        return .section(.id("tren"), .h2(.text(L("Tren per triwulan", "Trend by quarter"))),
                        KinerjaParts.figure(id: "fig-unit-tren", caption: L("Capaian unit = capaian PK kepala unit.", "The unit's capaian is its head's PK."),
                                            svg: svg, table: table))
    }

    /// Every PK in force inside the unit, best first, each linked to its realisation page.
    static func positions(_ m: Model, pks: [CapaianBoard.Pk]) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let ranked = pks.map { (pk: $0, r: f.path($0.id)?.at(f.through) ?? Rollup.mean([])) }
            .sorted { a, b in a.r.ranks(before: b.r) ?? (a.pk.id.uuidString < b.pk.id.uuidString) }
        let svg = SvgChart.rankedBars(id: "chart-jabatan", title: L("Capaian PK per jabatan", "Capaian by position"),
                                      description: L("PK yang berlaku di unit ini, dari capaian tertinggi.", "The PKs in force in this unit, highest first."),
                                      bars: ranked.map { item in
                                          SvgChart.Bar(label: KinerjaParts.positionName(y, item.pk.jabatanID), value: item.r.capaian,
                                                       tone: KinerjaParts.tone(f.predikat(item.r.capaian)),
                                                       missingLabel: item.r.tdi > 0 && item.r.measured == 0 ? "TDI" : L("belum ada data", "no data yet"))
                                      }, reference: FixedDecimal(100))
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("jabatan-table"),
            .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Pejabat", "Official"))), .th(.class("num"), .text(L("Indikator", "Indicators"))),
                       .th(.class("num"), .text(L("Capaian", "Capaian"))), .th(.text("Predikat")), .th(.class("num"), .text(L("Prakiraan", "Forecast"))))),
            .tbody(.forEach(ranked) { item in
                .tr(.attribute(named: "data-pk", value: item.pk.id.uuidString),
                    .td(.a(.href(SiteURL.pk(y.pemda.code, item.pk.id, .realisasi).url(["tw": String(f.through)])),
                           .text(KinerjaParts.positionName(y, item.pk.jabatanID)))),
                    .td(.text(KinerjaParts.holderName(y, item.pk.jabatanID) ?? "–")),
                    .td(.class("num"), .text(String(item.r.total))),
                    KinerjaParts.capaianCell(item.r),
                    .td(KinerjaParts.badge(f.predikat(item.r.capaian))),
                    .td(.class("num"), .text(KinerjaParts.percent(f.path(item.pk.id)?.forecast.capaian))))
            }))
        // The head's PKs: those at the unit's highest level, as the unit's figure is measured (`PemdaCapaian`).
        let rank = { (pk: CapaianBoard.Pk) in PkLevel.allCases.firstIndex(of: pk.level) ?? PkLevel.allCases.count }
        let top = pks.map(rank).min()
        let head = ranked.map(\.pk).filter { rank($0) == top }
        return .group(
            .section(.id("jabatan"), .h2(.text(L("PK yang berlaku", "PKs in force"))),
                     pks.isEmpty ? .p(.class("muted"), .text(L("Belum ada PK yang ditandatangani di unit ini.", "No signed PK in this unit yet.")))
                         : KinerjaParts.figure(id: "fig-jabatan", caption: L("Setiap PK dihitung dari indikatornya sendiri.", "Each PK is measured by its own indicators."),
                                               svg: svg, table: table)),
            .forEach(head) { indicators(m, pk: $0) })
    }

    /// The head's indicators, each linked to its own page.
    static func indicators(_ m: Model, pk: CapaianBoard.Pk) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let rows = f.rows(of: pk.id)
        return .section(.id("indikator-\(pk.id.uuidString)"),
            .h2(.text(L("Indikator \(KinerjaParts.positionName(y, pk.jabatanID))", "Indicators, \(KinerjaParts.positionName(y, pk.jabatanID))"))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("Sasaran")), .th(.text(L("Indikator", "Indicator"))), .th(.class("num"), .text("Target")),
                           .th(.class("num"), .text(L("Realisasi s.d.", "To date"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                           .th(.text("Predikat")), .th(.class("num"), .text(L("Prakiraan", "Forecast"))))),
                .tbody(.forEach(rows) { row in
                    let c = f.indicator(row)
                    return .tr(.id("indikator-\(row.key)"),
                        .td(.text(row.sasaran)),
                        .td(.a(.href(SiteURL.pk(y.pemda.code, pk.id, .indikator).url(["baris": row.key, "tw": String(f.through)])), .text(row.indikator))),
                        .td(.class("num"), .text(TargetDisplay.text(row.target, spec: row.spec))),
                        .td(.class("num"), .text(c.map { RealisasiSections.value($0.toDate.realisasi.value, spec: row.spec) } ?? "–")),
                        .td(.class("num"), .attribute(named: "data-capaian", value: c?.toDate.capaian.capped?.description ?? "", ignoreIfValueIsEmpty: false),
                            .text(c.map { KinerjaParts.result($0.toDate.capaian) } ?? "–")),
                        .td(KinerjaParts.badge(c?.predikat)),
                        .td(.class("num"), .text(c.map { KinerjaParts.result($0.forecast) } ?? "–")))
                }))))
    }

    static func warningList(_ m: Model, warnings: [KinerjaFigures.Warning]) -> Node<HTML.BodyContext> {
        .section(.id("peringatan"), .h2(.text(L("Peringatan dini", "Early warnings"))),
                 EarlyWarningPage.table(m.year, warnings: Array(warnings.prefix(30)), showUnit: false),
                 .if(warnings.count > 30, .p(.a(.href(SiteURL.of(m.year.pemda.code, .peringatan).url(["tahun": String(m.year.year),
                                                                                                      "unit": m.unitID.uuidString])),
                                                .text(L("Semua \(warnings.count) peringatan", "All \(warnings.count) warnings"))))))
    }
}
