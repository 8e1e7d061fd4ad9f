import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// The Kepala Daerah's executive view of the year: the Pemda's capaian and serapan, the units ranked, the IKU, the
/// trend per quarter and the PK round's progress. Every figure comes from `KinerjaFigures`.
enum ExecutivePage {
    struct Model: Sendable {
        var year: KinerjaController.Year
        var round: [PkBoardRow]
    }

    static func render(_ m: Model) -> String {
        let y = m.year
        let f = y.figures
        let pemda = PemdaRef(y.pemda)
        let tw = Triwulan.label(f.through)
        let total = f.capaian.pemda.at(f.through)
        let here = SiteURL.of(pemda.code, .kinerja)
        return Layout.page(title: L("Kinerja \(pemda.name) \(y.year)", "Performance, \(pemda.name) \(y.year)"), pemda: pemda,
                           bodyClass: "dashboard", body: .group(
            .h1(.text(L("Kinerja \(pemda.name) \(y.year)", "Performance, \(pemda.name) \(y.year)"))),
            .p(.class("lead"), .text(L("Capaian s.d. \(tw), dihitung hanya dari nilai yang diterima verifikator.",
                                       "Capaian to \(tw), computed from accepted values only.")),
               .text(" "), .a(.href(SiteURL.home.url(["beranda": "1"])), .text(L("Beranda dan tugas Anda", "Home and your tasks"))),
               .text(" · "), .a(.id("ke-pimpinan"), .href(SiteURL.of(pemda.code, .pimpinan).url(KinerjaParts.tahunTw(y))),
                                .text(L("Penilaian pimpinan", "Evaluation of the heads of units"))),
               .text(" · "), .a(.id("ke-pohon"), .href(SiteURL.of(pemda.code, .pohon).url(KinerjaParts.tahunTw(y))),
                                .text(L("Pohon kinerja", "Performance tree")))),
            KinerjaParts.quarterSwitch(y) { here.url(KinerjaParts.tahunTw(y, $0)) },
            headline(m, total: total),
            units(m),
            iku(m),
            serapanCapaian(m),
            trend(m),
            round(m),
            strategic(m)))
    }

    static func headline(_ m: Model, total: RollupResult) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let band = f.predikat(total.capaian)
        let forecast = f.capaian.pemda.forecast
        let signed = m.round.filter { $0.inForce != nil || $0.hardcopy != nil }.count
        let warnings = f.warnings.count
        return .div(.class("stat-row"), .id("ringkasan"),
            .div(.class("stat"), .id("kd-capaian"), .attribute(named: "data-capaian", value: total.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Capaian \(y.pemda.name)", "\(y.pemda.name) capaian"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(total.capaian))), KinerjaParts.badge(band),
                 .span(.class("stat-note"), .text(L("\(total.measured) indikator terukur, \(total.tdi) TDI, \(total.pending) belum ada data",
                                                    "\(total.measured) indicators measured, \(total.tdi) TDI, \(total.pending) without data")))),
            .div(.class("stat"), .id("kd-prakiraan"), .attribute(named: "data-capaian", value: forecast.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Prakiraan akhir tahun", "Year-end forecast"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(forecast.capaian))), KinerjaParts.badge(f.predikat(forecast.capaian))),
            .div(.class("stat"), .id("kd-serapan"), .attribute(named: "data-serapan", value: f.serapan?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Serapan APBD s.d. \(Triwulan.label(f.through))", "APBD absorption to \(Triwulan.label(f.through))"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(f.serapan))),
                 .span(.class("stat-note"), .text("Rp \(IDFormat.rupiah(f.realised)) / Rp \(IDFormat.rupiah(f.pagu))"))),
            .div(.class("stat"), .id("kd-putaran"),
                 .span(.class("stat-label"), .text(L("PK \(y.year) ditandatangani", "PKs \(y.year) signed"))),
                 .span(.class("stat-value"), .text("\(signed) / \(m.round.count)")),
                 .a(.class("stat-note"), .href(SiteURL.of(y.pemda.code, .pkBoard).url(["tahun": String(y.year)])), .text(L("Papan PK", "PK board")))),
            .div(.class("stat"), .id("kd-peringatan"),
                 .span(.class("stat-label"), .text(L("Peringatan dini", "Early warnings"))),
                 .span(.class("stat-value"), .text(String(warnings))),
                 .a(.class("stat-note"), .href(SiteURL.of(y.pemda.code, .peringatan).url(KinerjaParts.tahunTw(y))),
                    .text(L("Lihat daftar", "See the list")))))
    }

    /// The units ranked by capaian, with their serapan and efficiency.
    static func units(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let lines = f.units
        let bars = lines.map { u in
            SvgChart.Bar(label: KinerjaParts.unitName(y, u.unitID), value: u.capaian.capaian, tone: KinerjaParts.tone(u.predikat),
                         missingLabel: u.capaian.tdi > 0 && u.capaian.measured == 0 ? "TDI" : L("belum ada data", "no data yet"))
        }
        let svg = SvgChart.rankedBars(id: "chart-unit", title: L("Capaian Perangkat Daerah", "Capaian by agency"),
                                      description: L("Perangkat Daerah diurutkan dari capaian tertinggi s.d. \(Triwulan.label(f.through)).",
                                                     "Agencies from the highest capaian to \(Triwulan.label(f.through))."),
                                      bars: bars, reference: FixedDecimal(100))
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("unit-table"),
            .caption(.text(L("Peringkat Perangkat Daerah", "Agencies ranked"))),
            .thead(.tr(.th(.text("No")), .th(.text(L("Perangkat Daerah", "Agency"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.text("Predikat")), .th(.class("num"), .text(L("Prakiraan", "Forecast"))),
                       .th(.class("num"), .text(L("Serapan", "Absorption"))), .th(.class("num"), .text(L("Efisiensi", "Efficiency"))))),
            .tbody(.forEach(Array(lines.enumerated())) { n, u in
                .tr(.attribute(named: "data-unit", value: u.unitID.uuidString),
                    .td(.text(String(n + 1))),
                    .td(.a(.href(SiteURL.of(y.pemda.code, .kinerjaUnit(.value(u.unitID))).url(KinerjaParts.tahunTw(y))),
                           .text(KinerjaParts.unitName(y, u.unitID)))),
                    KinerjaParts.capaianCell(u.capaian),
                    .td(KinerjaParts.badge(u.predikat)),
                    .td(.class("num"), .text(KinerjaParts.percent(u.path.forecast.capaian))),
                    .td(.class("num"), .attribute(named: "data-serapan", value: u.serapan?.description ?? "", ignoreIfValueIsEmpty: false), .text(KinerjaParts.percent(u.serapan))),
                    .td(.class("num"), .attribute(named: "data-efisiensi", value: u.efficiency?.description ?? "", ignoreIfValueIsEmpty: false),
                        .text(u.efficiency.map { IDFormat.number($0, maxFractionDigits: 2) } ?? "–")))
            }))
        return .section(.id("peringkat-unit"),
            .h2(.text(L("Perangkat Daerah menurut capaian", "Agencies by capaian"))),
            lines.isEmpty ? .p(.class("muted"), .text(L("Belum ada PK Perangkat Daerah yang berlaku tahun ini.", "No agency PK is in force this year.")))
                : KinerjaParts.figure(id: "fig-unit", caption: L("Capaian unit = capaian PK kepala unit (rata-rata sasaran). Efisiensi = capaian ÷ serapan.",
                                                                 "A unit's capaian is its head's PK (mean of its sasaran). Efficiency = capaian ÷ absorption."),
                                      svg: svg, table: table))
    }

    /// The Kepala Daerah's own indicators (IKU) with their traffic lights.
    static func iku(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        guard let pk = f.ikuPk else {
            return .section(.id("iku"), .h2(.text("IKU")),
                            .p(.class("muted"), .text(L("PK Kepala Daerah tahun ini belum ditandatangani.", "The regional head's PK for this year is not signed yet."))))
        }
        let rows = f.rows(of: pk.id)
        let measured = rows.map { (row: $0, c: f.indicator($0)) }
        var counts: [String: (Int, SvgChart.Tone)] = [:]
        var order: [String] = []
        for item in measured {
            let label = item.c?.predikat?.label.text ?? (item.c?.toDate.capaian.status == .tdi ? "TDI" : L("Belum ada data", "No data yet"))
            if counts[label] == nil { order.append(label) }
            counts[label] = ((counts[label]?.0 ?? 0) + 1, KinerjaParts.tone(item.c?.predikat))
        }
        let svg = SvgChart.stackedBar(id: "chart-iku", title: L("Status IKU", "IKU status"),
                                      description: L("Jumlah IKU menurut predikat capaian s.d. \(Triwulan.label(f.through)).",
                                                     "IKU by predikat to \(Triwulan.label(f.through))."),
                                      segments: order.map { SvgChart.Segment(label: $0, count: counts[$0]?.0 ?? 0, tone: counts[$0]?.1 ?? .neutral) })
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("iku-table"),
            .caption(.text(L("Indikator Kinerja Utama", "Key performance indicators"))),
            .thead(.tr(.th(.text("Sasaran")), .th(.text(L("Indikator", "Indicator"))), .th(.class("num"), .text("Target")),
                       .th(.class("num"), .text(L("Realisasi s.d.", "To date"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.text("Predikat")), .th(.class("num"), .text(L("Prakiraan", "Forecast"))))),
            .tbody(.forEach(measured) { item in
                .tr(.id("iku-\(item.row.key)"),
                    .td(.text(item.row.sasaran)),
                    .td(.a(.href(SiteURL.pk(y.pemda.code, pk.id, .indikator).url(["baris": item.row.key, "tw": String(f.through)])),
                           .text(item.row.indikator))),
                    .td(.class("num"), .text(TargetDisplay.text(item.row.target, spec: item.row.spec))),
                    .td(.class("num"), .text(item.c.map { RealisasiSections.value($0.toDate.realisasi.value, spec: item.row.spec) } ?? "–")),
                    .td(.class("num"), .attribute(named: "data-capaian", value: item.c?.toDate.capaian.capped?.description ?? "", ignoreIfValueIsEmpty: false),
                        .text(item.c.map { KinerjaParts.result($0.toDate.capaian) } ?? "–")),
                    .td(KinerjaParts.badge(item.c?.predikat)),
                    .td(.class("num"), .text(item.c.map { KinerjaParts.result($0.forecast) } ?? "–")))
            }))
        return .section(.id("iku"),
            .h2(.text(L("Indikator Kinerja Utama (PK Kepala Daerah)", "Key indicators (the regional head's PK)"))),
            KinerjaParts.figure(id: "fig-iku", caption: L("Warna mengikuti skala predikat Pemda; TDI tidak dihitung sebagai 0.",
                                                          "Colours follow the Pemda's predikat scale; TDI is never counted as 0."),
                                svg: svg, table: table),
            .p(.a(.href(SiteURL.pk(y.pemda.code, pk.id, .realisasi).url(["tw": String(f.through)])),
                  .text(L("Realisasi dan capaian PK Kepala Daerah", "The regional head's PK: realisation and capaian")))))
    }

    static func serapanCapaian(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let points = f.units.map { u in
            SvgChart.Point(label: KinerjaParts.unitName(y, u.unitID), x: u.serapan, y: u.capaian.capaian, tone: KinerjaParts.tone(u.predikat))
        }
        let svg = SvgChart.scatter(id: "chart-serapan", title: L("Serapan terhadap capaian", "Absorption against capaian"),
                                   description: L("Setiap titik satu Perangkat Daerah: serapan anggaran (sumbu datar) dan capaian kinerja (sumbu tegak).",
                                                  "Each point is an agency: budget absorption (across) and capaian (up)."),
                                   points: points, xLabel: L("Serapan (%)", "Absorption (%)"), yLabel: L("Capaian (%)", "Capaian (%)"))
        let plotted = f.units.filter { $0.serapan != nil && $0.capaian.capaian != nil }
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("serapan-table"),
            .thead(.tr(.th(.text(L("Perangkat Daerah", "Agency"))), .th(.class("num"), .text(L("Serapan", "Absorption"))),
                       .th(.class("num"), .text(L("Capaian", "Capaian"))))),
            .tbody(.forEach(plotted) { u in
                .tr(.td(.text(KinerjaParts.unitName(y, u.unitID))), .td(.class("num"), .text(KinerjaParts.percent(u.serapan))),
                    KinerjaParts.capaianCell(u.capaian))
            }))
        return .section(.id("serapan-capaian"),
            .h2(.text(L("Serapan anggaran dan capaian kinerja", "Budget absorption and capaian"))),
            plotted.isEmpty ? .p(.class("muted"), .text(L("Belum ada unit dengan serapan dan capaian sekaligus.", "No agency has both absorption and capaian yet.")))
                : KinerjaParts.figure(id: "fig-serapan", caption: L("Di atas garis 100% capaian dan di kiri garis 100% serapan: capaian tercapai dengan anggaran lebih sedikit.",
                                                                    "Above the 100% capaian line and left of 100% absorption: achieved with less budget."),
                                      svg: svg, table: table))
    }

    static func trend(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let capaian = Triwulan.all.map { q in q <= f.through ? f.capaian.pemda.at(q).capaian : nil }
        let serapan = f.serapanPath.enumerated().map { $0.offset < f.through ? $0.element : nil }
        let categories = Triwulan.all.map(Triwulan.label)
        let svg = SvgChart.lines(id: "chart-tren", title: L("Tren per triwulan", "Trend by quarter"),
                                 description: L("Capaian Pemda dan serapan APBD s.d. setiap triwulan.", "The Pemda's capaian and APBD absorption to each quarter."),
                                 categories: categories, series: [
                                     SvgChart.Series(name: L("Capaian", "Capaian"), values: capaian, style: .solid, tone: .actual),
                                     SvgChart.Series(name: L("Serapan APBD", "APBD absorption"), values: serapan, style: .dashed, tone: .target),
                                 ])
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("tren-table"),
            .thead(.tr(.th(.text(L("Triwulan", "Quarter"))), .th(.class("num"), .text(L("Capaian", "Capaian"))),
                       .th(.class("num"), .text(L("Serapan APBD", "APBD absorption"))))),
            .tbody(.forEach(Array(Triwulan.all)) { q in
                .tr(.td(.text(L("s.d. ", "to ") + Triwulan.label(q))),
                    .td(.class("num"), .attribute(named: "data-capaian", value: capaian[q - 1]?.description ?? "", ignoreIfValueIsEmpty: false), .text(KinerjaParts.percent(capaian[q - 1]))),
                    .td(.class("num"), .text(KinerjaParts.percent(serapan[q - 1]))))
            }))
        return .section(.id("tren"), .h2(.text(L("Tren per triwulan", "Trend by quarter"))),
                        KinerjaParts.figure(id: "fig-tren", caption: L("Triwulan sesudah \(Triwulan.label(f.through)) belum dibaca.",
                                                                       "Quarters after \(Triwulan.label(f.through)) are not read yet."),
                                            svg: svg, table: table))
    }

    static func round(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let counts = PkBoard.counts(m.round).stages
        let stages = PkBoard.Stage.all.filter { (counts[$0] ?? 0) > 0 }
        func tone(_ s: PkBoard.Stage) -> SvgChart.Tone {
            switch s {
            case .notDrafted: .bad
            case .status(.diterbitkan): .excellent
            case .status(.ditandatangani): .good
            case .status(.disetujui), .status(.diajukan): .fair
            case .status: .poor
            }
        }
        let svg = SvgChart.stackedBar(id: "chart-putaran", title: L("Putaran PK \(y.year)", "PK round \(y.year)"),
                                      description: L("Jabatan menurut tahap PK-nya.", "Positions by the stage of their PK."),
                                      segments: stages.map { SvgChart.Segment(label: $0.label.text, count: counts[$0] ?? 0, tone: tone($0)) })
        let table: Node<HTML.BodyContext> = .table(.class("data"), .id("putaran-table"),
            .thead(.tr(.th(.text(L("Tahap", "Stage"))), .th(.class("num"), .text(L("Jabatan", "Positions"))))),
            .tbody(.forEach(stages) { s in
                .tr(.td(.a(.href(SiteURL.of(y.pemda.code, .pkBoard).url(["tahun": String(y.year), "tahap": s.key])), .text(s.label.text))),
                    .td(.class("num"), .text(String(counts[s] ?? 0))))
            }))
        return .section(.id("putaran"), .h2(.text(L("Kemajuan putaran PK", "PK round progress"))),
                        KinerjaParts.figure(id: "fig-putaran", caption: L("\(m.round.count) jabatan wajib PK.", "\(m.round.count) positions sign a PK."),
                                            svg: svg, table: table))
    }

    /// The RPJMD roll-up: misi, tujuan and sasaran with their weights and capaian.
    static func strategic(_ m: Model) -> Node<HTML.BodyContext> {
        let y = m.year
        let f = y.figures
        let nodes = f.board.strategic
        guard !nodes.isEmpty else { return .empty }
        let ordered = f.board.strategicOrder
        return .section(.id("rpjmd-capaian"),
            .h2(.text(L("Capaian menurut RPJMD", "Capaian by RPJMD"))),
            .p(.class("muted"), .text(L("Capaian Pemda = rata-rata tertimbang misi; misi dari tujuannya, tujuan dari sasarannya, sasaran dari IKU-nya. Bobot sama kecuali diatur.",
                                        "The Pemda's capaian is the weighted mean of its misi, each from its tujuan, each from its sasaran, each from its IKU. Weights are equal unless set.")),
               .text(" "), .a(.href(SiteURL.of(y.pemda.code, .bobot).path), .text(L("Atur bobot", "Set weights")))),
            .div(.class("scroll"), .table(.class("data"), .id("rpjmd-table"),
                .thead(.tr(.th(.text(L("Misi / tujuan / sasaran", "Misi / tujuan / sasaran"))), .th(.class("num"), .text(L("Bobot", "Weight"))),
                           .th(.class("num"), .text(L("Capaian", "Capaian"))), .th(.text("Predikat")), .th(.class("num"), .text(L("Prakiraan", "Forecast"))))),
                .tbody(.forEach(ordered) { node, depth in
                    let figures = f.capaian.strategic[node.id.uuidString]
                    let label = "\(node.kind.label) \(node.number). \(node.text)"
                    return .tr(.class("depth-\(depth)"), .id("rpjmd-\(node.id.uuidString)"),
                        .td(.text(label)), .td(.class("num"), .text(IDFormat.number(node.weight))),
                        figures.map { KinerjaParts.capaianCell($0.toDate) } ?? .td(.class("num"), .text("–")),
                        .td(KinerjaParts.badge(f.predikat(figures?.toDate.capaian))),
                        .td(.class("num"), .text(KinerjaParts.percent(figures?.forecast.capaian))))
                }))))
    }
}
