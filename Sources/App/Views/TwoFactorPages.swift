import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Plot

/// Setting up the authenticator app, and the second step of signing in.
enum TwoFactorPages {
    static func setup(enabledSince: Date?, zone: ZonaWaktu, secret: String?, uri: String?, errors: FormErrors, notice: String?,
                      csrf: String) -> String
    {
        let title = L("Verifikasi dua langkah", "Two-step verification")
        return Layout.page(title: title, crumbs: [Layout.Crumb(L("Beranda", "Home"), .home), Layout.Crumb(title)],
                           body: .group(
            .h1(.text(title)),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(enabledSince, { since in .group(
                .p(.text(L("Verifikasi dua langkah aktif sejak \(Fmt.moment(since, zone: zone)). Setiap masuk, Kinerja meminta kode enam angka dari aplikasi autentikator Anda.",
                           "Two-step verification is on since \(Fmt.moment(since, zone: zone)). Each sign-in asks for the six-digit code of your authenticator app."))),
                .h2(.text(L("Matikan", "Turn it off"))),
                FormView.form(action: .twoFactorOff, csrf: csrf, errors: errors,
                              submit: L("Matikan verifikasi dua langkah", "Turn two-step verification off"), fields: [
                    FormView.password("kataSandi", L("Kata sandi", "Password"), errors: errors, autocomplete: "current-password"),
                    codeField(errors),
                ])
            ) }, else: .group(
                .p(.text(L("Tambahkan lapisan kedua: selain kata sandi, Kinerja akan meminta kode dari aplikasi autentikator di ponsel Anda (mis. Google Authenticator, Microsoft Authenticator, FreeOTP).",
                           "Add a second layer: besides your password, Kinerja will ask for a code from an authenticator app on your phone (e.g. Google Authenticator, Microsoft Authenticator, FreeOTP)."))),
                .ol(
                    .li(.text(L("Di aplikasi, pindai kode QR ini, atau pilih tambah akun lalu masukkan kunci ini secara manual (jenis: berbasis waktu):",
                                "In the app, scan this QR code, or add an account and enter this key by hand (type: time-based):")),
                        // Markup made by our own encoder from the key: no text of the user's reaches it.
                        .unwrap(uri.flatMap { try? QRCode(encoding: $0) }) { .div(.id("kode-qr"), .raw($0.svg(moduleSize: 4))) },
                        .p(.class("secret"), .id("kunci"), .text(secret.map(TwoFactor.grouped) ?? "")),
                        .unwrap(uri) { .p(.class("muted"), .text(L("Di ponsel, tautan ini membuka aplikasinya: ", "On a phone, this link opens the app: ")),
                                          .a(.href($0), .text(L("tambahkan ke autentikator", "add to authenticator")))) }),
                    .li(.text(L("Ketik kode enam angka yang ditampilkan aplikasi untuk memastikan semuanya benar.",
                                "Type the six-digit code the app shows, to confirm it works.")))),
                FormView.form(action: .twoFactor, csrf: csrf, errors: errors,
                              submit: L("Aktifkan", "Turn on"), fields: [codeField(errors)])
            ))
        ))
    }

    static func challenge(csrf: String, error: String?) -> String {
        Layout.page(title: L("Kode verifikasi", "Verification code"), body: .group(
            .h1(.text(L("Masukkan kode verifikasi", "Enter the verification code"))),
            .p(.text(L("Buka aplikasi autentikator Anda dan ketik kode enam angka untuk Kinerja.",
                       "Open your authenticator app and type the six-digit code for Kinerja."))),
            .unwrap(error) { .p(.class("error"), .id("login-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(.class("stack"), .method(.post), .action(SiteURL.loginCode),
                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                  .label(.for("kode"), .text(L("Kode", "Code"))),
                  .input(.id("kode"), .name("kode"), .type(.text), .required(true), .autofocus(true),
                         .attribute(named: "inputmode", value: "numeric"), .attribute(named: "autocomplete", value: "one-time-code"),
                         .attribute(named: "pattern", value: "[0-9 ]{6,7}")),
                  .button(.type(.submit), .text(L("Lanjutkan", "Continue"))))
        ))
    }

    static func codeField(_ errors: FormErrors) -> Node<HTML.FormContext> {
        let error = errors.byField["kode"]
        return .group(
            .label(.for("kode"), .text(L("Kode dari aplikasi", "Code from the app"))),
            .input(.id("kode"), .name("kode"), .type(.text), .required(true),
                   .attribute(named: "inputmode", value: "numeric"), .attribute(named: "autocomplete", value: "one-time-code"),
                   .attribute(named: "aria-invalid", value: error == nil ? "false" : "true")),
            .unwrap(error) { .element(named: "span", nodes: [.class("field-error"), .id("kode-error"), .text($0)]) })
    }
}
