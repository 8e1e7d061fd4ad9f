import Foundation
import KinerjaStore
import Plot

enum AuditPage {
    static let entities = ["unit", "jabatan", "pegawai", "penugasan", "renstra_item", "indikator", "indikator_target"]

    static func html(_ pemda: Pemda, rows: [AuditQueries.Row], units: [UnitRow], query: AuditController.Query) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "id_ID")
        formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
        formatter.dateFormat = "dd/MM/yyyy HH.mm.ss"
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let exportQuery = [("unit", query.unit), ("pengguna", query.pengguna), ("entitas", query.entitas),
                           ("dari", query.dari), ("sampai", query.sampai)]
            .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" } }
            .joined(separator: "&")
        return Layout.page(title: "Jejak audit", crumbs: PemdaPages.crumbs(pemda, "Jejak audit"),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Jejak audit")),
            .form(.class("filters"), .method(.get), .action("/pemda/\(pemda.code)/audit"),
                .label(.for("unit"), .text("Unit")),
                FormView.selectElement("unit", options: [FormView.Option(value: "", label: "Semua")]
                    + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) }, selected: query.unit ?? ""),
                .label(.for("pengguna"), .text("Pengguna")),
                .input(.id("pengguna"), .name("pengguna"), .type(.text), .value(query.pengguna ?? "")),
                .label(.for("entitas"), .text("Data")),
                FormView.selectElement("entitas", options: [FormView.Option(value: "", label: "Semua")]
                    + entities.map { FormView.Option(value: $0, label: $0) }, selected: query.entitas ?? ""),
                .label(.for("dari"), .text("Dari")),
                .input(.id("dari"), .name("dari"), .type(.date), .value(query.dari ?? "")),
                .label(.for("sampai"), .text("Sampai")),
                .input(.id("sampai"), .name("sampai"), .type(.date), .value(query.sampai ?? "")),
                .button(.type(.submit), .text("Saring"))),
            .p(.a(.href("/pemda/\(pemda.code)/audit.csv" + (exportQuery.isEmpty ? "" : "?" + exportQuery)), .text("Ekspor CSV"))),
            .table(.class("data"),
                .caption(.text("\(rows.count) perubahan, terbaru di atas")),
                .thead(.tr(.th(.text("Waktu (WIB)")), .th(.text("Pengguna")), .th(.text("Tindakan")), .th(.text("Data")),
                           .th(.text("Unit")), .th(.text("Sebelum")), .th(.text("Sesudah")), .th(.text("ID permintaan")))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.class("code"), .text(formatter.string(from: row.at))), .td(.text(row.username)),
                        .td(.text(["create": "Tambah", "update": "Ubah", "delete": "Hapus"][row.action.rawValue] ?? row.action.rawValue)),
                        .td(.text(row.entity)), .td(.text(row.unitID.flatMap { unitNames[$0] } ?? "–")),
                        .td(.class("json"), .text(row.before ?? "–")), .td(.class("json"), .text(row.after ?? "–")),
                        .td(.class("code"), .text(row.requestID)))
                }))
        ))
    }
}
