import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The Pemda's employees, with a search and, for those who may, the way to correct an entry.
enum PegawaiListPage {
    static func render(_ pemda: Pemda, rows: [Pegawai], query: String, total: Int) -> String {
        let title = L("Pegawai", "Employees")
        let mayEdit = Layout.may(.update, Subject(.pegawai, pemda: pemda.code))
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(L("Pegawai \(pemda.name)", "Employees of \(pemda.name)"))),
            Layout.actionLink(L("Tambah pegawai", "Add an employee"), href: "/pemda/\(pemda.code)/pegawai/baru",
                              if: Layout.may(.create, Subject(.pegawai, pemda: pemda.code))),
            SearchBox.form(action: "/pemda/\(pemda.code)/pegawai", query: query,
                           label: L("Cari nama, NIP atau pangkat", "Search by name, NIP or rank"), shown: rows.count, total: total),
            .table(.class("data"),
                .caption(.text(L("\(total) pegawai", "\(total) employees"))),
                .thead(.tr(.th(.text(L("Nama", "Name"))), .th(.text("NIP")), .th(.text(L("Pangkat/golongan", "Rank and grade"))),
                           .if(mayEdit, .th(.text(L("Ubah", "Edit")))))),
                .tbody(.forEach(rows) { p in
                    .tr(.td(.text(p.name)), .td(.class("nip"), .text(p.nip.flatMap { try? Nip($0).grouped } ?? "–")),
                        .td(.text(p.pangkat.isEmpty ? "–" : p.pangkat)),
                        .if(mayEdit, .td(.a(.href("/pemda/\(pemda.code)/pegawai/\(p.id!.uuidString)/ubah"), .text(L("Ubah", "Edit"))))))
                }))
        ))
    }
}
