import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// A PK version: its parties, the reason it came back (if it did), the workflow buttons (approving and publishing
/// ask first), the drafting checks, the tables (while a draft: one form for the whole PK, saved with one button), the
/// difference from the version before, the cascade below it, and its history.
enum PkDetailPage {
    struct Model: Sendable {
        var context: PkContext
        var actions: [PkAction]
        var review: PkReview.Result
        /// The crosscutting search (`?cari=`) and what it found.
        var search: String
        var found: [PkContent.Option]
        /// What was typed and refused, shown again in place of the stored values.
        var edit: PkTableEdit?
        var errors: FormErrors
        var error: String?
        var csrf: String
    }

    static let form = "pk-table"

    static func render(_ m: Model) -> String {
        let c = m.context.content
        let o = m.context.organisation
        let pemda = PemdaRef(m.context.pemda)
        let jabatanName = o.positions[c.jabatanID]?.name ?? ""
        let editable = m.actions.contains(.ubah)
        let title = "PK \(c.year) · \(jabatanName)" + (c.version > 0 ? L(" · Perubahan \(c.version)", " · revision \(c.version)") : "")
        let unitName = c.unitID.flatMap { o.units[$0]?.name } ?? pemda.name
        return Layout.page(
            title: title,
            crumbs: Layout.crumbs(pemda, Layout.Crumb("PK \(c.year)", .of(pemda.code, .pkBoard)), Layout.Crumb(jabatanName)),
            pemda: pemda, body: .group(
                .h1(.text(title)),
                .p(.span(.class("badge status-\(c.status.rawValue)"), .id("pk-status"), .attribute(named: "data-status", value: c.status.rawValue),
                         .text(c.status.label.text)),
                   .text(" \(c.level.label.text) · \(unitName)")),
                Layout.alert(m.error),
                returned(m),
                .if(!c.isLatest, .p(.class("notice"), .text(L("Ini bukan versi terbaru PK jabatan ini.", "This is not the newest version of this position's PK.")))),
                parties(m),
                .unwrap(c.revision) { r in
                    .p(.id("pk-revision"), .text(L("Perubahan ke-\(c.version): \(r.ground.label.id). Dasar hukum: \(r.legalNumber), \(Fmt.date(r.legalDate)).",
                                                   "Revision \(c.version): \(r.ground.label.en). Legal basis: \(r.legalNumber), \(Fmt.date(r.legalDate)).")))
                },
                .p(.class("actions"),
                   .a(.class("button"), .href(SiteURL.pk(pemda.code, c.id, .pdf)), .text(L("Unduh PDF", "Download PDF"))),
                   .a(.class("button"), .href(SiteURL.pk(pemda.code, c.id, .print)), .text(L("Cetak", "Print"))),
                   .if(c.current.sha256 != nil, .a(.class("button"), .href(SiteURL.verify(.value(c.id))), .text(L("Halaman verifikasi", "Verification page")))),
                   .if(c.status.isSigned, .a(.class("button"), .id("link-realisasi"), .href(SiteURL.pk(pemda.code, c.id, .realisasi)),
                                             .text(L("Realisasi & capaian", "Realisation & capaian"))))),
                workflow(m),
                findings(m.review),
                editable ? editableTables(m) : tables(m),
                diff(m.review),
                cascade(m),
                history(m)
            ))
    }

    /// A returned PK says why at the top, in full, with who returned it and when.
    static func returned(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        guard c.status == .dikembalikan, let event = c.events.last(where: { $0.action == "kembalikan" }) else { return .empty }
        return .div(.class("notice returned"), .id("pk-return-reason"), .attribute(named: "role", value: "alert"),
                    .strong(.text(L("Dikembalikan oleh \(event.by), \(Fmt.moment(event.at, zone: m.context.pemda.zone)):",
                                    "Returned by \(event.by), \(Fmt.moment(event.at, zone: m.context.pemda.zone)):"))),
                    .p(.text(event.reason ?? "")))
    }

    static func signerBlock(_ label: String, jabatan: String?, signer: PkSigner?, signedOn: CalendarDate?) -> Node<HTML.BodyContext> {
        .div(.class("party"),
             .h3(.text(label)),
             .p(.text(signer?.jabatan ?? jabatan ?? "–")),
             .unwrap(signer) { s in
                 .group(.strong(.text(s.name)), .unwrap(s.groupedNip) { .div(.class("nip"), .text("NIP. \($0)")) },
                        .if(!s.pangkat.isEmpty, .div(.class("muted"), .text(s.pangkat))))
             },
             .unwrap(signedOn) { .div(.class("signed-on"), .text(L("Ditandatangani \(Fmt.date($0))", "Signed \(Fmt.date($0))"))) })
    }

    static func parties(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let o = m.context.organisation
        let day = m.context.today
        func holder(_ id: UUID?) -> PkSigner? {
            guard let id, let position = o.positions[id] else { return nil }
            return o.holder(of: id, on: day)?.signer(jabatanName: position.name)
        }
        let signatures = c.current.signatures
        return .div(.class("parties"),
             .if(!c.level.isUnilateral,
                 signerBlock(L("Pihak Kedua (pemberi amanah)", "Second party (gives the mandate)"),
                             jabatan: c.superiorID.flatMap { o.positions[$0]?.name },
                             signer: signatures[.pihakKedua] ?? holder(c.superiorID), signedOn: c.current.signedDays[.pihakKedua])),
             signerBlock(L("Pihak Pertama (penerima amanah)", "First party (receives the mandate)"),
                         jabatan: o.positions[c.jabatanID]?.name,
                         signer: signatures[.pihakPertama] ?? holder(c.jabatanID), signedOn: c.current.signedDays[.pihakPertama]))
    }

    /// A step that cannot be taken back lightly asks first: the button opens a confirmation with the real button.
    /// Plain HTML, so it works without JavaScript.
    static func confirmed(_ id: String, _ label: String, question: String, confirm: String, action: SiteURL, csrf: String,
                          fields: [(String, String)]) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("confirm"), .id("confirm-\(id)"),
            .element(named: "summary", nodes: [.class("button"), .id("aksi-\(id)"), .text(label)]),
            .form(.class("inline"), .method(.post), .action(action),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .forEach(fields) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
                  .p(.text(question)),
                  .button(.type(.submit), .id("aksi-\(id)-ya"), .text(confirm))),
        ])
    }

    static func workflow(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let pemda = m.context.pemda.code
        let kinds = Set(m.actions.map(\.kind))
        let csrf = m.csrf
        let base = SiteURL.pk(pemda, c.id, .action)
        func button(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.class("inline"), .method(.post), .action(base),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .input(.type(.hidden), .name("aksi"), .value(action)),
                  .button(.type(.submit), .id("aksi-\(action)"), .text(label)))
        }
        let signParties = m.actions.compactMap { action -> PkParty? in
            if case .tandatangani(let party) = action { return party }
            return nil
        }
        let awaiting = m.context.state.awaitingSignature
        let mayRevise = c.status.isSigned && c.isLatest && m.context.actor.mayDraft
        return .section(.class("workflow"), .id("pk-workflow"),
            .h2(.text(L("Alur kerja", "Workflow"))),
            .if(c.status == .disetujui, .p(.text(L("Menunggu tanda tangan: ", "Waiting for signatures: ")
                + (awaiting.isEmpty ? "–" : PkParty.allCases.filter(awaiting.contains).map(\.label.text).joined(separator: ", "))))),
            .if(kinds.contains(.ajukan), button("ajukan", L("Ajukan ke verifikator", "Submit to the verifier"))),
            .if(kinds.contains(.setujui),
                confirmed("setujui", L("Setujui", "Approve"),
                          question: L("Setujui PK ini? Setelah disetujui, PK menunggu tanda tangan para pihak dan tidak dapat diubah lagi kecuali dikembalikan.",
                                      "Approve this PK? Once approved it waits for the parties' signatures and cannot be changed unless returned."),
                          confirm: L("Ya, setujui", "Yes, approve"), action: base, csrf: csrf, fields: [("aksi", "setujui")])),
            .if(kinds.contains(.kembalikan),
                .form(.class("stack"), .id("form-kembalikan"), .method(.post), .action(base),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .input(.type(.hidden), .name("aksi"), .value("kembalikan")),
                      .label(.for("alasan-kembali"), .text(L("Alasan pengembalian", "Reason for returning"))),
                      .textarea(.id("alasan-kembali"), .name("alasan"), .required(true), .attribute(named: "rows", value: "2"),
                                .attribute(named: "minlength", value: String(PkWorkflow.minimumReasonLength))),
                      .button(.type(.submit), .id("aksi-kembalikan"), .text(L("Kembalikan", "Return"))))),
            .forEach(signParties) { party in
                .form(.class("stack"), .id("form-tandatangani-\(party.rawValue)"), .method(.post), .action(SiteURL.pk(pemda, c.id, .sign)),
                      .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                      .input(.type(.hidden), .name("pihak"), .value(party.rawValue)),
                      .p(.text(L("Tanda tangani sebagai \(party.label.id). Ketik kata sandi Anda untuk memastikan yang menandatangani adalah Anda.",
                                 "Sign as \(party.label.en.lowercased()). Type your password to confirm it is you signing."))),
                      .label(.for("sandi-\(party.rawValue)"), .text(L("Kata sandi", "Password"))),
                      .input(.id("sandi-\(party.rawValue)"), .name("kataSandi"), .type(.password), .required(true),
                             .attribute(named: "autocomplete", value: "current-password")),
                      .button(.type(.submit), .id("aksi-tandatangani-\(party.rawValue)"), .text(L("Tandatangani", "Sign"))))
            },
            .if(kinds.contains(.terbitkan),
                confirmed("terbitkan", L("Terbitkan", "Publish"),
                          question: L("Terbitkan PK ini di portal publik? Siapa pun dapat membaca dan memverifikasinya.",
                                      "Publish this PK on the public portal? Anyone can read and verify it."),
                          confirm: L("Ya, terbitkan", "Yes, publish"), action: base, csrf: csrf, fields: [("aksi", "terbitkan")])),
            .if(mayRevise,
                .element(named: "details", nodes: [
                    .element(named: "summary", text: L("Buat PK Perubahan", "Make a revised PK")),
                    .form(.class("stack"), .id("form-perubahan"), .method(.post), .action(SiteURL.pk(pemda, c.id, .revise)),
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
            .if(m.actions.isEmpty && !mayRevise,
                .p(.class("muted"), .text(L("Tidak ada tindakan untuk Anda pada PK ini saat ini.", "Nothing for you to do on this PK now."))))
        )
    }

    static func findings(_ review: PkReview.Result) -> Node<HTML.BodyContext> {
        let list = review.findings
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

    static func diff(_ review: PkReview.Result) -> Node<HTML.BodyContext> {
        guard let changes = review.diff else { return .empty }
        let budget = review.budgetDiff ?? []
        return .section(.id("pk-diff"),
            .h2(.text(L("Perbedaan dengan versi sebelumnya", "Difference from the previous version"))),
            changes.isEmpty && budget.isEmpty ? .p(.class("muted"), .text(L("Belum ada perubahan.", "No change yet."))) : .empty,
            .if(!changes.isEmpty, .div(.class("scroll"), .table(.class("data"),
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
                })))),
            .if(!budget.isEmpty, .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Anggaran", "Budget"))), .th(.class("num"), .text(L("Sebelumnya", "Before"))), .th(.class("num"), .text(L("Sekarang", "Now"))))),
                .tbody(.forEach(budget) { change in
                    switch change {
                    case .added(let b): return .tr(.td(.text("\(b.code) \(b.name)")), .td(.class("num"), .text("–")), .td(.class("num"), .text(IDFormat.rupiah(b.amount))))
                    case .removed(let b): return .tr(.td(.text("\(b.code) \(b.name)")), .td(.class("num"), .text(IDFormat.rupiah(b.amount))), .td(.class("num"), .text(L("dihapus", "removed"))))
                    case .changed(let o, let n): return .tr(.td(.text("\(n.code) \(n.name)")), .td(.class("num"), .text(IDFormat.rupiah(o.amount))), .td(.class("num"), .text(IDFormat.rupiah(n.amount))))
                    }
                })))))
    }

    static func cascade(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let o = m.context.organisation
        let subordinates = (o.subordinates[c.jabatanID] ?? []).filter { o.pkLevel(of: $0) != nil }
        guard !subordinates.isEmpty else { return .empty }
        let gap = PkCascade.gap(superiorIndicators: c.rows.map(\.key), servedKeys: Set(c.rows.filter(\.served).map(\.key)),
                                subordinatePositions: subordinates.compactMap { o.positions[$0]?.name },
                                positionsWithPk: Set(c.subordinatesWithPk.compactMap { o.positions[$0]?.name }))
        let nameOf = Dictionary(c.rows.map { ($0.key, $0.indikator) }, uniquingKeysWith: { a, _ in a })
        let uncovered = gap.uncoveredIndicators.compactMap { nameOf[$0] }
        return .section(.id("pk-cascade"),
            .h2(.text(L("Cascading ke bawahan", "Cascade to subordinates"))),
            uncovered.isEmpty && gap.positionsWithoutPk.isEmpty
                ? .p(.class("notice"), .text(L("Setiap indikator sudah didukung PK bawahan dan setiap jabatan bawahan sudah punya PK.",
                                               "Every indicator is served by a subordinate's PK and every subordinate position has a PK.")))
                : .group(
                    .if(!uncovered.isEmpty, .group(
                        .p(.text(L("Indikator yang belum didukung PK bawahan:", "Indicators no subordinate PK serves yet:"))),
                        .ul(.forEach(uncovered) { .li(.text($0)) }))),
                    .if(!gap.positionsWithoutPk.isEmpty, .group(
                        .p(.text(L("Jabatan bawahan yang belum punya PK:", "Subordinate positions without a PK:"))),
                        .ul(.forEach(gap.positionsWithoutPk) { .li(.text($0)) })))))
    }

    static func history(_ m: Model) -> Node<HTML.BodyContext> {
        let c = m.context.content
        let pemda = m.context.pemda.code
        let zone = m.context.pemda.zone
        return .section(.id("pk-history"),
            .h2(.text(L("Riwayat", "History"))),
            .if(c.versions.count > 1, .p(.text(L("Versi: ", "Versions: ")), .forEach(c.versions) { v in
                .group(.a(.href(SiteURL.pk(pemda, v.id)),
                          .text((v.version == 0 ? L("PK induk", "Original") : L("Perubahan \(v.version)", "Revision \(v.version)")) + " (\(v.status.label.text))")),
                       .text(" "))
            })),
            .unwrap(c.current.sha256) { .p(.text("SHA-256: "), .code(.id("pk-sha"), .text($0))) },
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Waktu", "Time"))), .th(.text(L("Oleh", "By"))), .th(.text(L("Langkah", "Step"))),
                           .th(.text("Status")), .th(.text(L("Alasan", "Reason"))))),
                .tbody(.forEach(c.events) { e in
                    .tr(.td(.text(Fmt.moment(e.at, zone: zone))), .td(.text(e.by)), .td(.text(PkHistoryStep.label(e.action).text)),
                        .td(.text("\(e.from.label.text) → \(e.to.label.text)")), .td(.text(e.reason ?? "")))
                }))))
    }
}
