import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// A PK version: its parties, the drafting checks, the tables (editable while a draft), the workflow buttons, the
/// difference from the version before, the cascade below it, and its history.
enum PkDetailPage {
    static func render(_ pemda: Pemda, _ d: PkDetail, actions: [PkAction], actor: PkActor, isLatest: Bool,
                       error: String?, csrf: String) -> String
    {
        let base = "/pemda/\(pemda.code)/pk/\(d.id.uuidString)"
        let editable = actions.contains(.ubah)
        let title = "PK \(d.year) · \(d.jabatanName)" + (d.version > 0 ? L(" · Perubahan \(d.version)", " · revision \(d.version)") : "")
        return Layout.page(title: title,
                           crumbs: PemdaPages.crumbs(pemda, "PK \(d.year)").dropLast() + [
                               .init(title: "PK \(d.year)", url: "/pemda/\(pemda.code)/pk?tahun=\(d.year)"),
                               .init(title: d.jabatanName, url: nil),
                           ],
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text(title)),
            .p(.span(.class("badge"), .id("pk-status"), .attribute(named: "data-status", value: d.status.rawValue), .text(d.status.label.text)),
               .text(" \(d.level.label.text) · \(d.unitName)")),
            .unwrap(error) { .p(.class("error"), .id("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(!isLatest, .p(.class("notice"), .text(L("Ini bukan versi terbaru PK jabatan ini.", "This is not the newest version of this position's PK.")))),
            parties(d),
            .unwrap(d.revision) { r in
                .p(.id("pk-revision"), .text(L("Perubahan ke-\(d.version): \(r.ground.label.id). Dasar hukum: \(r.legalNumber), \(Fmt.date(r.legalDate)).",
                                               "Revision \(d.version): \(r.ground.label.en). Legal basis: \(r.legalNumber), \(Fmt.date(r.legalDate)).")))
            },
            .p(.class("actions"),
               .a(.class("button"), .href("\(base)/pdf"), .text(L("Unduh PDF", "Download PDF"))),
               .a(.class("button"), .href("\(base)/cetak"), .text(L("Cetak", "Print"))),
               .if(d.sha256 != nil, .a(.class("button"), .href("/verifikasi/\(d.id.uuidString)"), .text(L("Halaman verifikasi", "Verification page"))))),
            workflow(d, actions: actions, actor: actor, isLatest: isLatest, base: base, csrf: csrf),
            findings(d),
            performance(d, editable: editable, base: base, csrf: csrf),
            budget(d, editable: editable, base: base, csrf: csrf),
            diff(d),
            cascade(d),
            history(d)
        ))
    }

    static func signerBlock(_ label: String, jabatan: String?, signer: PkSigner?) -> Node<HTML.BodyContext> {
        .div(.class("party"),
             .h3(.text(label)),
             .p(.text(signer?.jabatan ?? jabatan ?? "–")),
             .unwrap(signer) { s in
                 .group(.strong(.text(s.name)), .unwrap(s.groupedNip) { .div(.class("nip"), .text("NIP. \($0)")) },
                        .if(!s.pangkat.isEmpty, .div(.class("muted"), .text(s.pangkat))))
             })
    }

    static func parties(_ d: PkDetail) -> Node<HTML.BodyContext> {
        .div(.class("parties"),
             .if(!d.level.isUnilateral,
                 signerBlock(L("Pihak Kedua (pemberi amanah)", "Second party (gives the mandate)"), jabatan: d.superiorJabatanName,
                             signer: d.signatures[.pihakKedua] ?? d.kedua)),
             signerBlock(L("Pihak Pertama (penerima amanah)", "First party (receives the mandate)"), jabatan: d.jabatanName,
                         signer: d.signatures[.pihakPertama] ?? d.pertama))
    }

    static func workflow(_ d: PkDetail, actions: [PkAction], actor: PkActor, isLatest: Bool, base: String, csrf: String)
        -> Node<HTML.BodyContext>
    {
        let kinds = Set(actions.map(\.kind))
        func button(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.class("inline"), .method(.post), .action("\(base)/aksi"),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .input(.type(.hidden), .name("aksi"), .value(action)),
                  .button(.type(.submit), .id("aksi-\(action)"), .text(label)))
        }
        let signParties = actions.compactMap { action -> PkParty? in
            if case .tandatangani(let party) = action { return party }
            return nil
        }
        let awaiting = PkState(status: d.status, level: d.level, signed: d.signed).awaitingSignature
        return .section(.class("workflow"), .id("pk-workflow"),
            .h2(.text(L("Alur kerja", "Workflow"))),
            .if(d.status == .disetujui, .p(.text(L("Menunggu tanda tangan: ", "Waiting for signatures: ")
                + (awaiting.isEmpty ? "–" : PkParty.allCases.filter(awaiting.contains).map(\.label.text).joined(separator: ", "))))),
            .if(kinds.contains(.ajukan), button("ajukan", L("Ajukan ke verifikator", "Submit to the verifier"))),
            .if(kinds.contains(.setujui), button("setujui", L("Setujui", "Approve"))),
            .if(kinds.contains(.kembalikan),
                .form(.class("stack"), .id("form-kembalikan"), .method(.post), .action("\(base)/aksi"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .input(.type(.hidden), .name("aksi"), .value("kembalikan")),
                      .label(.for("alasan-kembali"), .text(L("Alasan pengembalian", "Reason for returning"))),
                      .textarea(.id("alasan-kembali"), .name("alasan"), .required(true), .attribute(named: "rows", value: "2")),
                      .button(.type(.submit), .id("aksi-kembalikan"), .text(L("Kembalikan", "Return"))))),
            .forEach(signParties) { party in
                .form(.class("stack"), .id("form-tandatangani-\(party.rawValue)"), .method(.post), .action("\(base)/tandatangani"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .input(.type(.hidden), .name("pihak"), .value(party.rawValue)),
                      .p(.text(L("Tanda tangani sebagai \(party.label.id). Ketik kata sandi Anda untuk memastikan yang menandatangani adalah Anda.",
                                 "Sign as \(party.label.en.lowercased()). Type your password to confirm it is you signing."))),
                      .label(.for("sandi-\(party.rawValue)"), .text(L("Kata sandi", "Password"))),
                      .input(.id("sandi-\(party.rawValue)"), .name("kataSandi"), .type(.password), .required(true),
                             .attribute(named: "autocomplete", value: "current-password")),
                      .button(.type(.submit), .id("aksi-tandatangani-\(party.rawValue)"), .text(L("Tandatangani", "Sign"))))
            },
            .if(kinds.contains(.terbitkan), button("terbitkan", L("Terbitkan", "Publish"))),
            .if(d.status.isSigned && isLatest && actor.mayDraft,
                .element(named: "details", nodes: [
                    .element(named: "summary", text: L("Buat PK Perubahan", "Make a revised PK")),
                    .form(.class("stack"), .id("form-perubahan"), .method(.post), .action("\(base)/perubahan"),
                          .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                          .label(.for("alasan-perubahan"), .text(L("Alasan perubahan", "Ground"))),
                          FormView.selectElement("alasan", options: PerubahanGround.allCases.map {
                              FormView.Option(value: $0.rawValue, label: $0.label.text)
                          }, selected: PerubahanGround.strategiAnggaran.rawValue, id: "alasan-perubahan"),
                          .label(.for("nomor"), .text(L("Nomor dasar hukum", "Legal basis number"))),
                          .input(.id("nomor"), .name("nomor"), .type(.text), .required(true)),
                          .label(.for("tanggal"), .text(L("Tanggal dasar hukum", "Legal basis date"))),
                          .input(.id("tanggal"), .name("tanggal"), .type(.date), .required(true)),
                          .button(.type(.submit), .text(L("Buat PK Perubahan", "Make the revision")))),
                ])),
            .if(actions.isEmpty && !(d.status.isSigned && isLatest && actor.mayDraft),
                .p(.class("muted"), .text(L("Tidak ada tindakan untuk Anda pada PK ini saat ini.", "Nothing for you to do on this PK now."))))
        )
    }

    static func findings(_ d: PkDetail) -> Node<HTML.BodyContext> {
        let list = d.review.findings
        return .section(.id("pk-checks"),
            .h2(.text(L("Pemeriksaan", "Checks"))),
            list.isEmpty
                ? .p(.class("notice"), .text(L("Semua pemeriksaan terpenuhi.", "Every check passes.")))
                : .ul(.forEach(list) { f in
                    .li(.class(f.severity == .error ? "error" : "warn"),
                        .strong(.text((f.severity == .error ? L("Wajib diperbaiki", "Must fix") : L("Perhatian", "Note")) + " · " + f.topic.label.text
                                      + (f.row.map { L(" · baris \($0)", " · row \($0)") } ?? "") + ": ")),
                        .text(f.message.text))
                }))
    }

    static func performance(_ d: PkDetail, editable: Bool, base: String, csrf: String) -> Node<HTML.BodyContext> {
        .section(.id("pk-kinerja"),
            .h2(.text(L("Sasaran, indikator dan target", "Objectives, indicators and targets"))),
            .if(editable && d.level != .pemda,
                .form(.class("inline"), .method(.post), .action("\(base)/kaitkan"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .button(.type(.submit), .text(L("Kaitkan otomatis ke PK atasan", "Link to the superior's PK automatically"))))),
            .div(.class("scroll"), .table(.class("data wide"),
                .thead(.tr(.th(.text("No")), .th(.text(d.level.sasaranHeader.text)), .th(.text(d.level.indikatorHeader.text)),
                           .th(.class("num"), .text("Target")), .th(.text(L("Satuan", "Unit"))),
                           .th(.class("num"), .text("TW I")), .th(.class("num"), .text("TW II")),
                           .th(.class("num"), .text("TW III")), .th(.class("num"), .text("TW IV")),
                           .if(d.level != .pemda, .th(.text(L("Mendukung indikator atasan", "Serves the superior's indicator")))),
                           .if(editable, .th(.text(L("Simpan", "Save")))))),
                .tbody(.forEach(Array(d.rows.enumerated())) { n, row in
                    let form = "baris-\(row.id.uuidString)"
                    return .tr(.id("row-\(row.id.uuidString)"),
                        .td(.text(String(n + 1))),
                        .td(editable ? input(form, "sasaran", row.sasaran, label: L("Sasaran baris \(n + 1)", "Objective, row \(n + 1)"), size: 30)
                                     : .text(row.sasaran)),
                        .td(.text(row.indikator),
                            .unwrap(row.renstraTarget) { .div(.class("muted"), .text(L("Target \(d.level.planName): \($0)", "\(d.level.planName) target: \($0)"))) }),
                        .td(.class("num"), editable ? input(form, "target", row.target, label: L("Target baris \(n + 1)", "Target, row \(n + 1)"))
                                                    : .text(row.target)),
                        .td(.text(row.satuan)),
                        .forEach(0..<4) { q in
                            .td(.class("num"), editable
                                ? input(form, "tw\(q + 1)", row.quarterly[q], label: L("TW \(IDFormat.triwulan[q]) baris \(n + 1)", "Q\(q + 1), row \(n + 1)"))
                                : .text(row.quarterly[q].isEmpty ? "–" : row.quarterly[q]))
                        },
                        .if(d.level != .pemda, .td(links(row, options: d.linkOptions, editable: editable, base: base, csrf: csrf))),
                        .if(editable, .td(
                            .if(d.version > 0, input(form, "alasan", row.changeReason ?? "", label: L("Alasan perubahan baris \(n + 1)", "Reason for the change, row \(n + 1)"))),
                            .form(.id(form), .class("inline"), .method(.post), .action("\(base)/baris/\(row.id.uuidString)?ke=row-\(row.id.uuidString)"),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .button(.type(.submit), .text(L("Simpan", "Save")))),
                            .form(.class("inline"), .method(.post), .action("\(base)/baris/\(row.id.uuidString)/hapus"),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .button(.type(.submit), .class("secondary"), .text(L("Hapus", "Remove")))))))
                }))),
            .if(editable, .element(named: "details", nodes: [
                .element(named: "summary", text: L("Tambah indikator", "Add an indicator")),
                .form(.class("stack"), .id("form-baris-baru"), .method(.post), .action("\(base)/baris?ke=pk-kinerja"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .label(.for("sasaran_baru"), .text(d.level.sasaranHeader.text)),
                      .input(.id("sasaran_baru"), .name("sasaran_baru"), .type(.text), .required(true)),
                      .label(.for("indikator_baru"), .text(d.level.indikatorHeader.text)),
                      .input(.id("indikator_baru"), .name("indikator_baru"), .type(.text), .required(true)),
                      .label(.for("jenis_baru"), .text(L("Jenis indikator", "Kind of indicator"))),
                      FormView.selectElement("jenis_baru", options: IndicatorKind.allCases.filter { $0 != .ordinal }.map {
                          FormView.Option(value: $0.rawValue, label: $0.label.text)
                      }, selected: IndicatorKind.percent.rawValue),
                      .label(.for("satuan_baru"), .text(L("Satuan", "Unit of measure"))),
                      .input(.id("satuan_baru"), .name("satuan_baru"), .type(.text)),
                      .label(.for("target_baru"), .text("Target \(d.year)")),
                      .input(.id("target_baru"), .name("target_baru"), .type(.text), .required(true)),
                      .button(.type(.submit), .text(L("Tambah", "Add")))),
            ])))
    }

    /// An input that belongs to the row's form by the `form` attribute: a form cannot span table cells.
    static func input(_ form: String, _ name: String, _ value: String, label: String, size: Int = 7) -> Node<HTML.BodyContext> {
        .input(.type(.text), .name(name), .value(value), .attribute(named: "form", value: form),
               .attribute(named: "size", value: String(size)), .attribute(named: "aria-label", value: label))
    }

    static func links(_ row: PkRowView, options: [PkLinkView], editable: Bool, base: String, csrf: String) -> Node<HTML.BodyContext> {
        let chosen = Set(row.links.map(\.rowID))
        return .group(
            .ul(.class("indikator-links"), .forEach(row.links) { .li(.text($0.label)) }),
            .if(row.links.isEmpty, .p(.class("error"), .text(L("Belum dikaitkan", "Not linked")))),
            .if(editable && !options.isEmpty,
                .form(.class("links"), .method(.post), .action("\(base)/baris/\(row.id.uuidString)/kaitan"),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .element(named: "select", nodes: [
                          .attribute(named: "name", value: "kaitan[]"), .attribute(named: "multiple", value: "multiple"),
                          .attribute(named: "aria-label", value: L("Indikator atasan untuk \(row.indikator)", "Superior indicators for \(row.indikator)")),
                      ] + options.map { option in
                          .element(named: "option", nodes: [
                              .attribute(named: "value", value: option.rowID.uuidString),
                              chosen.contains(option.rowID) ? .attribute(named: "selected", value: "selected") : .empty,
                              .text(option.label),
                          ])
                      }),
                      .button(.type(.submit), .text(L("Simpan kaitan", "Save links"))))))
    }

    static func budget(_ d: PkDetail, editable: Bool, base: String, csrf: String) -> Node<HTML.BodyContext> {
        let total = d.budget.reduce(Int64(0)) { $0 &+ $1.amount }
        return .section(.id("pk-anggaran"),
            .h2(.text(L("Anggaran", "Budget"))),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text("No")), .th(.text(d.level.budgetLevel.label.text)), .th(.class("num"), .text(L("Anggaran (Rp)", "Budget (Rp)"))),
                           .if(editable, .th(.text(L("Ubah", "Change")))))),
                .tbody(.forEach(Array(d.budget.enumerated())) { n, line in
                    .tr(.td(.text(String(n + 1))), .td(.span(.class("code"), .text(line.code)), .text(" " + line.name)),
                        .td(.class("num"), .text(IDFormat.rupiah(line.amount))),
                        .if(editable, .td(
                            .form(.class("inline"), .method(.post), .action("\(base)/anggaran/\(line.id.uuidString)"),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .input(.type(.text), .name("anggaran"), .value(IDFormat.rupiah(line.amount)),
                                         .attribute(named: "aria-label", value: L("Anggaran \(line.code)", "Budget \(line.code)"))),
                                  .button(.type(.submit), .text(L("Simpan", "Save")))),
                            .form(.class("inline"), .method(.post), .action("\(base)/anggaran/\(line.id.uuidString)/hapus"),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .button(.type(.submit), .class("secondary"), .text(L("Hapus", "Remove")))))))
                }),
                .tfoot(.tr(.th(), .th(.text(L("Jumlah", "Total"))), .th(.class("num"), .id("pk-total"), .text(IDFormat.rupiah(total))),
                           .if(editable, .th()))))),
            .if(editable, .form(.class("search"), .id("form-anggaran-baru"), .method(.post), .action("\(base)/anggaran?ke=pk-anggaran"),
                .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                .label(.for("kode_baru"), .text(L("Kode \(d.level.budgetLevel.label.id.lowercased())", "\(d.level.budgetLevel.label.en) code"))),
                .input(.id("kode_baru"), .name("kode_baru"), .type(.text), .required(true)),
                .label(.for("anggaran_baru"), .text(L("Anggaran (Rp)", "Budget (Rp)"))),
                .input(.id("anggaran_baru"), .name("anggaran_baru"), .type(.text), .required(true)),
                .button(.type(.submit), .text(L("Tambah", "Add"))))))
    }

    static func diff(_ d: PkDetail) -> Node<HTML.BodyContext> {
        guard let changes = d.review.diff else { return .empty }
        let budget = d.review.budgetDiff ?? []
        return .section(.id("pk-diff"),
            .h2(.text(L("Perbedaan dengan versi sebelumnya", "Difference from the previous version"))),
            changes.isEmpty && budget.isEmpty ? .p(.class("muted"), .text(L("Belum ada perubahan.", "No change yet."))) : .empty,
            .if(!changes.isEmpty, .table(.class("data"),
                .thead(.tr(.th(.text(L("Indikator", "Indicator"))), .th(.text(L("Sebelumnya", "Before"))), .th(.text(L("Sekarang", "Now"))))),
                .tbody(.forEach(changes) { change in
                    switch change {
                    case .added(let r):
                        return .tr(.class("added"), .td(.text(r.indikator)), .td(.text("–")), .td(.text("\(r.target) \(r.satuan)")))
                    case .removed(let r):
                        return .tr(.class("removed"), .td(.text(r.indikator)), .td(.text("\(r.target) \(r.satuan)")), .td(.text(L("dihapus", "removed"))))
                    case .changed(let old, let new):
                        return .tr(.class("changed"), .td(.text(new.indikator)),
                                   .td(.text("\(old.target) \(old.satuan) · TW: \(old.quarterly.joined(separator: " / "))")),
                                   .td(.text("\(new.target) \(new.satuan) · TW: \(new.quarterly.joined(separator: " / "))")))
                    }
                }))),
            .if(!budget.isEmpty, .table(.class("data"),
                .thead(.tr(.th(.text(L("Anggaran", "Budget"))), .th(.class("num"), .text(L("Sebelumnya", "Before"))), .th(.class("num"), .text(L("Sekarang", "Now"))))),
                .tbody(.forEach(budget) { change in
                    switch change {
                    case .added(let b): return .tr(.td(.text("\(b.code) \(b.name)")), .td(.class("num"), .text("–")), .td(.class("num"), .text(IDFormat.rupiah(b.amount))))
                    case .removed(let b): return .tr(.td(.text("\(b.code) \(b.name)")), .td(.class("num"), .text(IDFormat.rupiah(b.amount))), .td(.class("num"), .text(L("dihapus", "removed"))))
                    case .changed(let o, let n): return .tr(.td(.text("\(n.code) \(n.name)")), .td(.class("num"), .text(IDFormat.rupiah(o.amount))), .td(.class("num"), .text(IDFormat.rupiah(n.amount))))
                    }
                }))))
    }

    static func cascade(_ d: PkDetail) -> Node<HTML.BodyContext> {
        guard d.cascade.subordinatePositions > 0 else { return .empty }
        let c = d.cascade
        return .section(.id("pk-cascade"),
            .h2(.text(L("Cascading ke bawahan", "Cascade to subordinates"))),
            c.uncoveredIndicators.isEmpty && c.positionsWithoutPk.isEmpty
                ? .p(.class("notice"), .text(L("Setiap indikator sudah didukung PK bawahan dan setiap jabatan bawahan sudah punya PK.",
                                               "Every indicator is served by a subordinate's PK and every subordinate position has a PK.")))
                : .group(
                    .if(!c.uncoveredIndicators.isEmpty, .group(
                        .p(.text(L("Indikator yang belum didukung PK bawahan:", "Indicators no subordinate PK serves yet:"))),
                        .ul(.forEach(c.uncoveredIndicators) { .li(.text($0)) }))),
                    .if(!c.positionsWithoutPk.isEmpty, .group(
                        .p(.text(L("Jabatan bawahan yang belum punya PK:", "Subordinate positions without a PK:"))),
                        .ul(.forEach(c.positionsWithoutPk) { .li(.text($0)) })))))
    }

    /// The workflow step of a history line, as stored (`ajukan`, `tandatangani:pihakKedua`, …), in words.
    static func actionLabel(_ action: String) -> String {
        switch action {
        case "susun": return L("Disusun", "Drafted")
        case "perubahan": return L("PK Perubahan dibuat", "Revision made")
        default:
            let parts = action.split(separator: ":").map(String.init)
            if parts.count == 2, let party = PkParty(rawValue: parts[1]) {
                return L("Ditandatangani \(party.label.id)", "Signed by the \(party.label.en.lowercased())")
            }
            return PkActionKind(rawValue: action)?.label.text ?? action
        }
    }

    static func history(_ d: PkDetail) -> Node<HTML.BodyContext> {
        .section(.id("pk-history"),
            .h2(.text(L("Riwayat", "History"))),
            .if(d.versions.count > 1, .p(.text(L("Versi: ", "Versions: ")), .forEach(d.versions) { v in
                .group(.a(.href("/pemda/\(d.pemdaCode)/pk/\(v.id.uuidString)"),
                          .text((v.version == 0 ? L("PK induk", "Original") : L("Perubahan \(v.version)", "Revision \(v.version)")) + " (\(v.status.label.text))")),
                       .text(" "))
            })),
            .unwrap(d.sha256) { .p(.text("SHA-256: "), .code(.id("pk-sha"), .text($0))) },
            .table(.class("data"),
                .thead(.tr(.th(.text(L("Waktu", "Time"))), .th(.text(L("Oleh", "By"))), .th(.text(L("Tindakan", "Action"))),
                           .th(.text("Status")), .th(.text(L("Alasan", "Reason"))))),
                .tbody(.forEach(d.events) { e in
                    .tr(.td(.text(Fmt.timestamp(e.at))), .td(.text(e.userName)), .td(.text(actionLabel(e.action))),
                        .td(.text("\(e.from.label.text) → \(e.to.label.text)")), .td(.text(e.reason ?? "")))
                })))
    }
}
