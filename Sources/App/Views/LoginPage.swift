import Plot

enum LoginPage {
    static func html(csrf: String, login: String, next: String, error: String? = nil) -> String {
        Layout.page(title: "Masuk", body: .group(
            .h1(.text("Masuk ke Kinerja")),
            .unwrap(error) { .p(.class("error"), .id("login-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .class("stack"), .method(.post), .action("/masuk"),
                .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                .input(.type(.hidden), .name("next"), .value(next)),
                .label(.for("login"), .text("Nama pengguna atau NIP")),
                .input(.id("login"), .name("login"), .type(.text), .value(login), .required(true),
                       .attribute(named: "autocomplete", value: "username"), .autofocus(login.isEmpty)),
                .label(.for("password"), .text("Kata sandi")),
                .input(.id("password"), .name("password"), .type(.password), .required(true),
                       .attribute(named: "autocomplete", value: "current-password")),
                .button(.type(.submit), .text("Masuk"))
            )
        ))
    }
}
