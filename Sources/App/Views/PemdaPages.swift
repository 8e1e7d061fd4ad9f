import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The home page and a Pemda's profile, units and positions.
enum PemdaPages {
    static func home(_ list: [PemdaSummary]) -> String {
        Layout.page(title: "Beranda", body: .group(
            .h1(.text("Kinerja")),
            .p(.class("lead"), .text("Perjanjian Kinerja, capaian dan laporan kinerja Pemerintah Daerah dalam satu sistem.")),
            .table(.class("data"),
                .caption(.text("Pemerintah Daerah")),
                .thead(.tr(.th(.text("Pemda")), .th(.text("Kode")), .th(.text("Jenis")),
                           .th(.class("num"), .text("Perangkat Daerah")), .th(.class("num"), .text("Unit")))),
                .tbody(.forEach(list) { p in
                    .tr(.td(.a(.href("/pemda/\(p.code)"), .text(p.name))), .td(.text(p.code)),
                        .td(.text(p.kind.rawValue.capitalized)), .td(.class("num"), .text(String(p.perangkatDaerahCount))),
                        .td(.class("num"), .text(String(p.unitCount))))
                })),
            .if(list.isEmpty, .p(.class("muted"), .text("Belum ada Pemda. Jalankan `kinerja demo` untuk membuat Kota Contoh.")))
        ))
    }

    static func profile(_ d: PemdaDetail) -> String {
        let s = d.summary
        return Layout.page(title: s.name, crumbs: [.init(title: "Beranda", url: "/"), .init(title: s.name, url: nil)],
                           pemda: (s.code, s.name), body: .group(
            .h1(.text("Pemerintah \(s.name)")),
            .dl(.class("facts"),
                .dt(.text(s.kepalaDaerahTitle)), .dd(.text(d.kepalaDaerah?.name ?? "–")),
                .dt(.text("Kode wilayah")), .dd(.text(s.code)),
                .dt(.text("Periode RPJMD")),
                .dd(.text(d.rpjmd.map { "\($0.startYear)–\($0.endYear) (\($0.perdaNumber), \(Fmt.date($0.perdaDate)))" } ?? "Belum ada")),
                .dt(.text("Perangkat Daerah")), .dd(.text("\(s.perangkatDaerahCount) PD, \(s.unitCount) unit")),
                .dt(.text("Jabatan")), .dd(.text("\(d.jabatanCount) jabatan, \(d.pegawaiCount) pegawai")),
                .dt(.text("Skala predikat")), .dd(.text(PredikatScale.builtin.first { $0.id == d.predikatScale }?.name.id ?? d.predikatScale)),
                .dt(.text("Batas capaian")), .dd(.text(d.capaianCap == .none ? "Tanpa batas" : "\(d.capaianCap.rawValue)%"))),
            .ul(.class("links"),
                .li(.a(.href("/pemda/\(s.code)/rpjmd"), .text("RPJMD: visi, misi, tujuan, sasaran dan IKU"))),
                .li(.a(.href("/pemda/\(s.code)/unit"), .text("Perangkat Daerah dan unit kerja"))),
                .li(.a(.href("/pemda/\(s.code)/jabatan"), .text("Jabatan dan pejabat"))))
        ))
    }

    static func units(_ pemda: Pemda, _ rows: [UnitRow]) -> String {
        Layout.page(title: "Perangkat Daerah", crumbs: crumbs(pemda, "Perangkat Daerah"), pemda: (pemda.code, pemda.name),
                    body: .group(
            .h1(.text("Perangkat Daerah \(pemda.name)")),
            Layout.actionLink("Tambah unit", href: "/pemda/\(pemda.code)/unit/baru",
                              if: Layout.may(.create, Subject(.unit, pemda: pemda.code))),
            .table(.class("data"),
                .caption(.text("\(rows.filter(\.isPerangkatDaerah).count) Perangkat Daerah, \(rows.count) unit")),
                .thead(.tr(.th(.text("Kode")), .th(.text("Nama")), .th(.text("Jenis")), .th(.text("Bidang urusan")),
                           .th(.text("Renstra")))),
                .tbody(.forEach(rows) { u in
                    .tr(.class(u.depth == 0 ? "lvl0" : "lvl1"),
                        .td(.class("code"), .text(u.code)),
                        .td(.style("padding-left: \(0.5 + Double(u.depth) * 1.5)rem"), .text(u.name)),
                        .td(.text(u.kind.label)),
                        .td(.text(u.bidangCodes.joined(separator: ", "))),
                        .td(u.hasRenstra ? .group(.a(.href("/pemda/\(pemda.code)/renstra/\(u.id.uuidString)"), .text("Lihat Renstra")),
                                                  .text(" · "), .a(.href("/pemda/\(pemda.code)/rkt/\(u.id.uuidString)"), .text("RKT")))
                                         : .text("")))
                }))
        ))
    }

    static func jabatan(_ pemda: Pemda, _ rows: [JabatanRow], date: CalendarDate) -> String {
        Layout.page(title: "Jabatan", crumbs: crumbs(pemda, "Jabatan"), pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Jabatan dan Pejabat")),
            .if(Layout.may(.create, Subject(.jabatan, pemda: pemda.code)),
                .p(.class("actions"),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/jabatan/baru"), .text("Tambah jabatan")),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/pegawai/baru"), .text("Tambah pegawai")),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/penugasan/baru"), .text("Tetapkan pejabat")))),
            .p(.class("muted"), .text("Pejabat per \(IDFormat.date(date)). Susunan mengikuti atasan langsung.")),
            .table(.class("data"),
                .caption(.text("\(rows.count) jabatan, \(rows.filter { $0.holders.isEmpty }.count) kosong")),
                .thead(.tr(.th(.text("Jabatan")), .th(.text("Tingkat")), .th(.text("Eselon")), .th(.text("Unit")),
                           .th(.text("Pejabat")))),
                .tbody(.forEach(rows) { j in
                    .tr(.td(.style("padding-left: \(0.5 + Double(j.depth) * 1.25)rem"), .text(j.name)),
                        .td(.text(j.level.label.id)), .td(.text(j.eselon)), .td(.text(j.unitName ?? "–")),
                        .td(Fmt.holder(j.holders)))
                }))
        ))
    }

    static func crumbs(_ pemda: Pemda, _ title: String) -> [Layout.Crumb] {
        [.init(title: "Beranda", url: "/"), .init(title: pemda.name, url: "/pemda/\(pemda.code)"), .init(title: title, url: nil)]
    }
}
