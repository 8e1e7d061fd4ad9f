import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The public portal of published PKs and the verification page of a signed one.
enum PortalPages {
    struct ListModel: Sendable {
        var items: [PublishedPk]
        var total: Int
        var page: Int
        var pages: Int
        var pemdaList: [PemdaSummary]
        var pemda: PemdaRef?
        var year: Int?
        var units: [UnitRow]
        var unit: UUID?
        var query: String
    }

    static func list(_ m: ListModel) -> String {
        func pageURL(_ page: Int) -> String {
            SiteURL.portal.url(["pemda": m.pemda?.code, "tahun": m.year.map(String.init), "unit": m.unit?.uuidString,
                                "q": m.query.isEmpty ? nil : m.query, "halaman": String(page)])
        }
        return Layout.page(title: L("PK yang diterbitkan", "Published performance agreements"), pemda: m.pemda, body: .group(
            .h1(.text(L("Perjanjian Kinerja yang diterbitkan", "Published performance agreements"))),
            .p(.class("lead"), .text(L("PK yang sudah ditandatangani kedua pihak dan diterbitkan. Setiap dokumen dapat diperiksa keasliannya di halaman verifikasi.",
                                       "Agreements signed by both parties and published. Every document can be checked on its verification page."))),
            .form(.class("search"), .method(.get), .action(SiteURL.portal),
                  .label(.for("pemda"), .text("Pemda")),
                  FormView.selectElement("pemda", options: [FormView.Option(value: "", label: L("Pilih Pemda", "Choose a Pemda"))]
                                          + m.pemdaList.map { FormView.Option(value: $0.code, label: $0.name) }, selected: m.pemda?.code ?? ""),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(m.year.map(String.init) ?? ""),
                         .attribute(named: "min", value: String(Limits.years.lowerBound)), .attribute(named: "max", value: String(Limits.years.upperBound))),
                  .if(!m.units.isEmpty, .group(
                      .label(.for("unit"), .text(L("Perangkat Daerah", "Agency"))),
                      FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                              + m.units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                              selected: m.unit?.uuidString ?? ""))),
                  .label(.for("q"), .text(L("Cari", "Search"))),
                  .input(.id("q"), .name("q"), .type(.search), .value(m.query)),
                  .button(.type(.submit), .text(L("Cari", "Search")))),
            m.pemda == nil ? .p(.class("muted"), .id("portal-empty"), .text(L("Pilih Pemda untuk melihat PK yang diterbitkannya.", "Choose a Pemda to see the PKs it has published.")))
            : m.items.isEmpty ? .p(.class("muted"), .id("portal-empty"), .text(L("Belum ada PK yang diterbitkan untuk pilihan ini.", "No published PK for this choice yet.")))
                : .group(
                    .p(.class("muted"), .text(L("\(m.total) PK diterbitkan.", "\(m.total) published PKs."))),
                    .div(.class("scroll"), .table(.class("data"), .id("portal-list"),
                        .thead(.tr(.th(.text(L("Tahun", "Year"))), .th(.text(L("Perangkat Daerah", "Agency"))),
                                   .th(.text(L("Jabatan", "Position"))), .th(.text(L("Pejabat", "Official"))),
                                   .th(.text(L("Ditandatangani", "Signed"))), .th(.text(L("Dokumen", "Document"))))),
                        .tbody(.forEach(m.items) { p in
                            .tr(.td(.text(String(p.year))), .td(.text(p.unitName)),
                                .td(.text(p.jabatanName + (p.version > 0 ? L(" (Perubahan \(p.version))", " (revision \(p.version))") : ""))),
                                .td(.text(p.pihakPertama)), .td(.text(p.signedOn.map(Fmt.date) ?? "–")),
                                .td(.a(.href(SiteURL.verify(.value(p.pkID))), .text(L("Lihat dan verifikasi", "View and verify"))),
                                    .text(" · "), .a(.href(SiteURL.portalPdf(.value(p.pkID))), .text("PDF"))))
                        }))),
                    Pager.links(page: m.page, pages: m.pages, url: pageURL))
        ))
    }

    static func verification(_ view: PkVerificationView?, url: String) -> String {
        Layout.page(title: L("Verifikasi dokumen", "Document verification"), body: .group(
            .h1(.text(L("Verifikasi Perjanjian Kinerja", "Performance agreement verification"))),
            .unwrap(view, { v in
                .group(
                    v.verification.isValid && v.keyTrust != .unknown
                        ? .p(.class("notice"), .id("verify-result"), .attribute(named: "data-valid", value: "true"),
                             .text(L("SAH: isi dokumen sama persis dengan yang ditandatangani, dan segelnya dibuat oleh server Kinerja.",
                                     "VALID: the document is exactly what was signed, and its seal was made by the Kinerja server.")))
                        : .p(.class("error"), .id("verify-result"), .attribute(named: "data-valid", value: "false"),
                             .text(L("TIDAK SAH: " + (!v.verification.hashMatches ? "isi dokumen tidak sama dengan sidik SHA-256 saat ditandatangani."
                                                      : !v.verification.sealValid ? "segel tidak cocok dengan kunci server." : "disegel dengan kunci yang tidak dikenal server ini."),
                                     "NOT VALID: " + (!v.verification.hashMatches ? "the document differs from its SHA-256 at signing."
                                                      : !v.verification.sealValid ? "the seal does not match the server key." : "sealed with a key this server does not vouch for.")))),
                    .if(v.verification.isValid && v.keyTrust == .legacy,
                        .p(.class("warn"), .id("verify-legacy"), .text(L("Segel ini dibuat dengan kunci lama yang dahulu disimpan di basis data; keasliannya setara dengan keamanan basis data saat itu.",
                                                                         "This seal was made with an old key that was kept in the database; it is only as trustworthy as that database was.")))),
                    .unwrap(v.supersededBy) {
                        .p(.class("error"), .text(L("Versi ini sudah diganti oleh PK Perubahan \($0).", "This version has been replaced by revision \($0).")))
                    },
                    .dl(.class("facts"),
                        .dt(.text("SHA-256")), .dd(.code(.class("hash"), .text(v.sha256))),
                        .dt(.text(L("Disegel", "Sealed"))), .dd(.text(Fmt.moment(v.sealedAt, zone: v.zone))),
                        .dt(.text(L("Kunci publik server (Ed25519)", "Server public key (Ed25519)"))), .dd(.code(.class("hash"), .text(v.publicKey))),
                        .dt(.text("Status")), .dd(.text(v.status.label.text))),
                    .unwrap(v.document) { PkPrintPage.body($0, sha256: v.sha256, verifyURL: url, isDraft: false) })
            }, else: .p(.class("error"), .id("verify-result"), .attribute(named: "data-valid", value: "false"),
                        .text(L("Tidak ada PK bertanda tangan dengan tanda pengenal ini.", "There is no signed PK with this identifier."))))
        ))
    }
}

/// Links to the pages of a long list.
enum Pager {
    static func links(page: Int, pages: Int, url: (Int) -> String) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        let shown = Set([1, pages, page - 1, page, page + 1].filter { (1...pages).contains($0) })
        return .nav(.class("pager"), .attribute(named: "aria-label", value: L("Halaman", "Pages")),
                    .if(page > 1, .a(.href(url(page - 1)), .attribute(named: "rel", value: "prev"), .text(L("‹ Sebelumnya", "‹ Previous")))),
                    .forEach(shown.sorted()) { n in
                        n == page ? .strong(.attribute(named: "aria-current", value: "page"), .text(String(n)))
                            : .a(.href(url(n)), .text(String(n)))
                    },
                    .if(page < pages, .a(.href(url(page + 1)), .attribute(named: "rel", value: "next"), .text(L("Berikutnya ›", "Next ›")))),
                    .span(.class("muted"), .text(L(" Halaman \(page) dari \(pages)", " Page \(page) of \(pages)"))))
    }
}
