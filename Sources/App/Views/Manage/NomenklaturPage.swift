import KinerjaCore
import KinerjaStore
import Plot

/// The Kemendagri nomenclature versions Kinerja carries, and a search over one of them.
enum NomenklaturPage {
    struct Query {
        var version: String
        var jenis: JenisPemda
        var text: String
    }

    static func render(versions: [NomenklaturVersionSummary], query: Query, rows: [NomenklaturIndex.Entry], total: Int) -> String {
        let title = L("Nomenklatur", "Nomenclature")
        return Layout.page(title: title, crumbs: [Layout.Crumb(L("Beranda", "Home"), .home), Layout.Crumb(title)],
                           body: .group(
            .h1(.text(L("Nomenklatur program, kegiatan dan sub kegiatan", "Program, activity and sub-activity nomenclature"))),
            Layout.actionLink(L("Impor versi baru", "Import a new version"), href: .nomenklaturImport,
                              if: Layout.may(.create, Subject(.nomenklatur, pemda: nil))),
            .table(.class("data"),
                .caption(.text(L("Versi yang tersedia", "Versions available"))),
                .thead(.tr(.th(.text(L("Versi", "Version"))), .th(.text(L("Dasar hukum", "Legal basis"))),
                           .th(.class("num"), .text(L("Berlaku mulai", "In force from"))),
                           .forEach([NomenclatureLevel.program, .kegiatan, .subkegiatan]) { .th(.class("num"), .text($0.label.text)) })),
                .tbody(.forEach(versions) { v in
                    .tr(.td(.strong(.text(v.code)), .br(), .text(v.name)), .td(.text(v.legalBasis)),
                        .td(.class("num"), .text("\(v.effectiveYear)")),
                        .forEach([NomenclatureLevel.program, .kegiatan, .subkegiatan]) { level in
                            .td(.class("num"), .text(IDFormat.grouped(String(v.counts[level] ?? 0))))
                        })
                })),
            .form(.class("search"), .method(.get), .action(SiteURL.nomenklatur),
                .attribute(named: "role", value: "search"),
                .label(.for("versi"), .text(L("Versi", "Version"))),
                FormView.selectElement("versi", options: versions.map { .init(value: $0.code, label: $0.code) }, selected: query.version),
                .label(.for("jenis"), .text(L("Jenis Pemda", "Kind of Pemda"))),
                FormView.selectElement("jenis", options: [.init(value: JenisPemda.kabkot.rawValue, label: L("Kabupaten/Kota", "Regency/City")),
                                                          .init(value: JenisPemda.prov.rawValue, label: L("Provinsi", "Province"))],
                                       selected: query.jenis.rawValue),
                .label(.for("q"), .text(L("Kode atau nama", "Code or name"))),
                .input(.id("q"), .name("q"), .type(.search), .value(query.text)),
                .button(.type(.submit), .text(L("Cari", "Search")))),
            .p(.attribute(named: "role", value: "status"),
               .text(query.text.isEmpty
                     ? L("Menampilkan program. Cari dengan kode (mis. 1.02.02) atau kata (mis. imunisasi).",
                         "Showing the programs. Search by code (e.g. 1.02.02) or word (e.g. imunisasi).")
                     : L("\(IDFormat.grouped(String(total))) baris cocok", "\(total) rows match")
                       + (total > rows.count ? L(", \(rows.count) pertama ditampilkan.", ", the first \(rows.count) shown.") : "."))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Tingkat", "Level"))), .th(.text(L("Nomenklatur", "Name"))),
                           .th(.text(L("Indikator", "Indicator"))), .th(.text(L("Satuan", "Unit"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.class("lvl-\(row.level.rawValue)"),
                        .td(.class("code"), .text(row.code)), .td(.text(row.level.label.text)),
                        .td(.text(row.name), .if(row.spm == true, .span(.class("badge"), .text("SPM"))),
                            .unwrap(row.previousCode) { .span(.class("muted"), .text(" (" + L("dahulu", "formerly") + " \($0))")) }),
                        .td(.text(row.indikator ?? "–")), .td(.text(row.satuan ?? "")))
                })))
        ))
    }
}
