import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The home page and a Pemda's profile, units and positions.
enum PemdaPages {
    static func home(_ list: [PemdaSummary]) -> String {
        Layout.page(title: L("Beranda", "Home"), body: .group(
            .h1(.text("Kinerja")),
            .p(.class("lead"), .text(L("Perjanjian Kinerja, capaian dan laporan kinerja Pemerintah Daerah dalam satu sistem.",
                                       "Performance agreements (Perjanjian Kinerja), achievements and performance reports of local governments in one system."))),
            Layout.actionLink(L("Tambah Pemda", "Add a Pemda"), href: "/pemda/baru", if: Layout.may(.create, Subject(.pemda, pemda: nil))),
            .table(.class("data"),
                .caption(.text(L("Pemerintah Daerah", "Local governments (Pemerintah Daerah)"))),
                .thead(.tr(.th(.text("Pemda")), .th(.text(L("Kode", "Code"))), .th(.text(L("Jenis", "Type"))),
                           .th(.class("num"), .text(L("Perangkat Daerah", "Agencies"))), .th(.class("num"), .text(L("Unit", "Units"))))),
                .tbody(.forEach(list) { p in
                    .tr(.td(.a(.href("/pemda/\(p.code)"), .text(p.name))), .td(.text(p.code)),
                        .td(.text(p.kind.rawValue.capitalized)), .td(.class("num"), .text(String(p.perangkatDaerahCount))),
                        .td(.class("num"), .text(String(p.unitCount))))
                })),
            .if(list.isEmpty, .p(.class("muted"), .text(L("Belum ada Pemda. Jalankan `kinerja demo` untuk membuat Kota Contoh.",
                                                          "No Pemda yet. Run `kinerja demo` to create Kota Contoh."))))
        ))
    }

    static func profile(_ d: PemdaDetail) -> String {
        let s = d.summary
        return Layout.page(title: s.name, crumbs: [.init(title: L("Beranda", "Home"), url: "/"), .init(title: s.name, url: nil)],
                           pemda: (s.code, s.name), body: .group(
            .h1(.text(L("Pemerintah \(s.name)", "Government of \(s.name)"))),
            .dl(.class("facts"),
                .dt(.text(s.kepalaDaerahTitle)), .dd(.text(d.kepalaDaerah?.name ?? "–")),
                .dt(.text(L("Kode wilayah", "Region code"))), .dd(.text(s.code)),
                .dt(.text(L("Periode RPJMD", "RPJMD period"))),
                .dd(.text(d.rpjmd.map { "\($0.startYear)–\($0.endYear) (\($0.perdaNumber), \(Fmt.date($0.perdaDate)))" }
                          ?? L("Belum ada", "None yet"))),
                .dt(.text(L("Perangkat Daerah", "Agencies"))),
                .dd(.text(L("\(s.perangkatDaerahCount) PD, \(s.unitCount) unit",
                            "\(s.perangkatDaerahCount) agencies, \(s.unitCount) units"))),
                .dt(.text(L("Jabatan", "Positions"))),
                .dd(.text(L("\(d.jabatanCount) jabatan, \(d.pegawaiCount) pegawai",
                            "\(d.jabatanCount) positions, \(d.pegawaiCount) employees"))),
                .dt(.text(L("Skala predikat", "Rating scale (predikat)"))),
                .dd(.text(PredikatScale.builtin.first { $0.id == d.predikatScale }?.name.text ?? d.predikatScale)),
                .dt(.text(L("Batas capaian", "Achievement cap (capaian)"))),
                .dd(.text(d.capaianCap == .none ? L("Tanpa batas", "No cap") : "\(d.capaianCap.rawValue)%"))),
            .ul(.class("links"),
                .li(.a(.href("/pemda/\(s.code)/rpjmd"), .text(L("RPJMD: visi, misi, tujuan, sasaran dan IKU",
                                                                "RPJMD: vision, missions, goals, objectives and IKU")))),
                .li(.a(.href("/pemda/\(s.code)/unit"), .text(L("Perangkat Daerah dan unit kerja",
                                                               "Agencies (Perangkat Daerah) and work units")))),
                .li(.a(.href("/pemda/\(s.code)/jabatan"), .text(L("Jabatan dan pejabat", "Positions and officials")))))
        ))
    }

    static func units(_ pemda: Pemda, _ rows: [UnitRow], query: String = "", total: Int? = nil) -> String {
        let mayEdit = Layout.may(.update, Subject(.unit, pemda: pemda.code))
        return Layout.page(title: L("Perangkat Daerah", "Agencies"), crumbs: crumbs(pemda, L("Perangkat Daerah", "Agencies")),
                    pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(L("Perangkat Daerah \(pemda.name)", "Agencies of \(pemda.name)"))),
            Layout.actionLink(L("Tambah unit", "Add unit"), href: "/pemda/\(pemda.code)/unit/baru",
                              if: Layout.may(.create, Subject(.unit, pemda: pemda.code))),
            SearchBox.form(action: "/pemda/\(pemda.code)/unit", query: query,
                           label: L("Cari kode atau nama unit", "Search by unit code or name"), shown: rows.count,
                           total: total ?? rows.count),
            .table(.class("data"),
                .caption(.text(L("\(rows.filter(\.isPerangkatDaerah).count) Perangkat Daerah, \(rows.count) unit",
                                 "\(rows.filter(\.isPerangkatDaerah).count) agencies, \(rows.count) units"))),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Nama", "Name"))), .th(.text(L("Jenis", "Type"))),
                           .th(.text(L("Bidang urusan", "Affairs (bidang urusan)"))), .th(.text("Renstra")),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { u in
                    .tr(.class(u.depth == 0 ? "lvl0" : "lvl1"),
                        .td(.class("code"), .text(u.code)),
                        .td(.style("padding-left: \(0.5 + Double(u.depth) * 1.5)rem"), .text(u.name)),
                        .td(.text(u.kind.label)),
                        .td(.text(u.bidangCodes.joined(separator: ", "))),
                        .td(u.hasRenstra ? .group(.a(.href("/pemda/\(pemda.code)/renstra/\(u.id.uuidString)"),
                                                     .text(L("Lihat Renstra", "View Renstra"))),
                                                  .text(" · "), .a(.href("/pemda/\(pemda.code)/rkt/\(u.id.uuidString)"), .text("RKT")))
                                         : .text(""),
                            .if(u.isPerangkatDaerah && Layout.may(.update, Subject(.renstra, pemda: pemda.code, unit: u.code)),
                                .group(.text(u.hasRenstra ? " · " : ""),
                                       .a(.href("/pemda/\(pemda.code)/renstra/\(u.id.uuidString)/kelola"),
                                          .text(L("Kelola Renstra", "Manage Renstra")))))),
                        .if(mayEdit, .td(.a(.class("edit"), .href("/pemda/\(pemda.code)/unit/\(u.id.uuidString)/ubah"),
                                            .attribute(named: "aria-label", value: L("Ubah \(u.name)", "Edit \(u.name)")),
                                            .text(L("Ubah", "Edit"))))))
                }))
        ))
    }

    static func jabatan(_ pemda: Pemda, _ rows: [JabatanRow], date: CalendarDate, query: String = "", total: Int? = nil)
        -> String
    {
        let mayEdit = Layout.may(.update, Subject(.jabatan, pemda: pemda.code))
        return Layout.page(title: L("Jabatan", "Positions"), crumbs: crumbs(pemda, L("Jabatan", "Positions")),
                    pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(L("Jabatan dan Pejabat", "Positions and Officials"))),
            .if(Layout.may(.create, Subject(.jabatan, pemda: pemda.code)),
                .p(.class("actions"),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/jabatan/baru"), .text(L("Tambah jabatan", "Add position"))),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/pegawai/baru"), .text(L("Tambah pegawai", "Add employee"))),
                   .a(.class("button"), .href("/pemda/\(pemda.code)/penugasan/baru"), .text(L("Tetapkan pejabat", "Assign an official"))))),
            .p(.class("muted"), .text(L("Pejabat per \(Fmt.date(date)). Susunan mengikuti atasan langsung.",
                                        "Officials as of \(Fmt.date(date)). Arranged by direct superior."))),
            SearchBox.form(action: "/pemda/\(pemda.code)/jabatan", query: query,
                           label: L("Cari jabatan, unit, nama pejabat atau NIP", "Search by position, unit, official or NIP"),
                           shown: rows.count, total: total ?? rows.count),
            .table(.class("data"),
                .caption(.text(L("\(rows.count) jabatan, \(rows.filter { $0.holders.isEmpty }.count) kosong",
                                 "\(rows.count) positions, \(rows.filter { $0.holders.isEmpty }.count) vacant"))),
                .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Tingkat", "Level"))), .th(.text(L("Eselon", "Echelon"))),
                           .th(.text("Unit")), .th(.text(L("Pejabat", "Official"))),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { j in
                    .tr(.td(.style("padding-left: \(0.5 + Double(j.depth) * 1.25)rem"), .text(j.name)),
                        .td(.text(j.level.label.text)), .td(.text(j.eselon)), .td(.text(j.unitName ?? "–")),
                        .td(Fmt.holder(j.holders)),
                        .if(mayEdit, .td(.a(.class("edit"), .href("/pemda/\(pemda.code)/jabatan/\(j.id.uuidString)/ubah"),
                                            .attribute(named: "aria-label", value: L("Ubah \(j.name)", "Edit \(j.name)")),
                                            .text(L("Ubah", "Edit"))))))
                }))
        ))
    }

    static func crumbs(_ pemda: Pemda, _ title: String) -> [Layout.Crumb] {
        [.init(title: L("Beranda", "Home"), url: "/"), .init(title: pemda.name, url: "/pemda/\(pemda.code)"),
         .init(title: title, url: nil)]
    }
}
