import KinerjaCore
import Plot

/// Adding a nomenclature version from a CSV, for the super admin; a refused file lists every problem.
enum NomenklaturImportPage {
    static func render(values: [String: String], errors: FormErrors, issues: [ImportIssue], csrf: String) -> String {
        let title = L("Impor versi nomenklatur", "Import a nomenclature version")
        return Layout.page(title: title, crumbs: [Layout.Crumb(L("Beranda", "Home"), .home),
                                                  Layout.Crumb(L("Nomenklatur", "Nomenclature"), .nomenklatur),
                                                  .init(title: title, url: nil)], body: .group(
            .h1(.text(title)),
            .p(.text(L("Berkas CSV berkolom code, level, name, jenis_pemda (PROV, KABKOT atau PROV|KABKOT), dan bila ada kinerja, indikator, satuan: sama dengan berkas yang dibawa Kinerja. Seluruh baris diperiksa; bila ada satu saja masalah, tidak ada yang disimpan.",
                       "A CSV with the columns code, level, name, jenis_pemda (PROV, KABKOT or PROV|KABKOT), and optionally kinerja, indikator, satuan: the same as the files Kinerja ships. Every row is checked; if there is any problem, nothing is stored."))),
            .if(!issues.isEmpty, .group(
                .p(.class("error"), .attribute(named: "role", value: "alert"),
                   .text(L("Berkas ditolak: \(issues.count) masalah. Tidak ada yang disimpan.",
                           "The file was refused: \(issues.count) problems. Nothing was stored."))),
                .table(.class("data"), .id("masalah"),
                    .thead(.tr(.th(.class("num"), .text(L("Baris", "Row"))), .th(.text(L("Kolom", "Column"))),
                               .th(.text(L("Masalah", "Problem"))))),
                    .tbody(.forEach(issues.prefix(200)) { issue in
                        .tr(.td(.class("num"), .text("\(issue.row)")), .td(.text(issue.column)), .td(.text(issue.message.text)))
                    })))),
            .unwrap(errors.general) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.class("stack"), .method(.post), .action(SiteURL.nomenklaturImport),
                  .attribute(named: "enctype", value: "multipart/form-data"),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  FormView.text("kode", L("Kode versi", "Version code"), value: values["kode"] ?? "", errors: errors,
                                hint: L("Singkat dan tetap, mis. SIPD-2028", "Short and stable, e.g. SIPD-2028")),
                  FormView.text("nama", L("Nama versi", "Version name"), value: values["nama"] ?? "", errors: errors),
                  FormView.text("dasar", L("Dasar hukum", "Legal basis"), value: values["dasar"] ?? "", errors: errors,
                                hint: L("Mis. Kepmendagri Nomor ... Tahun ...", "E.g. Kepmendagri Nomor ... Tahun ...")),
                  FormView.text("tahun", L("Berlaku mulai tahun anggaran", "In force from budget year"), value: values["tahun"] ?? "",
                                errors: errors, type: .number),
                  .label(.for("berkas"), .text(L("Berkas CSV", "CSV file"))),
                  .input(.id("berkas"), .name("berkas"), .type(.file), .required(true), .attribute(named: "accept", value: ".csv,text/csv")),
                  .button(.type(.submit), .text(L("Impor", "Import"))))
        ))
    }
}
