import Foundation
import KinerjaCore
import KinerjaStore
import Plot

enum PkSettingPage {
    static func render(_ pemda: PemdaInfo, values: [String: String], hasLogo: Bool, saved: Bool, errors: FormErrors,
                       csrf: String) -> String
    {
        let title = L("Pengaturan Perjanjian Kinerja", "Performance agreement settings")
        func v(_ key: String) -> String { values[key] ?? "" }
        return Layout.page(title: title, crumbs: PemdaPages.crumbs(pemda, title), pemda: PemdaRef(pemda), body: .group(
            .h1(.text(title)),
            .if(saved, .p(.class("notice"), .id("saved"), .text(L("Tersimpan.", "Saved.")))),
            FormView.form(action: .of(pemda.code, .pkSettings), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("tempat", L("Tempat penandatanganan", "Place of signing"), value: v("tempat"), errors: errors,
                              hint: L("Ditulis sebelum tanggal di atas tanda tangan, mis. Kota Contoh.", "Written before the date above the signatures.")),
                FormView.text("bulan", L("Tenggat PK (bulan setelah DPA disahkan)", "PK deadline (months after the DPA)"), value: v("bulan"),
                              errors: errors, type: .number),
                FormView.text("pengingat", L("Pengingat mulai (hari sebelum tenggat)", "Reminders start (days before the deadline)"),
                              value: v("pengingat"), errors: errors, type: .number),
                .fieldset(.element(named: "legend", text: L("Pernyataan PK dua pihak", "Statement of a two-party PK")),
                    FormView.textarea("pembuka", L("Kalimat pembuka", "Opening"), value: v("pembuka"), errors: errors, required: true),
                    FormView.textarea("janji", L("Janji pihak pertama", "First party's promise"), value: v("janji"), errors: errors, required: true),
                    FormView.textarea("pengawasan", L("Supervisi pihak kedua", "Second party's supervision"), value: v("pengawasan"),
                                      errors: errors, required: true)),
                .fieldset(.element(named: "legend", text: L("Pernyataan PK Kepala Daerah", "Statement of the regional head's PK")),
                    FormView.textarea("pembuka_kd", L("Kalimat pembuka", "Opening"), value: v("pembuka_kd"), errors: errors, required: true),
                    FormView.textarea("janji_kd", L("Janji", "Promise"), value: v("janji_kd"), errors: errors, required: true)),
            ]),
            .h2(.text(L("Logo Pemda", "Pemda emblem"))),
            .if(hasLogo, .img(.src(SiteURL.of(pemda.code, .pkLogo)), .alt(L("Logo \(pemda.name)", "Emblem of \(pemda.name)")),
                              .attribute(named: "height", value: "96"))),
            .form(.class("stack"), .id("logo-form"), .method(.post), .action(SiteURL.of(pemda.code, .pkLogoUpload)),
                  .attribute(named: "enctype", value: "multipart/form-data"),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .label(.for("logo"), .text(L("Berkas PNG (paling besar \(PkSettingRules.maxLogoBytes / 1024) KB)",
                                               "PNG file (at most \(PkSettingRules.maxLogoBytes / 1024) KB)"))),
                  .input(.id("logo"), .name("logo"), .type(.file), .attribute(named: "accept", value: "image/png")),
                  .unwrap(errors.byField["logo"]) { .element(named: "span", nodes: [.class("field-error"), .id("logo-error"), .text($0)]) },
                  .button(.type(.submit), .text(L("Unggah logo", "Upload the emblem")))),
            .if(hasLogo, .form(.class("inline"), .method(.post), .action(SiteURL.of(pemda.code, .pkLogoUpload)),
                               .attribute(named: "enctype", value: "multipart/form-data"),
                               .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                               .input(.type(.hidden), .name("hapus"), .value("1")),
                               .button(.type(.submit), .class("secondary"), .text(L("Hapus logo", "Remove the emblem")))))
        ))
    }
}
