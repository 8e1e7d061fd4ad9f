import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// One official's scorecard: the figures at a glance, the form to record (for the Kepala Daerah and the Admin Pemda),
/// and the tables of `PenilaianReport`, the same as the PDF.
enum PenilaianCardPage {
    struct Model: Sendable {
        var board: PenilaianController.Board
        var line: PenilaianController.Line
        var report: TabularReport
        /// The category and note as typed, when the form comes back with findings.
        var values: (category: String, note: String)?
        var errors: FormErrors
        var csrf: String
    }

    static func render(_ m: Model) -> String {
        let board = m.board
        let y = board.year
        let f = y.figures
        let line = m.line
        let pemda = PemdaRef(y.pemda)
        let position = KinerjaParts.positionName(y, line.pk.jabatanID)
        let here = SiteURL.of(pemda.code, .pimpinanKartu(.value(line.pk.jabatanID)))
        let title = L("Kartu penilaian: \(position)", "Scorecard: \(position)")
        return Layout.page(title: title,
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"), url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                                                 Layout.Crumb(title: L("Penilaian pimpinan", "Heads of units"),
                                                              url: SiteURL.of(pemda.code, .pimpinan).url(["tahun": String(y.year), "tw": String(f.through),
                                                                                                         "tingkat": line.pk.level.rawValue])),
                                                 Layout.Crumb(position)),
                           pemda: pemda, bodyClass: "dashboard", body: .group(
            .h1(.text(title)),
            .p(.class("lead"), .text(m.report.subtitle.joined(separator: " · "))),
            KinerjaParts.quarterSwitch(y) { here.url(KinerjaParts.tahunTw(y, $0)) },
            stats(m),
            .p(.a(.class("button"), .id("kartu-pdf"), .href(SiteURL.of(pemda.code, .pimpinanPdf(.value(line.pk.jabatanID))).url(KinerjaParts.tahunTw(y))),
                  .text(L("Unduh PDF", "Download PDF"))),
               .text(" "),
               .a(.href(SiteURL.pk(pemda.code, line.pk.id, .realisasi).url(["tw": String(f.through)])), .text(L("Realisasi PK", "The PK's realisation")))),
            form(m),
            .forEach(m.report.sections) { section in
                .section(.id("kartu-\(section.id)"),
                    .h2(.text(section.title)),
                    .div(.class("scroll"), .table(.class("data report-table"),
                        .thead(.tr(.forEach(section.columns) { c in .th(.class(c.numeric ? "num" : ""), .text(c.title)) })),
                        .tbody(.forEach(section.rows) { row in
                            .tr(.class(row.bold ? "group" : ""), .attribute(named: "data-key", value: row.key ?? ""),
                                .forEach(Array(section.columns.enumerated())) { i, c in
                                    .td(.class(c.numeric ? "num" : ""), .text(row.cells.indices.contains(i) ? row.cells[i] : ""))
                                })
                        }))),
                    .unwrap(section.note) { .p(.class("muted"), .text($0)) })
            },
            .p(.class("muted"), .text(m.report.footer))))
    }

    static func stats(_ m: Model) -> Node<HTML.BodyContext> {
        let board = m.board
        let line = m.line
        return .div(.class("stat-row"), .id("ringkasan"),
            .div(.class("stat"), .id("kartu-capaian"), .attribute(named: "data-capaian", value: line.capaian.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Capaian PK s.d. \(Triwulan.label(board.year.figures.through))", "PK capaian to \(Triwulan.label(board.year.figures.through))"))),
                 .span(.class("stat-value"), .text(PenilaianReport.capaianText(line.capaian))), KinerjaParts.badge(line.predikat)),
            .div(.class("stat"), .id("kartu-prakiraan"),
                 .span(.class("stat-label"), .text(L("Prakiraan akhir tahun", "Year-end forecast"))),
                 .span(.class("stat-value"), .text(KinerjaParts.percent(line.forecast)))),
            .div(.class("stat"), .id("kartu-saran"),
                 .attribute(named: "data-kategori", value: line.suggested.map { board.categories.bands[$0].name.id } ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Kategori menurut capaian", "Category by capaian"))),
                 PenilaianPage.categoryBadge(board, line.suggested)),
            .div(.class("stat"), .id("kartu-kategori"), .attribute(named: "data-kategori", value: line.newest?.category.id ?? "", ignoreIfValueIsEmpty: false),
                 .span(.class("stat-label"), .text(L("Kategori ditetapkan", "Category recorded"))),
                 line.newest.map(PenilaianPage.recordedBadge) ?? .span(.class("muted"), .text(L("Belum dinilai", "Not evaluated"))),
                 .unwrap(line.newest) { r in .span(.class("stat-note"), .text(r.recordedByName + ", " + PenilaianReport.when(board, r.recordedAt))) }))
    }

    /// The recording form: the category (the suggestion chosen unless something else was), the note.
    static func form(_ m: Model) -> Node<HTML.BodyContext> {
        let board = m.board
        let y = board.year
        guard Layout.may(.create, Subject(.penilaian, pemda: y.pemda.code)) else { return .empty }
        let suggestedName = m.line.suggested.map { board.categories.bands[$0].name.id }
        let selected = m.values?.category ?? suggestedName ?? ""
        let options = board.categories.bands.enumerated().map { index, band in
            FormView.Option(value: band.name.id, label: band.name.text + (index == m.line.suggested ? L(" (menurut capaian)", " (by capaian)") : ""))
        }
        let action = SiteURL.of(y.pemda.code, .pimpinanKartu(.value(m.line.pk.jabatanID))).url(KinerjaParts.tahunTw(y))
        let hint = L("Wajib, \(PenilaianRules.noteMinimum)–\(IDFormat.number(FixedDecimal(PenilaianRules.noteMaximum))) karakter. Bila kategori berbeda dari menurut capaian (atau PK belum dapat dinilai), jelaskan alasannya (paling sedikit \(PenilaianRules.explainedMinimum) karakter).",
                     "Required, \(PenilaianRules.noteMinimum)–\(PenilaianRules.noteMaximum) characters. Where the category differs from the one by capaian (or the PK cannot be judged yet), explain why (at least \(PenilaianRules.explainedMinimum) characters).")
        return .section(.id("catat"),
            .h2(.text(m.line.newest == nil ? L("Catat penilaian", "Record the evaluation") : L("Nilai ulang", "Evaluate again"))),
            .p(.class("muted"), .text(L("Dicatat dari capaian s.d. \(Triwulan.label(y.figures.through)) yang tampil di halaman ini. Penilaian ulang menambah riwayat; yang terbaru berlaku.",
                                        "Recorded from the capaian to \(Triwulan.label(y.figures.through)) shown on this page. A re-evaluation adds to the history; the newest counts."))),
            FormView.form(actionURL: action, csrf: m.csrf, errors: m.errors, submit: L("Simpan penilaian", "Save the evaluation"), fields: [
                FormView.select("kategori", L("Kategori", "Category"), options: options, selected: selected, errors: m.errors,
                                allowEmpty: suggestedName == nil),
                FormView.textarea("catatan", L("Catatan penilai", "Evaluator's note"), value: m.values?.note ?? "", errors: m.errors,
                                  required: true, hint: hint),
            ]))
    }
}
