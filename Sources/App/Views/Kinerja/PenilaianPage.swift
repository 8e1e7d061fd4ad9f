import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// Every head of a unit with a PK in force (Eselon II by default; `?tingkat=` for the others): the official, the PK's
/// capaian and forecast, the predikat, the category the bands give and the one recorded; and the Pemda's category
/// bands, which the Admin Pemda sets here.
enum PenilaianPage {
    struct Model: Sendable {
        var board: PenilaianController.Board
        /// nil: every level.
        var level: PkLevel?
        var allLevels: Bool
        /// The bands as typed, when the form comes back with findings.
        var categoryValues: [(bound: String, name: String, nameEn: String)]?
        var errors: FormErrors
        var csrf: String
    }

    static func query(_ m: Model, tw: Int? = nil, level: String? = nil) -> KeyValuePairs<String, String?> {
        ["tahun": String(m.board.year.year), "tw": String(tw ?? m.board.year.figures.through),
         "tingkat": level ?? (m.allLevels ? "semua" : m.level?.rawValue)]
    }

    static func categoryBadge(_ board: PenilaianController.Board, _ index: Int?) -> Node<HTML.BodyContext> {
        guard let index else { return .span(.class("muted"), .text(L("Belum dapat dinilai", "Cannot be judged yet"))) }
        return .span(.class("badge tone-\(board.categories.tone(of: index).rawValue)"), .text(board.categories.bands[index].name.text))
    }

    static func recordedBadge(_ record: PenilaianRecord) -> Node<HTML.BodyContext> {
        .span(.class("badge tone-\(record.tone.rawValue)"), .text(record.category.text))
    }

    static func render(_ m: Model) -> String {
        let board = m.board
        let y = board.year
        let pemda = PemdaRef(y.pemda)
        let lines = board.lines.filter { line in m.allLevels || m.level.map { line.pk.level == $0 } ?? true }
        let here = SiteURL.of(pemda.code, .pimpinan)
        let title = L("Penilaian kinerja pimpinan \(y.year)", "Evaluation of the heads of units, \(y.year)")
        return Layout.page(title: title,
                           crumbs: Layout.crumbs(pemda, Layout.Crumb(title: L("Kinerja", "Performance"), url: SiteURL.of(pemda.code, .kinerja).url(KinerjaParts.tahunTw(y))),
                                                 Layout.Crumb(L("Penilaian pimpinan", "Heads of units"))),
                           pemda: pemda, bodyClass: "dashboard", body: .group(
            .h1(.text(title)),
            .p(.class("lead"), .text(L("Bahan evaluasi kinerja para pimpinan dari capaian PK mereka s.d. \(Triwulan.label(y.figures.through)), dasar pemberian penghargaan dan sanksi. Kategori diberikan menurut batas Pemda; penilai dapat menetapkan kategori lain dengan catatan yang menjelaskan alasannya.",
                                       "The heads of units evaluated from their PK's capaian to \(Triwulan.label(y.figures.through)), the basis for rewards and sanctions. The category follows the Pemda's bands; the evaluator may record another with a note that explains why."))),
            KinerjaParts.quarterSwitch(y) { here.url(query(m, tw: $0)) },
            levelSwitch(m),
            stats(m, lines: lines),
            table(m, lines: lines),
            categories(m)))
    }

    static func levelSwitch(_ m: Model) -> Node<HTML.BodyContext> {
        let here = SiteURL.of(m.board.year.pemda.code, .pimpinan)
        let choices: [(key: String, label: String, current: Bool)] =
            [PkLevel.jpt, .administrator, .pengawas].map { ($0.rawValue, $0.label.text, !m.allLevels && m.level == $0) }
            + [("semua", L("Semua tingkat", "Every level"), m.allLevels)]
        return .nav(.class("tabs"), .id("tingkat-switch"), .attribute(named: "aria-label", value: L("Tingkat jabatan", "Level")),
                    .ul(.forEach(choices) { c in
                        c.current ? .li(.strong(.attribute(named: "aria-current", value: "page"), .text(c.label)))
                            : .li(.a(.href(here.url(query(m, level: c.key))), .text(c.label)))
                    }))
    }

    static func stats(_ m: Model, lines: [PenilaianController.Line]) -> Node<HTML.BodyContext> {
        let board = m.board
        let recorded = lines.filter { $0.newest != nil }.count
        return .div(.class("stat-row"), .id("ringkasan"),
            .div(.class("stat"), .id("pimpinan-jumlah"),
                 .span(.class("stat-label"), .text(L("Pejabat dengan PK berlaku", "Officials with a PK in force"))),
                 .span(.class("stat-value"), .text(String(lines.count)))),
            .div(.class("stat"), .id("pimpinan-dinilai"),
                 .span(.class("stat-label"), .text(L("Sudah dinilai", "Evaluated"))),
                 .span(.class("stat-value"), .text("\(recorded) / \(lines.count)"))),
            .forEach(Array(board.categories.bands.enumerated())) { index, band in
                .div(.class("stat"), .attribute(named: "data-kategori", value: band.name.id),
                     .span(.class("stat-label"), .text(L("Menurut capaian: ", "By capaian: ") + band.name.text)),
                     .span(.class("stat-value"), .text(String(lines.filter { $0.suggested == index }.count))))
            },
            .div(.class("stat"), .id("pimpinan-belum-terukur"),
                 .span(.class("stat-label"), .text(L("Belum dapat dinilai", "Cannot be judged yet"))),
                 .span(.class("stat-value"), .text(String(lines.filter { $0.suggested == nil }.count)))))
    }

    static func table(_ m: Model, lines: [PenilaianController.Line]) -> Node<HTML.BodyContext> {
        let board = m.board
        let y = board.year
        let f = y.figures
        let mayRecord = Layout.may(.create, Subject(.penilaian, pemda: y.pemda.code))
        guard !lines.isEmpty else {
            return .section(.id("pimpinan"), .p(.class("muted"), .text(L("Belum ada PK yang ditandatangani pada tingkat ini.", "No signed PK at this level yet."))))
        }
        return .section(.id("pimpinan"), .h2(.text(L("Pejabat dan kategorinya", "Officials and their categories"))),
            .div(.class("scroll"), .table(.class("data"), .id("pimpinan-table"),
                .thead(.tr(.th(.text(L("Jabatan", "Position"))), .th(.text(L("Pejabat", "Official"))),
                           .th(.class("num"), .text(L("Capaian", "Capaian"))), .th(.class("num"), .text(L("Prakiraan", "Forecast"))),
                           .th(.text("Predikat")), .th(.text(L("Menurut capaian", "By capaian"))),
                           .th(.text(L("Kategori ditetapkan", "Category recorded"))), .th(.text(L("Catatan dan penilai", "Note and evaluator"))),
                           .th(.text(L("Kartu", "Scorecard"))))),
                .tbody(.forEach(lines) { line in
                    let card = SiteURL.of(y.pemda.code, .pimpinanKartu(.value(line.pk.jabatanID))).url(KinerjaParts.tahunTw(y))
                    let holder = PenilaianReport.official(y, line.pk.jabatanID)
                    return .tr(.id("pimpinan-\(line.pk.jabatanID.uuidString)"), .attribute(named: "data-jabatan", value: line.pk.jabatanID.uuidString),
                        .attribute(named: "data-saran", value: line.suggested.map { board.categories.bands[$0].name.id } ?? "", ignoreIfValueIsEmpty: false),
                        .td(.a(.href(card), .text(KinerjaParts.positionName(y, line.pk.jabatanID))),
                            .br(), .span(.class("muted"), .text(KinerjaParts.unitName(y, line.pk.unitID)))),
                        .td(.text(PenilaianReport.officialName(holder))),
                        KinerjaParts.capaianCell(line.capaian),
                        .td(.class("num"), .text(KinerjaParts.percent(line.forecast))),
                        .td(KinerjaParts.badge(line.predikat)),
                        .td(categoryBadge(board, line.suggested)),
                        .td(.attribute(named: "data-kategori", value: line.newest?.category.id ?? "", ignoreIfValueIsEmpty: false),
                            line.newest.map(recordedBadge) ?? .span(.class("muted"), .text(L("Belum dinilai", "Not evaluated"))),
                            .if(line.newest?.differs == true, .span(.class("muted"), .text(L(" (berbeda dari saran)", " (differs from the suggestion)")))),
                            .if(line.newest.map { $0.through != f.through || $0.pkID != line.pk.id } ?? false,
                                .span(.class("muted"), .text(L(" dicatat s.d. ", " recorded to ") + Triwulan.label(line.newest?.through ?? 1))))),
                        .td(.unwrap(line.newest) { r in
                            .group(.text(r.note.count > 140 ? String(r.note.prefix(140)) + "…" : r.note), .br(),
                                   .span(.class("muted"), .text(r.recordedByName + ", " + PenilaianReport.when(board, r.recordedAt))))
                        }),
                        .td(.a(.class(mayRecord ? "button" : ""), .href(mayRecord ? card + "#catat" : card),
                               .text(mayRecord ? (line.newest == nil ? L("Nilai", "Evaluate") : L("Nilai ulang", "Re-evaluate")) : L("Lihat", "View")))))
                }))),
            .p(.class("muted"), .text(L("Capaian dan prakiraan dari PK yang berlaku, hanya nilai yang diterima verifikator. Warna selalu disertai nama predikat dan kategori.",
                                        "Capaian and forecast of the PK in force, accepted values only. Colours always come with the name of the rating and category."))))
    }

    /// The bands, and for the Admin Pemda the form that sets them (six rows; the last filled one takes the rest).
    static func categories(_ m: Model) -> Node<HTML.BodyContext> {
        let board = m.board
        let y = board.year
        let mayEdit = Layout.may(.update, Subject(.penilaian, pemda: y.pemda.code))
        let current = board.categories.bands.map { band in
            (bound: band.lowerBound.map { IDFormat.number($0) } ?? "", name: band.name.id, nameEn: band.name.en == band.name.id ? "" : band.name.en)
        }
        let values = m.categoryValues ?? current
        let general = m.errors.general ?? m.errors.byField["batas"]
        return .section(.id("kategori"),
            .h2(.text(L("Kategori penilaian", "Evaluation categories"))),
            .p(.class("muted"), .text((board.penilaian.isStandard
                ? L("Pemda belum mengatur kategorinya sendiri; berlaku kategori baku: ", "The Pemda has not set its own categories; the standard ones apply: ")
                : L("Kategori Pemda: ", "The Pemda's categories: ")) + PenilaianReport.bands(board.categories) + ".")),
            .p(.class("muted"), .text(L("Peraturan tidak menetapkan batas atau nama kategori penghargaan dan sanksi; Pemda mengaturnya. Batas bawah berlaku mulai angka itu (≥); kategori terakhir menampung sisanya. PK tanpa capaian terukur (semua TDI atau belum ada nilai diterima) belum dapat dinilai.",
                                        "No regulation fixes the bands or names of reward and sanction categories; the Pemda sets them. A lower bound counts from that figure (≥); the last category takes the rest. A PK without a measured capaian (all TDI or nothing accepted) cannot be judged yet."))),
            .if(mayEdit, .group(
                Layout.alert(m.errors.isEmpty ? nil : (general ?? L("Kategori belum disimpan: periksa isian yang ditandai.", "The categories were not saved: check the fields marked.")),
                             id: "kategori-error"),
                .form(.method(.post), .action(SiteURL.of(y.pemda.code, .pimpinan).url(["tahun": String(y.year)])), .id("kategori-form"),
                    .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                    .div(.class("scroll"), .table(.class("data"), .id("kategori-table"),
                        .thead(.tr(.th(.text("#")), .th(.class("num"), .text(L("Capaian mulai (%)", "Capaian from (%)"))),
                                   .th(.text(L("Nama kategori", "Category name"))), .th(.text(L("Nama dalam bahasa Inggris (opsional)", "Name in English (optional)"))))),
                        .tbody(.forEach(Array(1...PenilaianCategories.maximumCount)) { row in
                            let v = values.indices.contains(row - 1) ? values[row - 1] : (bound: "", name: "", nameEn: "")
                            return .tr(.td(.text(String(row))),
                                       cell(m, "batas[\(row)]", id: "batas-\(row)", value: v.bound, numeric: true,
                                            label: L("Capaian mulai, kategori \(row)", "Capaian from, category \(row)")),
                                       cell(m, "nama[\(row)]", id: "nama-\(row)", value: v.name, label: L("Nama kategori \(row)", "Name of category \(row)")),
                                       cell(m, "namaEn[\(row)]", id: "namaEn-\(row)", value: v.nameEn,
                                            label: L("Nama kategori \(row) dalam bahasa Inggris", "Name of category \(row) in English")))
                        }))),
                    .p(.class("muted"), .text(L("Isi dari kategori terbaik. Kosongkan batas kategori terakhir; baris kosong diabaikan.",
                                                "Fill in from the best category. Leave the last category's bound empty; empty rows are ignored."))),
                    .p(.button(.type(.submit), .id("simpan-kategori"), .text(L("Simpan kategori", "Save the categories"))))))))
    }

    static func cell(_ m: Model, _ name: String, id: String, value: String, numeric: Bool = false, label: String) -> Node<HTML.TableRowContext> {
        let error = m.errors.byField[name]
        return .td(.class(numeric ? "num" : ""),
                   .input(.id(id), .name(name), .value(value), .attribute(named: "aria-label", value: label),
                          .attribute(named: "size", value: numeric ? "6" : "24"),
                          .attribute(named: "inputmode", value: numeric ? "decimal" : ""),
                          .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                          .attribute(named: "aria-describedby", value: error == nil ? "" : "\(id)-error")),
                   .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) })
    }
}
