import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The parts of the realisation page below the entry table.
enum RealisasiSections {
    typealias Model = RealisasiPage.Model

    /// Evidence per indicator: the files (to those who may open them) and one upload form per row.
    static func bukti(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let q = m.period
        let zone = m.context.pemda.zone
        return .section(.id("bukti"),
            .h2(.text(L("Bukti dukung \(Triwulan.label(q))", "\(Triwulan.label(q)) evidence"))),
            .p(.class("muted"), .text(L("PDF, gambar PNG/JPEG atau XLSX, paling besar \(BuktiKind.maximumBytes / 1024 / 1024) MB per berkas.",
                                        "PDF, PNG/JPEG image or XLSX, at most \(BuktiKind.maximumBytes / 1024 / 1024) MB per file."))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.text(L("Berkas", "Files"))),
                           .if(m.editable, .th(.text(L("Unggah", "Upload")))))),
                .tbody(.forEach(m.rows) { row in
                    let files = m.ledger.bukti(key: row.key, period: q)
                    return .tr(.id("bukti-\(row.key)"),
                        .td(.text(row.indikator)),
                        .td(files.isEmpty ? .text(L("Belum ada", "None yet")) : .ul(.forEach(files) { f in
                            .li(m.mayReadBukti ? .a(.href(SiteURL.of(m.context.pemda.code, .bukti(.value(f.id)))), .text(f.fileName))
                                               : .text(f.fileName),
                                .span(.class("muted"), .text(" · \(f.kind.rawValue.uppercased()), \(IDFormat.grouped(String((f.size + 1023) / 1024))) KB · \(f.uploaderName), \(Fmt.moment(f.uploadedAt, zone: zone))")),
                                // Removable while the quarter's entry is not accepted; the writer decides, this only hides a button that would be refused.
                                .if(m.editable && !RealisasiPage.accepted(m, row),
                                    .form(.class("inline"), .method(.post), .action(SiteURL.pk(m.context.pemda.code, c.id, .buktiHapus)),
                                          .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                          .input(.type(.hidden), .name("tw"), .value(String(q))),
                                          .input(.type(.hidden), .name("berkas"), .value(f.id.uuidString)),
                                          .button(.type(.submit), .class("secondary-action"), .id("hapus-\(f.id.uuidString)"),
                                                  .attribute(named: "aria-label", value: L("Hapus \(f.fileName)", "Remove \(f.fileName)")),
                                                  .text(L("Hapus", "Remove"))))))
                        })),
                        .if(m.editable, .td(
                            .form(.class("inline"), .method(.post), .action(SiteURL.pk(m.context.pemda.code, c.id, .bukti)),
                                  .attribute(named: "enctype", value: "multipart/form-data"),
                                  .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                  .input(.type(.hidden), .name("tw"), .value(String(q))),
                                  .input(.type(.hidden), .name("baris"), .value(row.key)),
                                  .input(.type(.file), .name("berkas"), .id("berkas-\(row.key)"),
                                         .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg,.xlsx"),
                                         .attribute(named: "aria-label", value: L("Berkas bukti \(row.indikator)", "Evidence file, \(row.indikator)"))),
                                  .button(.type(.submit), .id("unggah-\(row.key)"), .text(L("Unggah", "Upload")))))))
                }))))
    }

    /// Entries of this quarter awaiting verification: accept, or return with a reason; one save for all.
    static func verification(_ m: Model) -> Node<HTML.BodyContext> {
        guard m.mayVerify else { return .empty }
        let q = m.period
        let awaiting = m.rows.flatMap { row in
            m.ledger.latestEntries(key: row.key, period: q, reporting: row.spec.reporting).filter { $0.status == .diajukan }.map { (row, $0) }
        }
        let zone = m.context.pemda.zone
        let formID = "verifikasi-form"
        return .section(.id("verifikasi"),
            .h2(.text(L("Verifikasi \(Triwulan.label(q))", "\(Triwulan.label(q)) verification"))),
            awaiting.isEmpty ? .p(.class("muted"), .text(L("Tidak ada isian yang menunggu verifikasi.", "No entry awaits verification."))) : .group(
                .form(.id(formID), .method(.post), .action(SiteURL.pk(m.context.pemda.code, m.context.content.id, .realisasiVerify)),
                      .input(.type(.hidden), .name("_csrf"), .value(m.csrf)), .input(.type(.hidden), .name("tw"), .value(String(q)))),
                .div(.class("scroll"), .table(.class("data pk-table"),
                    .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.class("num"), .text(L("Realisasi", "Realisation"))),
                               .th(.text(L("Diisi oleh", "Entered by"))), .th(.text(L("Keputusan", "Decision"))),
                               .th(.text(L("Alasan pengembalian / nilai capaian", "Reason for return / capaian given"))))),
                    .tbody(.forEach(awaiting) { row, e in
                        let base = "putusan[\(e.id.uuidString)]"
                        let own = e.authorID != nil && e.authorID == m.accountID
                        let error = m.verifyErrors.byField["\(base)[alasan]"] ?? m.verifyErrors.byField["\(base)[nilai]"]
                            ?? m.verifyErrors.byField["\(base)[aksi]"]
                        let slot = RealisasiPage.slotID(row.key, e.month)
                        return .tr(.id("verifikasi-\(slot)"),
                            .td(.text(row.indikator), .if(e.month > 0, .div(.class("muted"), .text(Bulan.label(e.month).text))),
                                .unwrap(e.lateReason) { .div(.class("muted"), .text(L("Koreksi terlambat: ", "Late correction: ") + $0)) }),
                            .td(.class("num"), .text(RealisasiDisplay.text(e.value, spec: row.spec)),
                                .unwrap(e.tdiReason) { .div(.class("muted"), .text($0)) }),
                            .td(.text(e.authorName + ", " + Fmt.moment(e.enteredAt, zone: zone))),
                            .td(own ? .text(L("Isian Anda sendiri: diverifikasi orang lain.", "Your own entry: another verifier decides."))
                                    : .group(radio(base, "terima", L("Terima", "Accept"), id: "terima-\(slot)", form: formID),
                                             radio(base, "kembalikan", L("Kembalikan", "Return"), id: "kembalikan-\(slot)", form: formID))),
                            .td(.if(!own, .group(
                                    .input(.name("\(base)[alasan]"), .id("alasan-\(slot)"), .attribute(named: "form", value: formID),
                                           .attribute(named: "size", value: "30"),
                                           .attribute(named: "aria-label", value: L("Alasan pengembalian \(row.indikator)", "Reason for returning \(row.indikator)"))),
                                    .if(row.spec.kind == .text, .input(.name("\(base)[nilai]"), .id("nilai-\(slot)"), .attribute(named: "form", value: formID),
                                                                       .attribute(named: "size", value: "5"),
                                                                       .attribute(named: "placeholder", value: L("capaian %", "capaian %")))))),
                                .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .text($0)]) }))
                    }))),
                .p(.class("table-actions"), .button(.type(.submit), .id("simpan-verifikasi"), .attribute(named: "form", value: formID),
                                                    .text(L("Simpan keputusan", "Save decisions"))))))
    }

    static func radio(_ base: String, _ value: String, _ label: String, id: String, form: String) -> Node<HTML.BodyContext> {
        .label(.for(id), .input(.type(.radio), .name("\(base)[aksi]"), .value(value), .id(id), .attribute(named: "form", value: form)),
               .text(" " + label + " "))
    }

    /// Capaian from accepted values only, to date through the chosen quarter, with the formula of each figure.
    static func capaian(_ m: Model) -> Node<HTML.BodyContext> {
        let s = m.sheet
        let byKey = Dictionary(s.indicators.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return .section(.id("capaian"),
            .h2(.text(L("Capaian s.d. \(Triwulan.label(s.through))", "Capaian to \(Triwulan.label(s.through))"))),
            .p(.id("capaian-total"), .attribute(named: "data-capaian", value: s.total.capaian?.description ?? "", ignoreIfValueIsEmpty: false),
               .strong(.text(L("Capaian PK: ", "PK capaian: ") + RealisasiDisplay.percent(s.total.capaian))),
               .unwrap(s.predikat) { .span(.class("badge tone-\($0.tone.rawValue)"), .text($0.label.text)) },
               .text(L(" · dari \(s.total.total) indikator: \(s.total.measured) terukur, \(s.total.tdi) TDI, \(s.total.pending) belum ada data",
                       " · of \(s.total.total) indicators: \(s.total.measured) measured, \(s.total.tdi) TDI, \(s.total.pending) without data")),
               .text(L(" · prakiraan akhir tahun ", " · year-end forecast ") + RealisasiDisplay.percent(s.forecastTotal.capaian))),
            .div(.class("scroll"), .table(.class("data"), .id("capaian-table"),
                .caption(.text(L("Capaian per indikator (hanya nilai yang diterima verifikator)", "Capaian per indicator (accepted values only)"))),
                .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.class("num"), .text(L("Target", "Target"))),
                           .forEach(Array(Triwulan.all)) { .th(.class("num"), .text(Triwulan.label($0))) },
                           .th(.class("num"), .text(L("Realisasi s.d.", "To date"))),
                           .th(.class("num"), .text(L("Capaian", "Capaian"))), .th(.text("Predikat")),
                           .th(.class("num"), .text(L("Prakiraan", "Forecast"))), .th(.text(L("Rumus", "Formula"))))),
                .tbody(.forEach(s.sasaran) { group in
                    .group(
                        .tr(.class("group"), .td(.attribute(named: "colspan", value: "7"), .strong(.text(group.name))),
                            .td(.class("num"), .strong(.text(RealisasiDisplay.percent(group.toDate.capaian)))), .td(), .td(.class("num"), .text(RealisasiDisplay.percent(group.forecast.capaian))), .td()),
                        .forEach(m.rows.filter { group.keys.contains($0.key) }) { row in
                            let r = byKey[row.key]
                            return .tr(.id("capaian-\(row.key)"),
                                .td(.text(row.indikator)),
                                .td(.class("num"), .text(TargetDisplay.text(row.target, spec: row.spec))),
                                .forEach(Array(Triwulan.all)) { q in
                                    .td(.class("num"), .text(row.spec.reporting == .monthly
                                        ? m.ledger.acceptedValue(key: row.key, period: q, spec: row.spec).map { value($0, spec: row.spec) } ?? "–"
                                        : m.ledger.accepted(key: row.key, period: q).map { RealisasiDisplay.text($0.value, spec: row.spec) } ?? "–"))
                                },
                                .td(.class("num"), .text(r.map { value($0.toDate.realisasi.value, spec: row.spec) } ?? "–")),
                                .td(.class("num"), .attribute(named: "data-capaian", value: r?.toDate.capaian.capped?.description ?? ""),
                                    .text(r.map { result($0.toDate.capaian) } ?? "–")),
                                .td(.unwrap(r?.predikat) { .span(.class("tone-\($0.tone.rawValue)"), .text($0.label.text)) }),
                                .td(.class("num"), .text(r.map { result($0.forecast) } ?? "–")),
                                .td(.class("muted"), .text(r?.toDate.capaian.formula.expression ?? "")))
                        })
                }))))
    }

    /// The PK's budget lines against the DPA's realisation to date, and the PK's efficiency: its capaian against the
    /// serapan of its budget.
    static func budget(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        guard !c.budget.isEmpty else { return .empty }
        let lines = c.budget.map { line in
            (line, Serapan(pagu: c.dpaAmounts[line.code] ?? line.amount,
                           realised: line.realised.prefix(m.period).reduce(Int64(0)) { $0.addingReportingOverflow($1).partialValue }))
        }
        let roots = Anggaran.roots(c.budget.map(\.code))
        let total = lines.filter { roots.contains($0.0.code) }.reduce(Serapan(pagu: 0, realised: 0)) { sum, line in
            Serapan(pagu: sum.pagu.addingReportingOverflow(line.1.pagu).partialValue,
                    realised: sum.realised.addingReportingOverflow(line.1.realised).partialValue)
        }
        let efficiency = Anggaran.efficiency(capaian: m.sheet.total.capaian, serapan: total.percent)
        return .section(.id("anggaran"),
            .h2(.text(L("Anggaran s.d. \(Triwulan.label(m.period))", "Budget to \(Triwulan.label(m.period))"))),
            .p(.id("efisiensi"),
               .strong(.text(L("Serapan: ", "Absorption: ") + RealisasiDisplay.percent(total.percent))),
               .text(L(" (Rp \(IDFormat.rupiah(total.realised)) dari Rp \(IDFormat.rupiah(total.pagu)))", " (Rp \(IDFormat.rupiah(total.realised)) of Rp \(IDFormat.rupiah(total.pagu)))")),
               .text(" · "),
               .strong(.attribute(named: "data-efisiensi", value: efficiency?.description ?? ""),
                       .text(L("Efisiensi (capaian ÷ serapan): ", "Efficiency (capaian ÷ absorption): ")
                             + (efficiency.map { IDFormat.number($0.rounded(toFractionDigits: 2)) } ?? "–"))),
               .text(L(" · di atas 1: capaian melebihi serapan anggaran.", " · above 1: performance ahead of spending."))),
            .div(.class("scroll"), .table(.class("data"), .id("anggaran-table"),
                .thead(.tr(.th(.text(L("Kode", "Code"))), .th(.text(L("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"))),
                           .th(.class("num"), .text(L("Pagu DPA (Rp)", "DPA ceiling (Rp)"))),
                           .th(.class("num"), .text(L("Realisasi (Rp)", "Spent (Rp)"))), .th(.class("num"), .text(L("Serapan", "Absorption"))))),
                .tbody(.forEach(lines) { line, serapan in
                    .tr(.td(.class("code"), .text(line.code)), .td(.text(line.name)),
                        .td(.class("num"), .text(IDFormat.rupiah(serapan.pagu))), .td(.class("num"), .text(IDFormat.rupiah(serapan.realised))),
                        .td(.class("num"), .text(RealisasiDisplay.percent(serapan.percent))))
                }))))
    }

    static func result(_ r: CapaianResult) -> String {
        switch r.status {
        case .measured: RealisasiDisplay.percent(r.capped)
        case .tdi: "TDI"
        case .pending: "–"
        }
    }

    static func value(_ r: Realisasi?, spec: IndicatorSpec) -> String {
        switch r {
        case .value(let v): IDFormat.number(v)
        case .tdi: "TDI"
        case .binary(let met): met ? L("ya", "yes") : L("tidak", "no")
        case .ordinal(let rank): spec.ordinalScale?.label(ofRank: rank) ?? String(rank)
        case .judged(let v): IDFormat.percent(v)
        case .awaitingJudgement: L("menunggu penilaian", "awaiting judgement")
        case nil: "–"
        }
    }

    /// Every entry of the quarter, oldest first: values are history, never overwritten.
    static func history(_ m: Model) -> Node<HTML.BodyContext> {
        let q = m.period
        let zone = m.context.pemda.zone
        let entries = m.rows.flatMap { row in m.ledger.quarterHistory(key: row.key, period: q).map { (row, $0) } }
        guard !entries.isEmpty else { return .empty }
        return .section(.id("riwayat"),
            .h2(.text(L("Riwayat isian \(Triwulan.label(q))", "\(Triwulan.label(q)) entry history"))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.text("#")), .th(.class("num"), .text(L("Nilai", "Value"))),
                           .th(.text(L("Diisi", "Entered"))), .th(.text("Status")), .th(.text(L("Verifikasi", "Verification"))))),
                .tbody(.forEach(entries) { row, e in
                    .tr(.td(.text(row.indikator), .if(e.month > 0, .div(.class("muted"), .text(Bulan.label(e.month).text)))),
                        .td(.text(String(e.seq))),
                        .td(.class("num"), .text(RealisasiDisplay.text(e.value, spec: row.spec))),
                        .td(.text(e.authorName + ", " + Fmt.moment(e.enteredAt, zone: zone)),
                            .unwrap(e.lateReason) { .div(.class("muted"), .text(L("Terlambat: ", "Late: ") + $0)) }),
                        .td(.text(e.status.label.text)),
                        .td(.text([e.verifierName, e.verifiedAt.map { Fmt.moment($0, zone: zone) }].compactMap { $0 }.joined(separator: ", ")),
                            .unwrap(e.returnReason) { .div(.class("muted"), .text($0)) },
                            .unwrap(e.judgement) { .div(.class("muted"), .text(L("Nilai capaian ", "Capaian given ") + IDFormat.percent($0))) }))
                }))))
    }
}
