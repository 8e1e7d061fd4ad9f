import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// A Pemda's profile, units and positions.
enum PemdaPages {
    struct ProfileModel: Sendable {
        var pemda: PemdaRef
        var detail: PemdaDetail
    }

    static func profile(_ model: ProfileModel) -> String {
        let d = model.detail
        let s = d.summary
        return Layout.page(title: s.name, crumbs: [Layout.Crumb(L("Beranda", "Home"), .home), Layout.Crumb(s.name)],
                           pemda: model.pemda, body: .group(
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
                .li(.a(.href(SiteURL.of(s.code, .rpjmd)), .text(L("RPJMD: visi, misi, tujuan, sasaran dan IKU",
                                                                  "RPJMD: vision, missions, goals, objectives and IKU")))),
                .li(.a(.href(SiteURL.of(s.code, .units)), .text(L("Perangkat Daerah dan unit kerja",
                                                                  "Agencies (Perangkat Daerah) and work units")))),
                .li(.a(.href(SiteURL.of(s.code, .jabatan)), .text(L("Jabatan dan pejabat", "Positions and officials")))),
                .li(.a(.href(SiteURL.portal.url(["pemda": s.code])), .text(L("Perjanjian Kinerja yang diterbitkan",
                                                                              "Published performance agreements")))))
        ))
    }

    struct UnitsModel: Sendable {
        var pemda: PemdaRef
        var rows: [UnitRow]
        var query: String
        var total: Int
    }

    static func units(_ model: UnitsModel) -> String {
        let pemda = model.pemda
        let rows = model.rows
        let mayEdit = Layout.may(.update, Subject(.unit, pemda: pemda.code))
        return Layout.page(title: L("Perangkat Daerah", "Agencies"), crumbs: Layout.crumbs(pemda, Layout.Crumb(L("Perangkat Daerah", "Agencies"))),
                           pemda: pemda, body: .group(
            .h1(.text(L("Perangkat Daerah \(pemda.name)", "Agencies of \(pemda.name)"))),
            Layout.actionLink(L("Tambah unit", "Add unit"), href: .of(pemda.code, .unitNew),
                              if: Layout.may(.create, Subject(.unit, pemda: pemda.code))),
            SearchBox.form(action: .of(pemda.code, .units), query: model.query,
                           label: L("Cari kode atau nama unit", "Search by unit code or name"), shown: rows.count,
                           total: model.total),
            .div(.class("scroll"), .table(.class("data"),
                .caption(.text(L("\(rows.filter(\.isPerangkatDaerah).count) Perangkat Daerah, \(rows.count) unit",
                                 "\(rows.filter(\.isPerangkatDaerah).count) agencies, \(rows.count) units"))),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Nama", "Name"))), .th(.text(L("Jenis", "Type"))),
                           .th(.text(L("Bidang urusan", "Affairs (bidang urusan)"))), .th(.text("Renstra")),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { u in
                    .tr(.class(u.depth == 0 ? "lvl0" : "lvl1"),
                        .td(.class("code"), .text(u.code)),
                        .td(.class("depth-\(min(u.depth, 4))"), .text(u.name)),
                        .td(.text(u.kind.label)),
                        .td(.text(u.bidangCodes.joined(separator: ", "))),
                        .td(u.hasRenstra ? .group(.a(.href(SiteURL.of(pemda.code, .renstra(.value(u.id)))),
                                                     .text(L("Lihat Renstra", "View Renstra"))),
                                                  .text(" · "), .a(.href(SiteURL.of(pemda.code, .rkt(.value(u.id)))), .text("RKT")))
                                         : .text(""),
                            .if(u.isPerangkatDaerah && Layout.may(.update, Subject(.renstra, pemda: pemda.code, unit: u.code)),
                                .group(.text(u.hasRenstra ? " · " : ""),
                                       .a(.href(SiteURL.of(pemda.code, .renstraManage(.value(u.id)))),
                                          .text(L("Kelola Renstra", "Manage Renstra")))))),
                        .if(mayEdit, .td(.a(.class("edit"), .href(SiteURL.of(pemda.code, .unitEdit(.value(u.id)))),
                                            .attribute(named: "aria-label", value: L("Ubah \(u.name)", "Edit \(u.name)")),
                                            .text(L("Ubah", "Edit"))))))
                })))
        ))
    }

    struct JabatanModel: Sendable {
        var pemda: PemdaRef
        var rows: [JabatanRow]
        var date: CalendarDate
        var query: String
        var total: Int
    }

    static func jabatan(_ model: JabatanModel) -> String {
        let pemda = model.pemda
        let rows = model.rows
        let mayEdit = Layout.may(.update, Subject(.jabatan, pemda: pemda.code))
        return Layout.page(title: L("Jabatan", "Positions"), crumbs: Layout.crumbs(pemda, Layout.Crumb(L("Jabatan", "Positions"))),
                           pemda: pemda, body: .group(
            .h1(.text(L("Jabatan dan Pejabat", "Positions and Officials"))),
            .if(Layout.may(.create, Subject(.jabatan, pemda: pemda.code)),
                .p(.class("actions"),
                   .a(.class("button"), .href(SiteURL.of(pemda.code, .jabatanNew)), .text(L("Tambah jabatan", "Add position"))),
                   .a(.class("button"), .href(SiteURL.of(pemda.code, .pegawaiNew)), .text(L("Tambah pegawai", "Add employee"))),
                   .a(.class("button"), .href(SiteURL.of(pemda.code, .penugasanNew)), .text(L("Tetapkan pejabat", "Assign an official"))))),
            .p(.class("muted"), .text(L("Pejabat per \(Fmt.date(model.date)). Susunan mengikuti atasan langsung.",
                                        "Officials as of \(Fmt.date(model.date)). Arranged by direct superior."))),
            SearchBox.form(action: .of(pemda.code, .jabatan), query: model.query,
                           label: L("Cari jabatan, unit, nama pejabat atau NIP", "Search by position, unit, official or NIP"),
                           shown: rows.count, total: model.total),
            .div(.class("scroll"), .table(.class("data"),
                .caption(.text(L("\(rows.count) jabatan, \(rows.filter { $0.holders.isEmpty }.count) kosong",
                                 "\(rows.count) positions, \(rows.filter { $0.holders.isEmpty }.count) vacant"))),
                .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Tingkat", "Level"))), .th(.text(L("Eselon", "Echelon"))),
                           .th(.text("Unit")), .th(.text(L("Pejabat", "Official"))),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { j in
                    .tr(.td(.class("depth-\(min(j.depth, 6))"), .text(j.name)),
                        .td(.text(j.level.label.text)), .td(.text(j.eselon)), .td(.text(j.unitName ?? "–")),
                        .td(Fmt.holder(j.holders)),
                        .if(mayEdit, .td(.a(.class("edit"), .href(SiteURL.of(pemda.code, .jabatanEdit(.value(j.id)))),
                                            .attribute(named: "aria-label", value: L("Ubah \(j.name)", "Edit \(j.name)")),
                                            .text(L("Ubah", "Edit"))))))
                })))
        ))
    }

    /// The trail to a page of the Pemda, for pages still built with a title string.
    static func crumbs(_ pemda: PemdaInfo, _ title: String) -> [Layout.Crumb] {
        Layout.crumbs(PemdaRef(pemda), Layout.Crumb(title))
    }
}
