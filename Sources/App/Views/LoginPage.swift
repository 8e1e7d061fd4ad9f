import Plot

enum LoginPage {
    static func html(csrf: String, login: String, next: String, error: String? = nil) -> String {
        Layout.page(title: L("Masuk", "Sign in"), body: .group(
            .h1(.text(L("Masuk ke Kinerja", "Sign in to Kinerja"))),
            .unwrap(error) { .p(.class("error"), .id("login-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .class("stack"), .method(.post), .action(SiteURL.login),
                .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                .input(.type(.hidden), .name("next"), .value(next)),
                .label(.for("login"), .text(L("Nama pengguna atau NIP", "Username or NIP"))),
                .input(.id("login"), .name("login"), .type(.text), .value(login), .required(true),
                       .attribute(named: "autocomplete", value: "username"), .autofocus(login.isEmpty)),
                .label(.for("password"), .text(L("Kata sandi", "Password"))),
                .input(.id("password"), .name("password"), .type(.password), .required(true),
                       .attribute(named: "autocomplete", value: "current-password")),
                .button(.type(.submit), .text(L("Masuk", "Sign in")))
            )
        ))
    }
}
