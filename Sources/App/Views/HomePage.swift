import KinerjaCore
import KinerjaStore
import Plot

/// The visitor's home page: what Kinerja is, the portal of published PKs, and every Pemda with its documents.
enum HomePage {
    struct Model: Sendable {
        var pemda: [PemdaSummary]
        var mayAddPemda: Bool
    }

    static func render(_ model: Model) -> String {
        Layout.page(title: L("Beranda", "Home"), body: .group(
            .h1(.text(L("Kinerja: akuntabilitas kinerja Pemerintah Daerah", "Kinerja: performance accountability of local governments"))),
            .p(.class("lead"), .text(L(
                "Setiap tahun Kepala Daerah menandatangani Perjanjian Kinerja (PK) dengan kepala Perangkat Daerah, lalu diturunkan sampai pejabat pengawas. Kinerja menyusun, memeriksa, menandatangani dan menerbitkan PK itu, dan mengukur capaiannya sepanjang tahun.",
                "Every year the head of region signs a performance agreement (Perjanjian Kinerja, PK) with each agency head, cascaded down to section heads. Kinerja drafts, checks, signs and publishes those agreements, and measures what they achieve through the year."))),
            .ul(.class("home-links"),
                .li(.a(.href(SiteURL.portal), .text(L("Baca PK yang diterbitkan dan periksa keasliannya",
                                                      "Read published PKs and check that they are genuine")))),
                .li(.a(.href(SiteURL.login), .text(L("Masuk sebagai pegawai Pemda", "Sign in as a Pemda official"))))),
            Layout.actionLink(L("Tambah Pemda", "Add a Pemda"), href: .newPemda, if: model.mayAddPemda),
            .div(.class("scroll"), .table(.class("data"), .id("pemda-list"),
                .caption(.text(L("Pemerintah Daerah", "Local governments (Pemerintah Daerah)"))),
                .thead(.tr(.th(.text("Pemda")), .th(.text(L("Kode", "Code"))), .th(.text(L("Jenis", "Type"))),
                           .th(.class("num"), .text(L("Perangkat Daerah", "Agencies"))), .th(.class("num"), .text(L("Unit", "Units"))),
                           .th(.text(L("Dokumen", "Documents"))))),
                .tbody(.forEach(model.pemda) { p in
                    .tr(.td(.a(.href(SiteURL.of(p.code, .profile)), .text(p.name))), .td(.text(p.code)),
                        .td(.text(p.kind.label.text)), .td(.class("num"), .text(String(p.perangkatDaerahCount))),
                        .td(.class("num"), .text(String(p.unitCount))),
                        .td(.a(.href(SiteURL.portal.url(["pemda": p.code])), .text(L("PK diterbitkan", "Published PKs"))),
                            .text(" · "), .a(.href(SiteURL.of(p.code, .rpjmd)), .text("RPJMD"))))
                }))),
            .if(model.pemda.isEmpty, .p(.class("muted"), .text(L("Belum ada Pemda. Jalankan `kinerja demo` untuk membuat Kota Contoh.",
                                                                 "No Pemda yet. Run `kinerja demo` to create Kota Contoh."))))
        ))
    }
}
