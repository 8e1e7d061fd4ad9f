import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The Pemda's employees, with a search and, for those who may, the way to correct an entry.
enum PegawaiListPage {
    static func render(_ pemda: PemdaInfo, rows: [PemdaOrganisation.Person], query: String, total: Int) -> String {
        let title = L("Pegawai", "Employees")
        let mayEdit = Layout.may(.update, Subject(.pegawai, pemda: pemda.code))
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Pegawai \(pemda.name)", "Employees of \(pemda.name)"))),
            .if(Layout.may(.create, Subject(.pegawai, pemda: pemda.code)),
                .p(.class("actions"), .a(.class("button"), .href(SiteURL.of(pemda.code, .pegawaiNew)), .text(L("Tambah pegawai", "Add an employee"))),
                   .text(" "), .a(.class("button"), .href(SiteURL.of(pemda.code, .impor)), .text(L("Impor dari Excel (SIMPEG)", "Import from Excel (SIMPEG)"))))),
            SearchBox.form(action: .of(pemda.code, .pegawai), query: query,
                           label: L("Cari nama, NIP atau pangkat", "Search by name, NIP or rank"), shown: rows.count, total: total),
            .table(.class("data"),
                .caption(.text(L("\(total) pegawai", "\(total) employees"))),
                .thead(.tr(.th(.text(L("Nama", "Name"))), .th(.text("NIP")), .th(.text(L("Pangkat/golongan", "Rank and grade"))),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { p in
                    .tr(.td(.text(p.name)), .td(.class("nip"), .text(p.nip.map(Nip.group) ?? "–")),
                        .td(.text(p.pangkat.isEmpty ? "–" : p.pangkat)),
                        .if(mayEdit, .td(.a(.href(SiteURL.of(pemda.code, .pegawaiEdit(.value(p.id)))), .text(L("Ubah", "Edit"))))))
                }))
        ))
    }
}
