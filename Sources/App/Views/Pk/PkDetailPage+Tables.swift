import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The PK's two tables (indicators with their rencana aksi and links; budget lines), read-only or, while a draft,
/// as the one form that saves the whole PK.
extension PkDetailPage {
    /// What a field shows: what was typed when a save was refused, the stored value otherwise.
    static func typed(_ m: Model, row id: UUID, _ pick: (PkTableEdit.Row) -> String, stored: String) -> String {
        m.edit?.rows.first { $0.id == id.uuidString }.map(pick) ?? stored
    }

    static func field(_ m: Model, _ name: String, _ value: String, id: String, label: String, size: Int = 7) -> Node<HTML.BodyContext> {
        let error = m.errors.byField[name]
        return .group(
            .input(.type(.text), .name(name), .id(id), .value(value), .attribute(named: "form", value: form),
                   .attribute(named: "size", value: String(size)), .attribute(named: "aria-label", value: label),
                   .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                   .attribute(named: "aria-describedby", value: error == nil ? "" : "\(id)-error")),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) })
    }

    static func saveButton(_ id: String) -> Node<HTML.BodyContext> {
        .button(.type(.submit), .class("save"), .id(id), .attribute(named: "form", value: form), .name("aksi"), .value("simpan"),
                .text(L("Simpan semua perubahan", "Save all changes")))
    }

    static func editableTables(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let pemda = m.context.pemda.code
        return .group(
            // The form holds no table: inputs join it by their `form` attribute, since a form cannot span cells. Its
            // first button is "save", so Enter in any field saves.
            .form(.id(form), .method(.post), .action(SiteURL.pk(pemda, c.id, .table)),
                  .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                  .p(.class("table-actions"), saveButton("simpan-atas"),
                     .span(.class("muted"), .text(L(" Semua baris dan anggaran disimpan bersama; isian yang ditolak tetap tampil beserta alasannya.",
                                                    " Every row and budget line is saved together; what is refused stays on screen with the reason."))))),
            performance(m, editable: true),
            budget(m, editable: true),
            .p(.class("table-actions"), saveButton("simpan")))
    }

    static func tables(_ m: Model) -> Node<HTML.BodyContext> {
        .group(performance(m, editable: false), budget(m, editable: false))
    }

    static func performance(_ m: Model, editable: Bool) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let o = m.context.organisation
        let pemda = m.context.pemda.code
        let linksOf = Dictionary(grouping: c.links, by: \.rowID)
        let hasLinks = c.level != .pemda
        return .section(.id("pk-kinerja"),
            .h2(.text(L("Sasaran, indikator dan target", "Objectives, indicators and targets"))),
            .if(editable && hasLinks, .div(.class("link-tools"),
                .form(.class("inline"), .method(.post), .action(SiteURL.pk(pemda, c.id, .relink)),
                      .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                      .button(.type(.submit), .class("secondary-action"), .text(L("Kaitkan otomatis ke PK atasan", "Link to the superior's PK automatically")))),
                .form(.class("search"), .method(.get), .action(SiteURL.pk(pemda, c.id)), .attribute(named: "role", value: "search"),
                      .label(.for("cari"), .text(L("Cari indikator lintas sektor", "Find a crosscutting indicator"))),
                      .input(.id("cari"), .name("cari"), .type(.search), .value(m.search),
                             .attribute(named: "placeholder", value: L("mis. stunting", "e.g. stunting"))),
                      .button(.type(.submit), .text(L("Cari", "Search")))),
                .if(!m.search.isEmpty, .p(.class("muted"), .attribute(named: "role", value: "status"),
                                          .text(L("\(m.found.count) indikator PK setingkat atasan cocok dengan \"\(m.search)\"; centang di kolom kaitan.",
                                                  "\(m.found.count) indicators of PKs at the superior's level match \"\(m.search)\"; tick them in the links column.")))))),
            .div(.class("scroll"), .table(.class("data pk-table"),
                .thead(.tr(.th(.text("No")), .th(.class("col-sasaran"), .text(c.level.sasaranHeader.text)),
                           .th(.class("col-indikator"), .text(c.level.indikatorHeader.text)),
                           .th(.class("num"), .text("Target")), .th(.text(L("Satuan", "Unit"))),
                           .forEach(IDFormat.triwulan) { .th(.class("num"), .text("TW \($0)")) },
                           .if(hasLinks, .th(.class("col-links"), .text(L("Mendukung indikator atasan", "Serves the superior's indicator")))),
                           .if(editable, .th(.text(L("Hapus", "Remove")))))),
                .tbody(.forEach(Array(c.rows.enumerated())) { n, row in
                    let key = "baris[\(row.id.uuidString)]"
                    let id = "r-\(row.id.uuidString)"
                    let shownTarget = typed(m, row: row.id, { $0.target }, stored: TargetDisplay.text(row.target, spec: row.spec))
                    return .tr(.id("row-\(row.id.uuidString)"),
                        .td(.text(String(n + 1))),
                        .td(editable
                            ? .group(
                                .textarea(.name("\(key)[sasaran]"), .id("\(id)-sasaran"), .attribute(named: "form", value: form),
                                          .attribute(named: "rows", value: "2"),
                                          .attribute(named: "aria-label", value: L("Sasaran baris \(n + 1)", "Objective, row \(n + 1)")),
                                          .attribute(named: "aria-invalid", value: m.errors.byField["\(key)[sasaran]"] == nil ? "false" : "true"),
                                          .text(typed(m, row: row.id, { $0.sasaran }, stored: row.sasaran))),
                                .unwrap(m.errors.byField["\(key)[sasaran]"]) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-sasaran-error"), .text($0)]) })
                            : .text(row.sasaran)),
                        .td(.text(row.indikator),
                            .unwrap(row.renstraTarget) { .div(.class("muted"), .text(L("Target \(c.level.planName): \(TargetDisplay.text($0, spec: row.spec))",
                                                                                         "\(c.level.planName) target: \(TargetDisplay.text($0, spec: row.spec))"))) },
                            .if(editable && c.version > 0, .div(.class("reason"),
                                .label(.for("\(id)-alasan"), .text(L("Alasan perubahan", "Reason for the change"))),
                                field(m, "\(key)[alasan]", typed(m, row: row.id, { $0.reason ?? "" }, stored: row.changeReason ?? ""),
                                      id: "\(id)-alasan", label: L("Alasan perubahan baris \(n + 1)", "Reason for the change, row \(n + 1)"), size: 24))),
                            .if(!editable && row.changeReason != nil, .div(.class("muted"), .text(L("Alasan perubahan: ", "Reason for the change: ") + (row.changeReason ?? ""))))),
                        .td(.class("num"), editable ? field(m, "\(key)[target]", shownTarget, id: "\(id)-target",
                                                            label: L("Target baris \(n + 1)", "Target, row \(n + 1)"))
                                                    : .text(TargetDisplay.text(row.target, spec: row.spec))),
                        .td(.text(row.satuan)),
                        .forEach(0..<4) { q in
                            let stored = row.quarterly[q].isEmpty ? "" : TargetDisplay.text(row.quarterly[q], spec: row.spec)
                            return .td(.class("num"), editable
                                ? field(m, "\(key)[tw\(q + 1)]", typed(m, row: row.id, { $0.quarterly.count > q ? $0.quarterly[q] : "" }, stored: stored),
                                        id: "\(id)-tw\(q + 1)", label: L("TW \(IDFormat.triwulan[q]) baris \(n + 1)", "Q\(q + 1), row \(n + 1)"), size: 5)
                                : .text(stored.isEmpty ? "–" : stored))
                        },
                        .if(hasLinks, .td(links(m, row: row, index: n, linked: linksOf[row.id] ?? [], editable: editable, organisation: o))),
                        .if(editable, .td(
                            .element(named: "details", nodes: [
                                .class("confirm"),
                                .element(named: "summary", nodes: [.class("danger"), .text(L("Hapus", "Remove"))]),
                                .p(.text(L("Hapus \"\(row.indikator)\" dari PK ini? Isian lain yang sudah diketik ikut disimpan.",
                                           "Remove \"\(row.indikator)\" from this PK? What else was typed is saved with it."))),
                                .button(.type(.submit), .class("danger"), .attribute(named: "form", value: form), .name("aksi"),
                                        .value("hapus-baris:\(row.id.uuidString)"), .text(L("Ya, hapus", "Yes, remove"))),
                            ]))))
                }))),
            .if(editable, .element(named: "details", nodes: [
                .class("add"), .id("tambah-baris"),
                .element(named: "summary", text: L("Tambah indikator", "Add an indicator")),
                .div(.class("stack"),
                     newField(m, "sasaran", c.level.sasaranHeader.text),
                     newField(m, "indikator", c.level.indikatorHeader.text),
                     .label(.for("baru-jenis"), .text(L("Jenis indikator", "Kind of indicator"))),
                     FormView.selectElement("baru[jenis]", options: IndicatorKind.allCases.filter { $0 != .ordinal }.map {
                         FormView.Option(value: $0.rawValue, label: $0.label.text)
                     }, selected: m.edit?.newRow?.kind.rawValue ?? IndicatorKind.percent.rawValue, id: "baru-jenis", form: form),
                     newField(m, "satuan", L("Satuan", "Unit of measure")),
                     newField(m, "target", "Target \(c.year)"),
                     .button(.type(.submit), .attribute(named: "form", value: form), .name("aksi"), .value("tambah-baris"),
                             .id("tambah-baris-simpan"), .text(L("Tambah dan simpan", "Add and save")))),
            ])))
    }

    static func newField(_ m: Model, _ name: String, _ label: String) -> Node<HTML.BodyContext> {
        let typed: String
        switch name {
        case "sasaran": typed = m.edit?.newRow?.sasaran ?? ""
        case "indikator": typed = m.edit?.newRow?.indikator ?? ""
        case "satuan": typed = m.edit?.newRow?.satuan ?? ""
        case "target": typed = m.edit?.newRow?.target ?? ""
        case "kode": typed = m.edit?.newBudget?.code ?? ""
        case "anggaran": typed = m.edit?.newBudget?.amount ?? ""
        default: typed = ""
        }
        return .group(.label(.for("baru-\(name)"), .text(label)),
                      field(m, "baru[\(name)]", typed, id: "baru-\(name)", label: label, size: 30))
    }

    /// The superior indicators a row serves: chosen from the superior's PK first, then from a search of PKs at the
    /// superior's level (crosscutting), as ticks inside the one form.
    static func links(_ m: Model, row: PkContent.Row, index: Int, linked: [PkContent.Link], editable: Bool,
                      organisation o: PemdaOrganisation) -> Node<HTML.BodyContext> {
        func label(_ jabatanID: UUID, _ indikator: String) -> String { "\(o.positions[jabatanID]?.name ?? ""): \(indikator)" }
        guard editable else {
            return linked.isEmpty ? .p(.class("error"), .text(L("Belum dikaitkan", "Not linked")))
                : .ul(.class("indikator-links"), .forEach(linked) { .li(.text(label($0.superiorJabatanID, $0.superiorIndikator))) })
        }
        let key = "baris[\(row.id.uuidString)]"
        let chosen: Set<String> = m.edit?.rows.first { $0.id == row.id.uuidString }?.links.map(Set.init)
            ?? Set(linked.map(\.superiorRowID.uuidString))
        var options: [(id: String, label: String)] = m.context.content.options.map { ($0.rowID.uuidString, label($0.jabatanID, $0.indikator)) }
        for link in linked where !options.contains(where: { $0.id == link.superiorRowID.uuidString }) {
            options.append((link.superiorRowID.uuidString, label(link.superiorJabatanID, link.superiorIndikator)))
        }
        for option in m.found where !options.contains(where: { $0.id == option.rowID.uuidString }) {
            options.append((option.rowID.uuidString, label(option.jabatanID, option.indikator)))
        }
        let error = m.errors.byField["\(key)[kaitan]"]
        return .group(
            .input(.type(.hidden), .name("\(key)[pilihan]"), .value("1"), .attribute(named: "form", value: form)),
            .element(named: "details", nodes: [
                .class("links"),
                .element(named: "summary", text: chosen.isEmpty ? L("Belum dikaitkan: pilih", "Not linked: choose")
                                                                : L("\(chosen.count) indikator dipilih", "\(chosen.count) chosen")),
                options.isEmpty
                    ? .p(.class("muted"), .text(L("PK atasan belum punya indikator; cari indikator lintas sektor di atas tabel.",
                                                  "The superior's PK has no indicators yet; search for a crosscutting one above the table.")))
                    : .ul(.class("choices"), .forEach(Array(options.enumerated())) { i, option in
                        choice(name: "\(key)[kaitan][]", value: option.id, label: option.label,
                               id: "r-\(row.id.uuidString)-kaitan-\(i)", checked: chosen.contains(option.id))
                    }),
            ]),
            // What is linked stays in sight while the choices are folded away.
            chosen.isEmpty ? .p(.class("error"), .text(L("Belum dikaitkan", "Not linked")))
                : .ul(.class("indikator-links chosen"), .forEach(options.filter { chosen.contains($0.id) }) { .li(.text($0.label)) }),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .text($0)]) })
    }

    static func choice(name: String, value: String, label: String, id: String, checked: Bool) -> Node<HTML.ListContext> {
        let box: Node<HTML.LabelContext> = .input(.type(.checkbox), .name(name), .value(value), .attribute(named: "form", value: form),
                                                  .id(id), .checked(checked))
        return .li(.label(box, .text(" " + label)))
    }

    static func budget(_ m: Model, editable: Bool) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let total = c.budget.reduce(Int64(0)) { $0 &+ $1.amount }
        return .section(.id("pk-anggaran"),
            .h2(.text(L("Anggaran", "Budget"))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("No")), .th(.text(c.level.budgetLevel.label.text)), .th(.class("num"), .text(L("Anggaran (Rp)", "Budget (Rp)"))),
                           .th(.class("num"), .text(L("Pagu DPA (Rp)", "DPA ceiling (Rp)"))),
                           .if(editable, .th(.text(L("Hapus", "Remove")))))),
                .tbody(.forEach(Array(c.budget.enumerated())) { n, line in
                    let name = "anggaran[\(line.id.uuidString)]"
                    let typed = m.edit?.budget.first { $0.id == line.id.uuidString }?.amount ?? IDFormat.rupiah(line.amount)
                    return .tr(.td(.text(String(n + 1))), .td(.span(.class("code"), .text(line.code)), .text(" " + line.name)),
                        .td(.class("num"), editable ? field(m, name, typed, id: "b-\(line.id.uuidString)",
                                                            label: L("Anggaran \(line.code)", "Budget \(line.code)"), size: 16)
                                                    : .text(IDFormat.rupiah(line.amount))),
                        .td(.class("num"), .text(c.dpaAmounts[line.code].map { IDFormat.rupiah($0) } ?? "–")),
                        .if(editable, .td(.element(named: "details", nodes: [
                            .class("confirm"),
                            .element(named: "summary", nodes: [.class("danger"), .text(L("Hapus", "Remove"))]),
                            .p(.text(L("Hapus \(line.code) dari anggaran PK?", "Remove \(line.code) from the PK's budget?"))),
                            .button(.type(.submit), .class("danger"), .attribute(named: "form", value: form), .name("aksi"),
                                    .value("hapus-anggaran:\(line.id.uuidString)"), .text(L("Ya, hapus", "Yes, remove"))),
                        ]))))
                }),
                .tfoot(.tr(.th(), .th(.text(L("Jumlah", "Total"))), .th(.class("num"), .id("pk-total"), .text(IDFormat.rupiah(total))),
                           .th(), .if(editable, .th()))))),
            .if(editable, .element(named: "details", nodes: [
                .class("add"), .id("tambah-anggaran"),
                .element(named: "summary", text: L("Tambah baris anggaran", "Add a budget line")),
                .div(.class("stack"),
                     newField(m, "kode", L("Kode \(c.level.budgetLevel.label.id.lowercased())", "\(c.level.budgetLevel.label.en) code")),
                     newField(m, "anggaran", L("Anggaran (Rp)", "Budget (Rp)")),
                     .button(.type(.submit), .attribute(named: "form", value: form), .name("aksi"), .value("tambah-anggaran"),
                             .id("tambah-anggaran-simpan"), .text(L("Tambah dan simpan", "Add and save")))),
            ])))
    }
}
