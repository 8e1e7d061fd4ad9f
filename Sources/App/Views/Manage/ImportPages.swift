import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The import pages: the kinds with their templates, the preview of a file (added, changed, unchanged, refused)
/// and the result of applying it.
enum ImportPages {
    static func index(_ pemda: PemdaInfo, kinds: [any ImportKind], csrf: String, error: String? = nil) -> String {
        let title = L("Impor data", "Import data")
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .p(.text(L("Unduh templat, isi lembar Data di Excel, lalu unggah sebagai XLSX atau CSV. Kinerja menampilkan dulu apa yang akan ditambah, diubah dan ditolak; tidak ada yang disimpan sampai Anda menerapkannya, dan satu baris yang salah membatalkan seluruh berkas.",
                       "Download the template, fill its Data sheet in Excel, and upload it as XLSX or CSV. Kinerja first shows what would be added, changed and refused; nothing is stored until you apply it, and one wrong row cancels the whole file."))),
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .forEach(kinds) { kind in
                .section(.class("card"), .id("impor-\(kind.slug)"),
                    .h2(.text(kind.template.title.text)),
                    .p(.text(kind.template.keyNote.text)),
                    .p(.text(L("Templat: ", "Template: ")),
                       .a(.href(SiteURL.of(pemda.code, .imporTemplat(.value("\(kind.slug).xlsx")))), .text("XLSX")), .text(" · "),
                       .a(.href(SiteURL.of(pemda.code, .imporTemplat(.value("\(kind.slug).csv")))), .text("CSV"))),
                    columnTable(kind.template),
                    .form(.class("stack"), .method(.post), .action(SiteURL.of(pemda.code, .imporPratinjau(.value(kind.slug)))),
                          .attribute(named: "enctype", value: "multipart/form-data"),
                          .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                          .label(.for("berkas-\(kind.slug)"), .text(L("Berkas XLSX atau CSV (paling besar 20 MB)", "XLSX or CSV file (20 MB at most)"))),
                          .input(.id("berkas-\(kind.slug)"), .name("berkas"), .type(.file), .required(true),
                                 .attribute(named: "accept", value: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
                          .button(.type(.submit), .text(L("Periksa berkas", "Check the file")))))
            }
        ))
    }

    static func columnTable(_ template: ImportTemplate) -> Node<HTML.BodyContext> {
        .details(.summary(.text(L("Kolom templat", "Template columns"))),
            .table(.class("data"),
                .thead(.tr(.th(.text(L("Kolom", "Column"))), .th(.text(L("Wajib", "Required"))), .th(.text(L("Isi", "Content"))),
                           .th(.text(L("Contoh", "Example"))))),
                .tbody(.forEach(template.columns) { column in
                    .tr(.td(.text(column.header)), .td(.text(column.required ? L("Ya", "Yes") : L("Tidak", "No"))),
                        .td(.text(column.hint.text + (column.allowed.isEmpty ? "" : " " + L("Pilihan: ", "Allowed: ") + column.allowed.joined(separator: ", ")))),
                        .td(.text(column.example)))
                })))
    }

    static let lineLimit = 300

    static func preview(_ pemda: PemdaInfo, kind: any ImportKind, plan: ImportPlan, file: String, token: UUID?, csrf: String) -> String {
        let title = L("Pratinjau impor", "Import preview")
        let crumbs = Layout.crumbs(PemdaRef(pemda), Layout.Crumb(L("Impor data", "Import data"), .of(pemda.code, .impor)), Layout.Crumb(title))
        let changed = plan.lines.filter { $0.change != .unchanged }
        return Layout.page(title: title, crumbs: crumbs, pemda: PemdaRef(pemda), body: .group(
            .h1(.text("\(title): \(kind.template.title.text)")),
            .if(!file.isEmpty, .p(.text(L("Berkas: ", "File: ") + file))),
            summary(plan),
            .if(!plan.issues.isEmpty, .group(
                .p(.class("error"), .attribute(named: "role", value: "alert"),
                   .text(L("Berkas ditolak: \(count(plan.issues.count)) masalah. Tidak ada yang disimpan. Perbaiki baris di bawah lalu unggah ulang.",
                           "The file was refused: \(plan.issues.count) problems. Nothing was stored. Fix the rows below and upload again."))),
                issueTable(plan.issues))),
            .if(plan.issues.isEmpty && changed.isEmpty,
                .p(.class("notice"), .text(L("Semua baris sudah sama dengan data di Kinerja: tidak ada yang perlu diterapkan.",
                                              "Every row already matches Kinerja's data: there is nothing to apply.")))),
            .if(!changed.isEmpty, .group(
                .h2(.text(L("Yang akan berubah", "What will change"))),
                .table(.class("data"), .id("perubahan"),
                    .thead(.tr(.th(.class("num"), .text(L("Baris", "Row"))), .th(.text(L("Tindakan", "Action"))), .th(.text(L("Kunci", "Key"))),
                               .th(.text(L("Data", "Data"))), .th(.text(L("Rincian", "Details"))))),
                    .tbody(.forEach(changed.prefix(lineLimit)) { line in
                        .tr(.td(.class("num"), .text("\(line.row)")), .td(.text(label(line.change))), .td(.class("nip"), .text(line.key)),
                            .td(.text(line.summary)), .td(.text(line.details.joined(separator: "; "))))
                    })),
                .if(changed.count > lineLimit, .p(.text(L("… dan \(count(changed.count - lineLimit)) baris lain.",
                                                           "… and \(changed.count - lineLimit) more rows.")))))),
            .unwrap(token) { token in
                .form(.class("stack"), .method(.post), .action(SiteURL.of(pemda.code, .imporTerapkan(.value(kind.slug)))),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .input(.type(.hidden), .name("berkas"), .value(token.uuidString)),
                      .button(.type(.submit), .text(L("Terapkan \(count(changed.count)) perubahan", "Apply \(changed.count) changes"))))
            },
            .p(.a(.href(SiteURL.of(pemda.code, .impor)), .text(L("Kembali ke impor", "Back to import"))))
        ))
    }

    static func applied(_ pemda: PemdaInfo, kind: any ImportKind, plan: ImportPlan) -> String {
        let title = L("Impor diterapkan", "Import applied")
        let crumbs = Layout.crumbs(PemdaRef(pemda), Layout.Crumb(L("Impor data", "Import data"), .of(pemda.code, .impor)), Layout.Crumb(title))
        return Layout.page(title: title, crumbs: crumbs, pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .p(.class("notice"), .attribute(named: "role", value: "status"),
               .text(L("\(kind.template.title.text): semua perubahan tersimpan dalam satu transaksi.",
                       "\(kind.template.title.text): every change was stored in one transaction."))),
            summary(plan),
            .p(.a(.href(SiteURL.of(pemda.code, .pegawai)), .text(L("Lihat daftar pegawai", "See the employee list"))), .text(" · "),
               .a(.href(SiteURL.of(pemda.code, .impor)), .text(L("Impor berkas lain", "Import another file"))))
        ))
    }

    static func summary(_ plan: ImportPlan) -> Node<HTML.BodyContext> {
        .ul(.class("figures"), .id("ringkasan"),
            .li(.strong(.text(count(plan.count(.add)))), .text(" " + L("baru", "new"))),
            .li(.strong(.text(count(plan.count(.change)))), .text(" " + L("berubah", "changed"))),
            .li(.strong(.text(count(plan.count(.unchanged)))), .text(" " + L("tetap", "unchanged"))),
            .li(.strong(.text(count(plan.issues.count))), .text(" " + L("masalah", "problems"))))
    }

    static func issueTable(_ issues: [ImportIssue]) -> Node<HTML.BodyContext> {
        .table(.class("data"), .id("masalah"),
            .thead(.tr(.th(.text(L("Lembar", "Sheet"))), .th(.class("num"), .text(L("Baris", "Row"))), .th(.text(L("Kolom", "Column"))),
                       .th(.text(L("Masalah", "Problem"))))),
            .tbody(.forEach(issues.prefix(ImportPlan.issueLimit)) { issue in
                .tr(.td(.text(issue.sheet)), .td(.class("num"), .text("\(issue.row)")), .td(.text(issue.column)), .td(.text(issue.message.text)))
            }))
    }

    static func count(_ n: Int) -> String { IDFormat.grouped(String(n)) }

    static func label(_ change: ImportPlan.Change) -> String {
        switch change {
        case .add: L("Tambah", "Add")
        case .change: L("Ubah", "Change")
        case .unchanged: L("Tetap", "Unchanged")
        }
    }
}
