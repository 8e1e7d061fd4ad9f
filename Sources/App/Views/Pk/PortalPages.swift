import Foundation
import KinerjaCore
import KinerjaStore
import Plot

/// The public portal of published PKs and the verification page of a signed one.
enum PortalPages {
    static func list(items: [PublishedPk], pemdaList: [PemdaSummary], pemdaCode: String?, year: Int?, units: [UnitRow],
                     unit: UUID?, query: String) -> String
    {
        Layout.page(title: L("PK yang diterbitkan", "Published performance agreements"), body: .group(
            .h1(.text(L("Perjanjian Kinerja yang diterbitkan", "Published performance agreements"))),
            .form(.class("search"), .method(.get), .action("/publik/pk"),
                  .label(.for("pemda"), .text("Pemda")),
                  FormView.selectElement("pemda", options: [FormView.Option(value: "", label: L("Pilih Pemda", "Choose a Pemda"))]
                                          + pemdaList.map { FormView.Option(value: $0.code, label: $0.name) }, selected: pemdaCode ?? ""),
                  .label(.for("tahun"), .text(L("Tahun", "Year"))),
                  .input(.id("tahun"), .name("tahun"), .type(.number), .value(year.map(String.init) ?? "")),
                  .if(!units.isEmpty, .group(
                      .label(.for("unit"), .text(L("Perangkat Daerah", "Agency"))),
                      FormView.selectElement("unit", options: [FormView.Option(value: "", label: L("Semua", "All"))]
                                              + units.map { FormView.Option(value: $0.id.uuidString, label: $0.name) },
                                              selected: unit?.uuidString ?? ""))),
                  .label(.for("q"), .text(L("Cari", "Search"))),
                  .input(.id("q"), .name("q"), .type(.search), .value(query)),
                  .button(.type(.submit), .text(L("Cari", "Search")))),
            pemdaCode == nil ? .p(.class("muted"), .id("portal-empty"), .text(L("Pilih Pemda untuk melihat PK yang diterbitkannya.", "Choose a Pemda to see the PKs it has published.")))
            : items.isEmpty ? .p(.class("muted"), .id("portal-empty"), .text(L("Belum ada PK yang diterbitkan untuk pilihan ini.", "No published PK for this choice yet.")))
                : .table(.class("data"), .id("portal-list"),
                    .thead(.tr(.th(.text("Pemda")), .th(.text(L("Tahun", "Year"))), .th(.text(L("Unit", "Unit"))),
                               .th(.text(L("Jabatan", "Position"))), .th(.text(L("Pejabat", "Official"))),
                               .th(.text(L("Ditandatangani", "Signed"))), .th(.text(L("Dokumen", "Document"))))),
                    .tbody(.forEach(items) { p in
                        .tr(.td(.text(p.pemdaName)), .td(.text(String(p.year))), .td(.text(p.unitName)),
                            .td(.text(p.jabatanName + (p.version > 0 ? L(" (Perubahan \(p.version))", " (revision \(p.version))") : ""))),
                            .td(.text(p.pihakPertama)), .td(.text(p.signedOn.map(Fmt.date) ?? "–")),
                            .td(.a(.href("/verifikasi/\(p.pkID.uuidString)"), .text(L("Lihat dan verifikasi", "View and verify"))),
                                .text(" · "), .a(.href("/publik/pk/\(p.pkID.uuidString)/pdf"), .text("PDF"))))
                    }))
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
                    .unwrap(v.supersededBy) {
                        .p(.class("error"), .text(L("Versi ini sudah diganti oleh PK Perubahan \($0).", "This version has been replaced by revision \($0).")))
                    },
                    .dl(.class("facts"),
                        .dt(.text("SHA-256")), .dd(.code(.text(v.sha256))),
                        .dt(.text(L("Disegel", "Sealed"))), .dd(.text(Fmt.timestamp(v.sealedAt))),
                        .dt(.text(L("Kunci publik server (Ed25519)", "Server public key (Ed25519)"))), .dd(.code(.text(v.publicKey))),
                        .dt(.text("Status")), .dd(.text(v.status.label.text))),
                    .unwrap(v.document) { PkPrintPage.body($0, sha256: v.sha256, verifyURL: url, isDraft: false) })
            }, else: .p(.class("error"), .id("verify-result"), .attribute(named: "data-valid", value: "false"),
                        .text(L("Tidak ada PK bertanda tangan dengan tanda pengenal ini.", "There is no signed PK with this identifier."))))
        ))
    }
}
