import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The RPJMD tree and a Perangkat Daerah's Renstra.
enum PlanPages {
    static func rpjmd(_ pemda: PemdaRef, _ tree: RpjmdTree) -> String {
        Layout.page(title: "RPJMD", crumbs: Layout.crumbs(pemda, Layout.Crumb("RPJMD")), pemda: pemda, body: .group(
            .h1(.text("RPJMD \(pemda.name) \(tree.periode.startYear)–\(tree.periode.endYear)")),
            Layout.actionLink(L("Kelola RPJMD", "Manage the RPJMD"), href: .of(pemda.code, .rpjmdManage),
                              if: Layout.may(.create, Subject(.rpjmd, pemda: pemda.code))),
            .p(.class("muted"), .text(L("Dasar hukum: \(tree.periode.perdaNumber), tanggal \(Fmt.date(tree.periode.perdaDate)).",
                                        "Legal basis: \(tree.periode.perdaNumber), dated \(Fmt.date(tree.periode.perdaDate))."))),
            .section(.class("visi"), .h2(.text(L("Visi", "Vision"))), .p(.text(tree.visi))),
            .forEach(tree.misi) { misi in
                .section(.class("misi"),
                    .h2(.text(L("Misi \(misi.number): \(misi.text)", "Mission \(misi.number): \(misi.text)"))),
                    .forEach(misi.tujuan) { tujuan in
                        .div(.class("tujuan"),
                            .h3(.text(L("Tujuan \(misi.number).\(tujuan.number): \(tujuan.text)",
                                        "Goal \(misi.number).\(tujuan.number): \(tujuan.text)"))),
                            .forEach(tujuan.sasaran) { sasaran in
                                .div(.class("sasaran"),
                                    .h4(.text(L("Sasaran \(misi.number).\(tujuan.number).\(sasaran.number): \(sasaran.text)",
                                                "Objective \(misi.number).\(tujuan.number).\(sasaran.number): \(sasaran.text)"))),
                                    Fmt.indicatorTable(sasaran.indikator, years: tree.years,
                                                       caption: L("Indikator sasaran", "Objective indicators")))
                            })
                    })
            }
        ))
    }

    static func renstra(_ pemda: PemdaRef, _ tree: RenstraTree) -> String {
        Layout.page(title: "Renstra \(tree.unitName)",
                    crumbs: Layout.crumbs(pemda, Layout.Crumb(L("Perangkat Daerah", "Agencies"), .of(pemda.code, .units)),
                                          Layout.Crumb("Renstra")),
                    pemda: pemda, body: .group(
            .h1(.text("Renstra \(tree.unitName) \(tree.years.first ?? 0)–\(tree.years.last ?? 0)")),
            .p(.class("muted"), .text(L("Dasar hukum: \(tree.legalNumber), tanggal \(Fmt.date(tree.legalDate)). Nomenklatur: \(tree.nomenklaturVersion).",
                                        "Legal basis: \(tree.legalNumber), dated \(Fmt.date(tree.legalDate)). Nomenclature: \(tree.nomenklaturVersion)."))),
            .h2(.text(L("Sasaran Strategis", "Strategic objectives (Sasaran Strategis)"))),
            .forEach(tree.sasaran) { s in
                .div(.class("sasaran"),
                    .h3(.text("\(s.number). \(s.text)")),
                    .unwrap(s.rpjmdSasaran) {
                        .p(.class("muted"), .text(L("Mendukung sasaran RPJMD: \($0)", "Supports RPJMD objective: \($0)")))
                    },
                    Fmt.indicatorTable(s.indikator, years: tree.years,
                                       caption: L("Indikator sasaran strategis", "Strategic objective indicators")))
            },
            .h2(.text(L("Program, Kegiatan dan Sub Kegiatan", "Programs, Kegiatan and Sub Kegiatan"))),
            .div(.class("scroll"), .table(.class("data wide"),
                .caption(.text(L("Target kinerja dan pagu indikatif (Rp)", "Performance targets and indicative budget ceilings (pagu, Rp)"))),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text("Program / Kegiatan / Sub Kegiatan")),
                           .th(.text(L("Indikator", "Indicator"))),
                           .th(.text(L("Satuan", "Unit of measure"))),
                           .forEach(tree.years) { .th(.class("num"), .text("Target \($0)")) },
                           .forEach(tree.years) { .th(.class("num"), .text(L("Pagu \($0) (Rp)", "Budget ceiling \($0) (Rp)"))) })),
                .tbody(.forEach(flatten(tree.programs)) { item in
                    .tr(.class("lvl-\(item.level.rawValue)"),
                        .td(.class("code"), .text(item.code)),
                        .td(.text(item.name)),
                        .td(.text(item.indikator.first?.name ?? "–")),
                        .td(.text(item.indikator.first?.satuan ?? "")),
                        .forEach(tree.years) { year in
                            .td(.class("num"), .text(item.indikator.first.map { Fmt.target($0, year: year) } ?? "–"))
                        },
                        .forEach(tree.years) { year in
                            .td(.class("num"), .text(Fmt.rupiah(item.pagu.first { $0.year == year }?.amount)))
                        })
                })))
        ))
    }

    static func flatten(_ items: [RenstraTree.ItemNode]) -> [RenstraTree.ItemNode] {
        items.flatMap { [$0] + flatten($0.children) }
    }
}
