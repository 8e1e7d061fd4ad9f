import Foundation
import KinerjaStore
import Plot

enum AuditPage {
    static let entities = ["unit", "jabatan", "pegawai", "penugasan", "renstra_item", "indikator", "indikator_target"]

    static func html(_ pemda: Pemda, rows: [AuditQueries.Row], units: [UnitRow], query: AuditController.Query) -> String {
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let exportQuery = [("unit", query.unit), ("pengguna", query.pengguna), ("entitas", query.entitas),
                           ("dari", query.dari), ("sampai", query.sampai)]
            .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" } }
            .joined(separator: "&")
        return Layout.page(title: L("Jejak audit", "Audit trail"), crumbs: PemdaPages.crumbs(pemda, L("Jejak audit", "Audit trail")),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(L("Jejak audit", "Audit trail"))),
            .form(.class("filters"), .method(.get), .action("/pemda/\(pemda.code)/audit"),
                .label(.for("unit"), .text("Unit")),
                FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                    + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) }, selected: query.unit ?? ""),
                .label(.for("pengguna"), .text(L("Pengguna", "User"))),
                .input(.id("pengguna"), .name("pengguna"), .type(.text), .value(query.pengguna ?? "")),
                .label(.for("entitas"), .text("Data")),
                FormView.selectElement("entitas", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                    + entities.map { FormView.Option(value: $0, label: $0) }, selected: query.entitas ?? ""),
                .label(.for("dari"), .text(L("Dari", "From"))),
                .input(.id("dari"), .name("dari"), .type(.date), .value(query.dari ?? "")),
                .label(.for("sampai"), .text(L("Sampai", "To"))),
                .input(.id("sampai"), .name("sampai"), .type(.date), .value(query.sampai ?? "")),
                .button(.type(.submit), .text(L("Saring", "Filter")))),
            .p(.a(.href("/pemda/\(pemda.code)/audit.csv" + (exportQuery.isEmpty ? "" : "?" + exportQuery)), .text(L("Ekspor CSV", "Export CSV")))),
            .table(.class("data"),
                .caption(.text(L("\(rows.count) perubahan, terbaru di atas", "\(rows.count) changes, newest first"))),
                .thead(.tr(.th(.text(L("Waktu (WIB)", "Time (WIB)"))), .th(.text(L("Pengguna", "User"))),
                           .th(.text(L("Tindakan", "Action"))), .th(.text("Data")), .th(.text("Unit")),
                           .th(.text(L("Sebelum", "Before"))), .th(.text(L("Sesudah", "After"))),
                           .th(.text(L("ID permintaan", "Request ID"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.class("code"), .text(Fmt.timestamp(row.at))), .td(.text(row.username)),
                        .td(.text(["create": L("Tambah", "Added"), "update": L("Ubah", "Changed"),
                                   "delete": L("Hapus", "Deleted")][row.action.rawValue] ?? row.action.rawValue)),
                        .td(.text(row.entity)), .td(.text(row.unitID.flatMap { unitNames[$0] } ?? "–")),
                        .td(.class("json"), .text(row.before ?? "–")), .td(.class("json"), .text(row.after ?? "–")),
                        .td(.class("code"), .text(row.requestID)))
                }))
        ))
    }
}
