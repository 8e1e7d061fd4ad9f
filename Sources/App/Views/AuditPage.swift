import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The audit trail for an auditor: who (by name), when (the Pemda's time), what record (in words), and each field
/// that changed, before → after, a page at a time.
enum AuditPage {
    struct Model: Sendable {
        var pemda: PemdaRef
        var zone: ZonaWaktu
        var rows: [AuditQueries.Row]
        var organisation: PemdaOrganisation
        var query: AuditController.Query
        var total: Int
        var page: Int
        var pages: Int
    }

    static func filterURL(_ m: Model, _ page: SiteURL.PemdaPath, halaman: Int? = nil) -> String {
        let q = m.query
        return SiteURL.of(m.pemda.code, page).url(["unit": q.unit, "pengguna": q.pengguna, "entitas": q.entitas, "dari": q.dari,
                                                   "sampai": q.sampai, "halaman": halaman.map(String.init)])
    }

    /// An id in a snapshot named when the organisation knows it.
    static func words(_ raw: String?, field: String, _ o: PemdaOrganisation) -> String {
        guard let raw, !raw.isEmpty else { return "–" }
        if let id = UUID(uuidString: raw) {
            if let unit = o.units[id] { return unit.name }
            if let position = o.positions[id] { return position.name }
            if let person = o.people[id] { return person.name }
            return "#" + raw.prefix(8).lowercased()
        }
        let text = AuditWords.value(raw, field: field)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    static func render(_ m: Model) -> String {
        let q = m.query
        let o = m.organisation
        let units = o.unitRows()
        return Layout.page(title: L("Jejak audit", "Audit trail"), crumbs: Layout.crumbs(m.pemda, Layout.Crumb(L("Jejak audit", "Audit trail"))),
                           pemda: m.pemda, body: .group(
            .h1(.text(L("Jejak audit", "Audit trail"))),
            .form(.class("filters"), .method(.get), .action(SiteURL.of(m.pemda.code, .audit)),
                .label(.for("unit"), .text("Unit")),
                FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                    + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) }, selected: q.unit ?? ""),
                .label(.for("pengguna"), .text(L("Nama pengguna", "Username"))),
                .input(.id("pengguna"), .name("pengguna"), .type(.text), .value(q.pengguna ?? "")),
                .label(.for("entitas"), .text(L("Jenis data", "Kind of record"))),
                FormView.selectElement("entitas", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                    + AuditWords.entities.map { FormView.Option(value: $0.schema, label: $0.name.text) }, selected: q.entitas ?? ""),
                .label(.for("dari"), .text(L("Dari", "From"))),
                .input(.id("dari"), .name("dari"), .type(.date), .value(q.dari ?? "")),
                .label(.for("sampai"), .text(L("Sampai", "To"))),
                .input(.id("sampai"), .name("sampai"), .type(.date), .value(q.sampai ?? "")),
                .button(.type(.submit), .text(L("Saring", "Filter")))),
            .p(.a(.href(filterURL(m, .auditCSV)), .text(L("Ekspor CSV", "Export CSV")))),
            .p(.class("muted"), .id("audit-count"), .text(L("\(m.total) perubahan, terbaru di atas; waktu dalam \(m.zone.abbreviation).",
                                                             "\(m.total) changes, newest first; times in \(m.zone.abbreviation)."))),
            .div(.class("scroll"), .table(.class("data audit"), .id("audit-list"),
                .thead(.tr(.th(.text(L("Waktu", "Time"))), .th(.text(L("Oleh", "By"))), .th(.text(L("Tindakan", "Action"))),
                           .th(.text("Data")), .th(.text("Unit")), .th(.text(L("Perubahan", "Changes"))))),
                .tbody(.forEach(m.rows) { row in
                    let changes = AuditChanges.changes(before: row.before, after: row.after)
                    return .tr(
                        .td(.class("when"), .text(Fmt.moment(row.at, zone: m.zone))),
                        .td(.text(row.displayName ?? row.username), .div(.class("muted"), .text(row.username))),
                        .td(.text([AuditAction.create: L("Tambah", "Added"), .update: L("Ubah", "Changed"),
                                   .delete: L("Hapus", "Deleted")][row.action] ?? row.action.rawValue)),
                        .td(.text(AuditWords.entity(row.entity).text)),
                        .td(.text(row.unitID.flatMap { o.units[$0]?.name } ?? "–")),
                        .td(.if(!changes.isEmpty, .ul(.class("changes"), .forEach(changes) { c in
                                .li(.strong(.text(AuditWords.field(c.field).text + ": ")),
                                    .text(row.action == .create ? words(c.after, field: c.field, o)
                                          : row.action == .delete ? words(c.before, field: c.field, o)
                                          : "\(words(c.before, field: c.field, o)) → \(words(c.after, field: c.field, o))"))
                            })),
                            .unwrap(row.reason) { .p(.class("reason"), .text(L("Alasan: ", "Reason: ") + $0)) }))
                }))),
            Pager.links(page: m.page, pages: m.pages) { filterURL(m, .audit, halaman: $0) }
        ))
    }
}
