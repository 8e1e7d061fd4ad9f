import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The printable PK: the statement sheet and its annex, laid out like the PDF, on A4 portrait.
enum PkPrintPage {
    static func render(_ doc: PkDocument, sha256: String?, verifyURL: String, isDraft: Bool) -> String {
        HTML(
            .attribute(named: "lang", value: "id"),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                  .title("\(doc.title) · \(doc.pihakPertama.jabatan)"), .stylesheet(SiteURL.stylesheet.path)),
            .body(.class("pk-print"), .main(.id("isi"), body(doc, sha256: sha256, verifyURL: verifyURL, isDraft: isDraft)))
        ).render()
    }

    /// The document itself, also shown on the public verification page.
    static func body(_ doc: PkDocument, sha256: String?, verifyURL: String, isDraft: Bool) -> Node<HTML.BodyContext> {
        .group(
            .if(isDraft, .p(.class("draft-mark"), .text("DRAF · belum ditandatangani"))),
            .section(.class("sheet"),
                .p(.class("heading"), .text("PEMERINTAH " + doc.pemdaName.uppercased())),
                .if(doc.level != .pemda, .p(.class("heading"), .text(doc.unitName.uppercased()))),
                .h1(.class("doc-title"), .text(doc.title)),
                .unwrap(doc.revision) { r in
                    .p(.class("center"), .text("Perubahan ke-\(doc.version): \(r.ground.label.id); Dasar hukum: \(r.legalNumber), \(IDFormat.date(r.legalDate))"))
                },
                .p(.text(doc.statement.opening)),
                party(doc.pihakPertama),
                .unwrap(doc.pihakKedua) { kedua in
                    .group(.p(.text("selanjutnya disebut pihak pertama.")), party(kedua),
                           .p(.text("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.")))
                },
                .p(.text(doc.statement.promise)),
                .unwrap(doc.statement.supervision) { .p(.text($0)) },
                signatures(doc)),
            .section(.class("sheet annex"),
                .h2(.class("doc-title"), .text("LAMPIRAN " + doc.title)),
                .p(.class("center"), .text(doc.pihakPertama.jabatan.uppercased())),
                .table(.class("data"), .id("annex-kinerja"),
                    .thead(.tr(.th(.text("No")), .th(.text(doc.level.sasaranHeader.id)), .th(.text(doc.level.indikatorHeader.id)),
                               .th(.class("num"), .text("Target")))),
                    .tbody(.forEach(Array(doc.performance.enumerated())) { n, row in
                        .tr(.td(.text(String(n + 1))), .td(.text(row.sasaran)), .td(.text(row.indikator)),
                            .td(.class("num"), .text("\(row.target) \(row.satuan)")))
                    })),
                .table(.class("data"), .id("annex-anggaran"),
                    .thead(.tr(.th(.text("No")), .th(.text(doc.level.budgetLevel.label.id)), .th(.class("num"), .text("Anggaran (Rp)")))),
                    .tbody(.forEach(Array(doc.budget.enumerated())) { n, line in
                        .tr(.td(.text(String(n + 1))), .td(.text("\(line.code) \(line.name)")), .td(.class("num"), .text(IDFormat.rupiah(line.amount))))
                    }),
                    .tfoot(.tr(.th(), .th(.text("Jumlah")), .th(.class("num"), .text(IDFormat.rupiah(doc.budgetTotal)))))),
                .h2(.text("Rencana Aksi")),
                .table(.class("data"), .id("annex-renaksi"),
                    .thead(.tr(.th(.text("No")), .th(.text("Indikator")), .th(.class("num"), .text("Target")),
                               .forEach(IDFormat.triwulan) { .th(.class("num"), .text("TW \($0)")) })),
                    .tbody(.forEach(Array(doc.performance.enumerated())) { n, row in
                        .tr(.td(.text(String(n + 1))), .td(.text(row.indikator)), .td(.class("num"), .text("\(row.target) \(row.satuan)")),
                            .forEach(0..<4) { q in .td(.class("num"), .text(q < row.quarterly.count && !row.quarterly[q].isEmpty ? row.quarterly[q] : "–")) })
                    })),
                signatures(doc)),
            .p(.class("verify"), .text("Verifikasi keaslian: "), .a(.href(verifyURL), .text(verifyURL)),
               .unwrap(sha256) { .group(.br(), .text("SHA-256: "), .code(.text($0))) })
        )
    }

    static func party(_ signer: PkSigner) -> Node<HTML.BodyContext> {
        .table(.class("party"),
               .tr(.td(.text("Nama")), .td(.text(": \(signer.name)"))),
               .tr(.td(.text("Jabatan")), .td(.text(": \(signer.jabatan)"))))
    }

    static func signatures(_ doc: PkDocument) -> Node<HTML.BodyContext> {
        func block(_ caption: String, _ signer: PkSigner, dated: Bool) -> Node<HTML.BodyContext> {
            .div(.class("sign"),
                 // The blank line keeps both columns' names level with each other.
                 .p(.text(dated ? "\(doc.place), \(IDFormat.date(doc.date))" : "\u{00A0}")),
                 .p(.text(caption)),
                 .p(.text(signer.jabatan)),
                 .div(.class("space")),
                 .p(.strong(.text(signer.name))),
                 .if(!signer.pangkat.isEmpty, .p(.text(signer.pangkat))),
                 .unwrap(signer.groupedNip) { .p(.text("NIP. \($0)")) })
        }
        return .div(.class("signatures"),
                    .unwrap(doc.pihakKedua) { block("Pihak Kedua,", $0, dated: false) },
                    block(doc.pihakKedua == nil ? "" : "Pihak Pertama,", doc.pihakPertama, dated: true))
    }
}
