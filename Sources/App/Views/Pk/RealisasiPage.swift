import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// A signed PK's realisation for one quarter: the tabs of the four quarters with their windows, what was returned
/// (at the top, with the reason), one table that enters the whole quarter with one save, the evidence files, the
/// verifikator's table, the capaian computed from accepted values, and each indicator's history.
enum RealisasiPage {
    struct Model: Sendable {
        var context: PkContext
        var ledger: RealisasiLedger
        var period: Int
        var sheet: CapaianSheet
        /// This version is the PK in force (signed and not replaced).
        var inForce: Bool
        var mayEnter: Bool
        var mayVerify: Bool
        var mayReadBukti: Bool
        var accountID: UUID?
        /// What was typed and refused (or warned about), by row key (`<key>~<month>` for a month), shown again in
        /// place of the stored values.
        var drafts: [String: RealisasiDraft]?
        var lateReason: String
        var warnings: [RealisasiWarning]
        var errors: FormErrors
        var verifyErrors: FormErrors
        var error: String?
        var csrf: String

        var rows: [PkContent.Row] { context.content.rows }
        var window: JadwalWindow? { ledger.windows[period - 1] }
        var windowState: JadwalWindow.State? { window?.state(on: context.today) }
        var windowClosed: Bool { windowState == .ditutup }
        var windowNotOpen: Bool { windowState == .belumDibuka }
        var editable: Bool { inForce && mayEnter && !windowNotOpen }
    }

    static let form = "realisasi-form"

    static func sheet(_ context: PkContext, _ ledger: RealisasiLedger, through period: Int) -> CapaianSheet {
        context.pemda.capaianEngine.sheet(context.content.rows.map { row in
            ledger.measurement(key: row.key, sasaran: row.sasaran, spec: row.spec, target: row.target, quarterly: row.quarterly,
                               weight: row.weight)
        }, through: period)
    }

    static func render(_ m: Model) -> String {
        let c = m.context.content
        let pemda = PemdaRef(m.context.pemda)
        let jabatanName = m.context.organisation.positions[c.jabatanID]?.name ?? ""
        let title = L("Realisasi PK \(c.year) · \(jabatanName)", "PK \(c.year) realisation · \(jabatanName)")
        return Layout.page(
            title: title,
            crumbs: Layout.crumbs(pemda, Layout.Crumb("PK \(c.year)", .of(pemda.code, .pkBoard)),
                                  Layout.Crumb(jabatanName, .pk(pemda.code, c.id)), Layout.Crumb(L("Realisasi", "Realisation"))),
            pemda: pemda, body: .group(
                .h1(.text(title)),
                tabs(m),
                Layout.alert(m.error),
                returned(m),
                warnings(m),
                .if(!m.inForce, .p(.class("notice"), .text(L("Realisasi diisi pada PK yang berlaku: PK yang sudah ditandatangani dan belum diganti PK Perubahan.",
                                                             "Realisation is entered on the PK in force: signed and not replaced by a revision.")))),
                entryTable(m),
                RealisasiSections.bukti(m),
                RealisasiSections.verification(m),
                RealisasiSections.capaian(m),
                RealisasiSections.budget(m),
                RealisasiSections.history(m)
            ))
    }

    /// TW I–IV, each with the state of its window today.
    static func tabs(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        return .nav(.class("tabs"), .attribute(named: "aria-label", value: L("Triwulan", "Quarters")),
                    .ul(.forEach(Array(Triwulan.all)) { q in
                        let state = m.ledger.windows[q - 1]?.state(on: m.context.today)
                        let label = Triwulan.label(q) + (state.map { " · " + $0.label.text } ?? "")
                        return .li(q == m.period
                            ? .strong(.attribute(named: "aria-current", value: "page"), .text(label))
                            : .a(.href(SiteURL.pk(m.context.pemda.code, c.id, .realisasi).url(["tw": String(q)])), .text(label)))
                    }),
                    .unwrap(m.window) { w in
                        .p(.class("muted"), .id("realisasi-window"),
                           .text(L("Jadwal \(w.stage.label.id): \(Fmt.date(w.opens)) s.d. \(Fmt.date(w.closes))",
                                   "\(w.stage.label.en): \(Fmt.date(w.opens)) to \(Fmt.date(w.closes))")
                                 + (w.reopenedUntil.map { L(", dibuka kembali s.d. \(Fmt.date($0))", ", reopened until \(Fmt.date($0))") } ?? "")
                                 + (m.windowClosed ? L(". Jadwal sudah ditutup: hanya koreksi dengan alasan.", ". Closed: corrections only, with a reason.") : ".")))
                    })
    }

    /// Entries of this quarter that a verifikator returned and that are not corrected yet, with the reason.
    static func returned(_ m: Model) -> Node<HTML.BodyContext> {
        let returned = m.rows.flatMap { row in
            m.ledger.latestEntries(key: row.key, period: m.period, reporting: row.spec.reporting)
                .filter { $0.status == .dikembalikan }.map { (row, $0) }
        }
        guard !returned.isEmpty else { return .empty }
        let zone = m.context.pemda.zone
        return .div(.class("notice returned"), .id("realisasi-returned"), .attribute(named: "role", value: "alert"),
                    .strong(.text(L("\(returned.count) isian dikembalikan verifikator; perbaiki lalu simpan lagi:",
                                    "\(returned.count) entries were returned by the verifier; correct them and save again:"))),
                    .ul(.forEach(returned) { row, entry in
                        .li(.strong(.text(row.indikator + (entry.month > 0 ? " (\(Bulan.label(entry.month).text))" : ""))), .text(" · "),
                            .text(L("dikembalikan oleh \(entry.verifierName ?? "–")", "returned by \(entry.verifierName ?? "–")")
                                  + (entry.verifiedAt.map { ", " + Fmt.moment($0, zone: zone) } ?? "") + ":"),
                            .element(named: "blockquote", nodes: [.class("return-reason"), .text(entry.returnReason ?? "")]))
                    }))
    }

    static func warnings(_ m: Model) -> Node<HTML.BodyContext> {
        guard !m.warnings.isEmpty else { return .empty }
        let names = Dictionary(m.rows.map { ($0.key, $0.indikator) }, uniquingKeysWith: { a, _ in a })
        return .div(.class("notice warning"), .id("realisasi-warnings"), .attribute(named: "role", value: "alert"),
                    .strong(.text(L("Periksa dulu sebelum menyimpan. Belum ada yang disimpan.", "Check before saving. Nothing was saved yet."))),
                    .ul(.forEach(m.warnings) { w in .li(.strong(.text(names[w.key] ?? "")), .text(": " + w.message.text)) }),
                    .p(.text(L("Bila angkanya memang benar, tekan \"Simpan tetap\" di bawah tabel.",
                               "If the figures are right, press \"Save anyway\" below the table."))))
    }

    static func entryTable(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let editable = m.editable
        let q = m.period
        return .section(.id("realisasi-entri"),
            .h2(.text(L("Realisasi \(Triwulan.label(q)) \(c.year)", "\(Triwulan.label(q)) \(c.year) realisation"))),
            .if(editable, .p(.class("muted"), .text(L("Isi nilai seperti biasa diketik (72,74 atau 1.234.567), atau TDI dengan alasannya. Baris yang dikosongkan tidak disimpan. Setiap simpan menambah riwayat; nilai lama tidak ditimpa.",
                                                     "Type values as usual (72,74 or 1.234.567), or TDI with its reason. Empty rows are not saved. Every save adds to the history; old values are never overwritten.")))),
            .if(editable, .form(.id(form), .method(.post), .action(SiteURL.pk(m.context.pemda.code, c.id, .realisasi)),
                                .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                .input(.type(.hidden), .name("tw"), .value(String(q))))),
            .div(.class("scroll"), .table(.class("data pk-table realisasi-table"),
                .thead(.tr(.th(.text("No")), .th(.class("col-indikator"), .text(L("Indikator", "Indicator"))),
                           .th(.class("num"), .text(L("Target \(Triwulan.label(q))", "\(Triwulan.label(q)) target"))),
                           .th(.class("num"), .text(L("Target tahun", "Year target"))),
                           .th(.class("num"), .text(L("Sebelumnya", "Before"))),
                           .th(.text(L("Realisasi", "Realisation"))),
                           .th(.text(L("Keyakinan (0–10)", "Confidence (0–10)"))),
                           .th(.text(L("Prakiraan akhir tahun", "Year-end forecast"))),
                           .th(.text("Status")))),
                .tbody(.forEach(Array(m.rows.enumerated())) { n, row in
                    entryRows(m, row: row, index: n, editable: editable)
                }))),
            .if(editable && m.windowClosed, .div(.class("reason"),
                .label(.for("alasan-terlambat"), .text(L("Alasan koreksi sesudah jadwal ditutup", "Reason for a correction after the window closed"))),
                .input(.id("alasan-terlambat"), .name("alasanTerlambat"), .attribute(named: "form", value: form), .value(m.lateReason),
                       .attribute(named: "size", value: "60")),
                errorText(m.errors, "alasanTerlambat"))),
            .if(editable, .p(.class("table-actions"),
                .if(!m.warnings.isEmpty, .input(.type(.hidden), .name("konfirmasi"), .value("1"), .attribute(named: "form", value: form))),
                .button(.type(.submit), .id("simpan-realisasi"), .attribute(named: "form", value: form),
                        .text(m.warnings.isEmpty ? L("Simpan dan ajukan", "Save and submit") : L("Simpan tetap", "Save anyway"))))))
    }

    /// The id of a row's slot on the page: the row, or the row's month.
    static func slotID(_ key: String, _ month: Int) -> String { month == 0 ? key : "\(key)-\(month)" }

    /// Whether every slot of the row's quarter has its newest entry accepted (evidence is then fixed).
    static func accepted(_ m: Model, _ row: PkContent.Row) -> Bool {
        let slots = m.ledger.slots(row.spec.reporting, period: m.period)
        return slots.allSatisfy { m.ledger.latest(key: row.key, period: m.period, month: $0)?.status == .diterima }
    }

    static func entryRows(_ m: Model, row: PkContent.Row, index n: Int, editable: Bool) -> Node<HTML.TableContext> {
        let q = m.period
        let spec = row.spec
        let months = m.ledger.slots(spec.reporting, period: q)
        let monthly = spec.reporting == .monthly
        // The newest entry of the quarter (of its last month entered, for a monthly row) carries the shared fields.
        let latests = months.map { m.ledger.latest(key: row.key, period: q, month: $0) }
        let latest = latests.compactMap { $0 }.max { $0.seq < $1.seq }
        let drafts = months.map { m.drafts?[RealisasiDraft(key: row.key, month: $0, value: "").fieldKey] }
        let draft = drafts.compactMap { $0 }.first
        let earlier: RealisasiLedger.Entry? = {
            guard q > 1 else { return nil }
            let month = monthly ? (q - 1) * 3 : 0
            return m.ledger.accepted(key: row.key, period: q - 1, month: month) ?? m.ledger.latest(key: row.key, period: q - 1, month: month)
        }()
        let name = "baris[\(row.key)]"
        let id = "r-\(row.key)"
        let shown = (tdi: latest?.tdiReason ?? "", confidence: latest?.confidence.map(String.init) ?? "",
                     forecast: latest?.forecast.map { RealisasiDisplay.text($0, spec: spec) } ?? "")
        func shownValue(_ i: Int) -> String { latests[i].map { RealisasiDisplay.text($0.value, spec: spec) } ?? "" }
        let quarterTarget = row.quarterly[q - 1].isEmpty ? "–" : TargetDisplay.text(row.quarterly[q - 1], spec: spec)
        let valueCell: Node<HTML.BodyContext>
        let confidenceCell: Node<HTML.BodyContext>
        let forecastCell: Node<HTML.BodyContext>
        if editable {
            let valueInputs: Node<HTML.BodyContext> = monthly
                ? .div(.class("months"), .forEach(Array(months.enumerated())) { i, month in
                    let label = Bulan.label(month).text
                    return .div(.class("month"), .span(.attribute(named: "aria-hidden", value: "true"), .text(String(label.prefix(3)))),
                                  input(m, "\(name)[bulan][\(month)]", drafts[i]?.value ?? shownValue(i), id: "\(id)-bulan-\(month)",
                                        label: L("Realisasi \(label) \(row.indikator)", "\(label) realisation of \(row.indikator)"), size: 8))
                })
                : input(m, "\(name)[nilai]", draft?.value ?? shownValue(0), id: "\(id)-nilai",
                        label: L("Realisasi \(row.indikator)", "Realisation of \(row.indikator)"), size: 10)
            let tdiInput = input(m, "\(name)[alasanTdi]", draft?.tdiReason ?? shown.tdi, id: "\(id)-alasan-tdi",
                                 label: L("Alasan TDI \(row.indikator)", "TDI reason, \(row.indikator)"), size: 14,
                                 placeholder: L("alasan bila TDI", "reason if TDI"))
            // A finding about the row as a whole (a month that is not the quarter's) stands under its months.
            let rowError = monthly ? m.errors.byField["\(name)[nilai]"] : nil
            valueCell = .group(valueInputs,
                               .unwrap(rowError) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) },
                               .div(.class("tdi"), tdiInput))
            confidenceCell = input(m, "\(name)[keyakinan]", draft?.confidence ?? shown.confidence, id: "\(id)-keyakinan",
                                   label: L("Keyakinan \(row.indikator)", "Confidence, \(row.indikator)"), size: 3)
            forecastCell = input(m, "\(name)[prakiraan]", draft?.forecast ?? shown.forecast, id: "\(id)-prakiraan",
                                 label: L("Prakiraan akhir tahun \(row.indikator)", "Year-end forecast, \(row.indikator)"), size: 8)
        } else {
            let values: Node<HTML.BodyContext> = monthly
                ? .ul(.class("months"), .forEach(Array(months.enumerated())) { i, month in
                    .li(.text(String(Bulan.label(month).text.prefix(3)) + " " + (shownValue(i).isEmpty ? "–" : shownValue(i))))
                })
                : .text(shownValue(0).isEmpty ? "–" : shownValue(0))
            valueCell = .group(values, .if(!shown.tdi.isEmpty, .div(.class("muted"), .text(shown.tdi))))
            confidenceCell = .text(shown.confidence.isEmpty ? "–" : shown.confidence)
            forecastCell = .text(shown.forecast.isEmpty ? "–" : shown.forecast)
        }
        func badge(_ e: RealisasiLedger.Entry) -> Node<HTML.BodyContext> {
            .span(.class("badge realisasi-\(e.status.rawValue)"), .attribute(named: "data-status", value: e.status.rawValue),
                  .text(e.status.label.text))
        }
        let statusCell: Node<HTML.BodyContext> = monthly
            ? .ul(.class("months"), .forEach(Array(months.enumerated())) { i, month in
                .li(.id("status-\(slotID(row.key, month))"), .text(String(Bulan.label(month).text.prefix(3)) + " "),
                    latests[i].map(badge) ?? .text(L("belum diisi", "not entered")))
            })
            : latest.map(badge) ?? .text(L("Belum diisi", "Not entered"))
        let before = earlier.map { RealisasiDisplay.text($0.value, spec: spec) } ?? "–"
        let main: Node<HTML.TableContext> = .tr(.id("realisasi-\(row.key)"),
            .td(.text(String(n + 1))),
            .td(.text(row.indikator), .div(.class("muted"), .text(row.satuan + " · " + RealisasiDisplay.mode(spec)))),
            .td(.class("num"), .text(quarterTarget)),
            .td(.class("num"), .text(TargetDisplay.text(row.target, spec: spec))),
            .td(.class("num"), .text(before)),
            .td(valueCell), .td(confidenceCell), .td(forecastCell), .td(statusCell))
        return .group(main, narrativeRow(m, row: row, latest: latest, draft: draft, editable: editable))
    }

    static func narrativeRow(_ m: Model, row: PkContent.Row, latest: RealisasiLedger.Entry?, draft: RealisasiDraft?,
                             editable: Bool) -> Node<HTML.TableContext>
    {
        let name = "baris[\(row.key)]"
        let id = "r-\(row.key)"
        let supporting = draft?.narrative.supporting ?? latest?.narrative.supporting ?? ""
        let obstacles = draft?.narrative.obstacles ?? latest?.narrative.obstacles ?? ""
        let followUp = draft?.narrative.followUp ?? latest?.narrative.followUp ?? ""
        let cells: [Node<HTML.BodyContext>] = [
            narrative(m, "\(name)[pendukung]", L("Faktor pendukung", "Supporting factors"), supporting, id: "\(id)-pendukung", editable: editable),
            narrative(m, "\(name)[penghambat]", L("Faktor penghambat", "Obstacles"), obstacles, id: "\(id)-penghambat", editable: editable),
            narrative(m, "\(name)[upaya]", L("Upaya / tindak lanjut", "Follow-up"), followUp, id: "\(id)-upaya", editable: editable),
        ]
        let filled = [supporting, obstacles, followUp].filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        let invalid = ["pendukung", "penghambat", "upaya"].contains { m.errors.byField["\(name)[\($0)]"] != nil }
        let summary = L("Faktor pendukung, penghambat, upaya (\(filled) dari 3 terisi)", "Supporting factors, obstacles, follow-up (\(filled) of 3 filled)")
        return .tr(.class("narrative"), .td(), .td(.attribute(named: "colspan", value: "8"),
            .element(named: "details", nodes: [.if(invalid, .attribute(named: "open", value: "open")),
                .element(named: "summary", nodes: [.text(summary)]),
                .div(.class("narrative-grid"), .group(cells))])))
    }

    static func input(_ m: Model, _ name: String, _ value: String, id: String, label: String, size: Int,
                      placeholder: String? = nil) -> Node<HTML.BodyContext>
    {
        let error = m.errors.byField[name]
        return .group(
            .input(.name(name), .id(id), .value(value), .attribute(named: "form", value: form),
                   .attribute(named: "size", value: String(size)), .attribute(named: "aria-label", value: label),
                   .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"),
                   .unwrap(placeholder) { .attribute(named: "placeholder", value: $0) },
                   .unwrap(error) { _ in .attribute(named: "aria-describedby", value: "\(id)-error") }),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) })
    }

    static func narrative(_ m: Model, _ name: String, _ label: String, _ value: String, id: String, editable: Bool)
        -> Node<HTML.BodyContext>
    {
        guard editable else {
            return .div(.strong(.text(label + ": ")), .text(value.isEmpty ? "–" : value))
        }
        let error = m.errors.byField[name]
        return .div(.label(.for(id), .text(label)),
                    .textarea(.name(name), .id(id), .attribute(named: "form", value: form), .attribute(named: "rows", value: "2"),
                              .attribute(named: "aria-invalid", value: error == nil ? "false" : "true"), .text(value)),
                    .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("\(id)-error"), .text($0)]) })
    }

    static func errorText(_ errors: FormErrors, _ name: String) -> Node<HTML.BodyContext> {
        .unwrap(errors.byField[name]) { .element(named: "span", nodes: [.class("field-error"), .text($0)]) }
    }
}

/// Stored realisation values as people read them.
enum RealisasiDisplay {
    static func text(_ canonical: String, spec: IndicatorSpec) -> String {
        if canonical == RealisasiEntryRules.tdiWord { return "TDI" }
        guard spec.kind.isQuantitative, let value = FixedDecimal(canonical: canonical) else { return canonical }
        return IDFormat.number(value)
    }

    static func mode(_ spec: IndicatorSpec) -> String {
        switch (spec.reporting, spec.entryMode) {
        case (.quarterly, .cumulative): L("kumulatif s.d. triwulan", "cumulative to date")
        case (.quarterly, .perPeriod): L("nilai per triwulan", "value per quarter")
        case (.monthly, .cumulative): L("bulanan, kumulatif s.d. bulan", "monthly, cumulative to date")
        case (.monthly, .perPeriod): L("nilai per bulan", "value per month")
        }
    }

    static func percent(_ value: FixedDecimal?) -> String { value.map(IDFormat.percent) ?? "–" }
}
