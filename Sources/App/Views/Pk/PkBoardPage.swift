import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The compliance board of a year (for the Bappeda): every position that signs a PK, its status and lateness;
/// filtered by Perangkat Daerah, level, stage and lateness, with the counts of each, and paged.
enum PkBoardPage {
    struct Model: Sendable {
        var pemda: PemdaRef
        var year: Int
        var filter: PkBoard.Filter
        var rows: [PkBoardRow]
        var total: Int
        var matching: Int
        var page: Int
        var pages: Int
        var stageCounts: [PkBoard.Stage: Int]
        var complianceCounts: [PkCompliance.Kind: Int]
        var opds: [(id: UUID, name: String)]
        var mayDraft: Set<UUID>
        var mayRecordHardcopy: Bool
        var signed: Int
        var csrf: String
        var error: String?
    }

    /// The board's address with the current filter, changed by `changes`.
    static func url(_ m: Model, _ changes: [String: String?] = [:], page: Int? = nil) -> String {
        var items: [String: String?] = ["tahun": String(m.year), "tingkat": m.filter.level?.rawValue,
                                        "opd": m.filter.opd?.uuidString, "tahap": m.filter.stage?.key,
                                        "kepatuhan": m.filter.compliance?.rawValue,
                                        "q": m.filter.query.isEmpty ? nil : m.filter.query, "halaman": page.map(String.init)]
        for (k, v) in changes { items[k] = v }
        let query = ["tahun", "tingkat", "opd", "tahap", "kepatuhan", "q", "halaman"].compactMap { key in
            (items[key] ?? nil).map { "\(key)=\(SiteURL.encodeQuery($0))" }
        }
        return SiteURL.of(m.pemda.code, .pkBoard).path + "?" + query.joined(separator: "&")
    }

    static func render(_ m: Model) -> String {
        let title = L("Perjanjian Kinerja \(m.year)", "Performance agreements \(m.year)")
        let code = m.pemda.code
        return Layout.page(title: title, crumbs: Layout.crumbs(m.pemda, Layout.Crumb("PK \(m.year)")), pemda: m.pemda, body: .group(
            .h1(.text(title)),
            Layout.alert(m.error),
            .p(.id("pk-summary"), .text(L("\(m.signed) dari \(m.total) jabatan sudah memiliki PK yang ditandatangani; \(m.complianceCounts[.terlambat] ?? 0) terlambat, \(m.complianceCounts[.segeraJatuhTempo] ?? 0) segera jatuh tempo.",
                                          "\(m.signed) of \(m.total) positions have a signed PK; \(m.complianceCounts[.terlambat] ?? 0) late, \(m.complianceCounts[.segeraJatuhTempo] ?? 0) due soon."))),
            .nav(.class("stage-filter"), .attribute(named: "aria-label", value: L("Saring menurut status", "Filter by status")),
                 .ul(.li(m.filter.stage == nil ? .strong(.text(L("Semua (\(m.total))", "All (\(m.total))")))
                         : .a(.href(url(m, ["tahap": nil])), .text(L("Semua (\(m.total))", "All (\(m.total))")))),
                     .forEach(PkBoard.Stage.all) { stage in
                         let label = "\(stage.label.text) (\(m.stageCounts[stage] ?? 0))"
                         return .li(m.filter.stage == stage ? .strong(.text(label)) : .a(.href(url(m, ["tahap": stage.key])), .text(label)))
                     })),
            .form(.class("search"), .method(.get), .action(SiteURL.of(code, .pkBoard)), .id("board-filter"),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(String(m.year)),
                         .attribute(named: "min", value: String(Limits.years.lowerBound)), .attribute(named: "max", value: String(Limits.years.upperBound))),
                  .label(.for("opd"), .text(L("Perangkat Daerah", "Agency"))),
                  FormView.selectElement("opd", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                          + m.opds.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                          selected: m.filter.opd?.uuidString ?? ""),
                  .label(.for("tingkat"), .text(L("Tingkat", "Level"))),
                  FormView.selectElement("tingkat", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                          + PkLevel.allCases.map { FormView.Option(value: $0.rawValue, label: $0.label.text) },
                                          selected: m.filter.level?.rawValue ?? ""),
                  .label(.for("kepatuhan"), .text(L("Ketepatan waktu", "Timeliness"))),
                  FormView.selectElement("kepatuhan", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                          + PkCompliance.Kind.allCases.map { FormView.Option(value: $0.rawValue, label: "\($0.label.text) (\(m.complianceCounts[$0] ?? 0))") },
                                          selected: m.filter.compliance?.rawValue ?? ""),
                  .unwrap(m.filter.stage) { .input(.type(.hidden), .name("tahap"), .value($0.key)) },
                  .label(.for("q"), .text(L("Cari jabatan atau pejabat", "Search position or official"))),
                  .input(.id("q"), .name("q"), .type(.search), .value(m.filter.query)),
                  .button(.type(.submit), .text(L("Tampilkan", "Show")))),
            .p(.class("actions"),
               .a(.class("button"), .href(SiteURL.of(code, .pkZip).url(["tahun": String(m.year)])),
                  .text(L("Unduh semua PK (ZIP)", "Download all PKs (ZIP)"))),
               .a(.class("button"), .href(SiteURL.of(code, .dpa).url(["tahun": String(m.year)])), .text(L("DPA \(m.year)", "DPA \(m.year)"))),
               .if(m.mayRecordHardcopy, .a(.class("button"), .href(SiteURL.of(code, .pkSettings)),
                                           .text(L("Pengaturan PK", "PK settings"))))),
            .p(.class("muted"), .attribute(named: "role", value: "status"),
               .text(L("Menampilkan \(m.rows.count) dari \(m.matching) jabatan yang cocok (semua: \(m.total)).",
                       "Showing \(m.rows.count) of \(m.matching) matching positions (all: \(m.total))."))),
            .div(.class("scroll"), .table(.class("data"), .id("pk-board"),
                .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Tingkat", "Level"))), .th(.text(L("Pejabat", "Official"))),
                           .th(.text("Status")), .th(.text(L("Versi berlaku", "Version in force"))),
                           .th(.text(L("Tenggat", "Due"))), .th(.text(L("Kepatuhan", "Compliance"))),
                           .th(.text(L("Hardcopy diterima", "Hardcopy received"))), .th(.text(L("Tindakan", "Action"))))),
                .tbody(.forEach(m.rows) { row in
                    .tr(.attribute(named: "data-jabatan", value: row.jabatanID.uuidString),
                        .td(.class("depth-\(min(row.depth, 6))"), .text(row.jabatanName), .unwrap(row.unitName) { .div(.class("muted"), .text($0)) }),
                        .td(.text(row.level.label.text)),
                        .td(.text(row.holder ?? L("Kosong", "Vacant"))),
                        .td(.class("status"), row.latest.map { latest in
                            .a(.href(SiteURL.pk(code, latest.id)),
                               .text(latest.status.label.text + (latest.version > 0 ? L(" (Perubahan \(latest.version))", " (revision \(latest.version))") : "")))
                        } ?? .span(.class("muted"), .text(L("Belum disusun", "Not drafted")))),
                        .td(.text(row.inForce.map { $0.version == 0 ? L("PK induk", "Original") : L("Perubahan \($0.version)", "Revision \($0.version)") } ?? "–")),
                        .td(.text(row.due.map(Fmt.date) ?? "–")),
                        .td(.class("tone-\(row.compliance.tone)"), .text(row.compliance.label.text)),
                        .td(.text(row.hardcopy.map(Fmt.date) ?? "–"),
                            .if(m.mayRecordHardcopy, .element(named: "details", nodes: [
                                .class("hardcopy"),
                                .element(named: "summary", text: L("Catat", "Record")),
                                .form(.class("inline"), .method(.post), .action(SiteURL.of(code, .pkHardcopy)),
                                      .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                      .input(.type(.hidden), .name("jabatan"), .value(row.jabatanID.uuidString)),
                                      .input(.type(.hidden), .name("tahun"), .value(String(m.year))),
                                      .input(.type(.date), .name("diterima"), .attribute(named: "aria-label",
                                             value: L("Tanggal hardcopy diterima, \(row.jabatanName)", "Hardcopy received, \(row.jabatanName)"))),
                                      .button(.type(.submit), .text(L("Simpan", "Save")))),
                            ]))),
                        .td(.if(m.mayDraft.contains(row.jabatanID),
                                .form(.method(.post), .action(SiteURL.of(code, .pkNew)),
                                      .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                      .input(.type(.hidden), .name("jabatan"), .value(row.jabatanID.uuidString)),
                                      .input(.type(.hidden), .name("tahun"), .value(String(m.year))),
                                      .button(.type(.submit), .class("draft"), .text(L("Susun PK", "Draft PK")))))))
                }))),
            Pager.links(page: m.page, pages: m.pages) { url(m, page: $0) }
        ))
    }
}
