import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The compliance board of a year (for the Bappeda): every position that signs a PK, its status and lateness.
enum PkBoardPage {
    static func render(_ pemda: Pemda, year: Int, level: PkLevel?, rows: [PkBoardRow], mayDraft: [Bool],
                       mayRecordHardcopy: Bool, csrf: String, error: String?) -> String
    {
        let title = L("Perjanjian Kinerja \(year)", "Performance agreements \(year)")
        let counts = Dictionary(grouping: rows) { $0.compliance.tone }.mapValues(\.count)
        let signed = rows.filter { $0.inForce != nil || $0.hardcopy != nil }.count
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, "PK \(year)"), pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(title)),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.class("search"), .method(.get), .action("/pemda/\(pemda.code)/pk"),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(String(year))),
                  .label(.for("tingkat"), .text(L("Tingkat", "Level"))),
                  FormView.selectElement("tingkat", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                          + PkLevel.allCases.map { FormView.Option(value: $0.rawValue, label: $0.label.text) },
                                          selected: level?.rawValue ?? ""),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            .p(.id("pk-summary"), .text(L("\(signed) dari \(rows.count) jabatan sudah memiliki PK yang ditandatangani; \(counts["late"] ?? 0) terlambat, \(counts["warn"] ?? 0) perlu perhatian.",
                                          "\(signed) of \(rows.count) positions have a signed PK; \(counts["late"] ?? 0) late, \(counts["warn"] ?? 0) need attention."))),
            .p(.class("actions"),
               .a(.class("button"), .href("/pemda/\(pemda.code)/pk/unduh.zip?tahun=\(year)"),
                  .text(L("Unduh semua PK (ZIP)", "Download all PKs (ZIP)"))),
               .a(.class("button"), .href("/pemda/\(pemda.code)/dpa?tahun=\(year)"), .text(L("DPA \(year)", "DPA \(year)"))),
               .if(mayRecordHardcopy, .a(.class("button"), .href("/pemda/\(pemda.code)/pk/pengaturan"),
                                         .text(L("Pengaturan PK", "PK settings"))))),
            .div(.class("scroll"), .table(.class("data"), .id("pk-board"),
                .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Tingkat", "Level"))), .th(.text(L("Pejabat", "Official"))),
                           .th(.text("Status")), .th(.text(L("Versi berlaku", "Version in force"))),
                           .th(.text(L("Tenggat", "Due"))), .th(.text(L("Kepatuhan", "Compliance"))),
                           .th(.text(L("Hardcopy diterima", "Hardcopy received"))), .th(.text(L("Tindakan", "Action"))))),
                .tbody(.forEach(Array(rows.enumerated())) { index, row in
                    .tr(.attribute(named: "data-jabatan", value: row.jabatanID.uuidString),
                        .td(.attribute(named: "style", value: "padding-left: \(0.5 + Double(row.depth) * 1.0)rem"),
                            .text(row.jabatanName), .unwrap(row.unitName) { .div(.class("muted"), .text($0)) }),
                        .td(.text(row.level.label.text)),
                        .td(.text(row.holder ?? L("Kosong", "Vacant"))),
                        .td(.class("status"), row.latest.map { latest in
                            .a(.href("/pemda/\(pemda.code)/pk/\(latest.id.uuidString)"),
                               .text(latest.status.label.text + (latest.version > 0 ? L(" (Perubahan \(latest.version))", " (revision \(latest.version))") : "")))
                        } ?? .span(.class("muted"), .text(L("Belum disusun", "Not drafted")))),
                        .td(.text(row.inForce.map { $0.version == 0 ? L("PK induk", "Original") : L("Perubahan \($0.version)", "Revision \($0.version)") } ?? "–")),
                        .td(.text(row.due.map(Fmt.date) ?? "–")),
                        .td(.class("tone-\(row.compliance.tone)"), .text(row.compliance.label.text)),
                        .td(.text(row.hardcopy.map(Fmt.date) ?? "–"),
                            .if(mayRecordHardcopy, .form(.class("inline"), .method(.post), .action("/pemda/\(pemda.code)/pk/hardcopy"),
                                .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                .input(.type(.hidden), .name("jabatan"), .value(row.jabatanID.uuidString)),
                                .input(.type(.hidden), .name("tahun"), .value(String(year))),
                                .input(.type(.date), .name("diterima"), .attribute(named: "aria-label",
                                       value: L("Tanggal hardcopy diterima, \(row.jabatanName)", "Hardcopy received, \(row.jabatanName)"))),
                                .button(.type(.submit), .text(L("Catat", "Record")))))),
                        .td(.if(row.latest == nil && index < mayDraft.count && mayDraft[index],
                                .form(.method(.post), .action("/pemda/\(pemda.code)/pk/baru"),
                                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                      .input(.type(.hidden), .name("jabatan"), .value(row.jabatanID.uuidString)),
                                      .input(.type(.hidden), .name("tahun"), .value(String(year))),
                                      .button(.type(.submit), .class("draft"), .text(L("Susun PK", "Draft PK")))))))
                })))
        ))
    }
}
