import Foundation
import KinerjaCore
import KinerjaStore
import Plot

enum AccountPages {
    static let assignable: [Role] = [.adminPemda, .kepalaDaerah, .pejabat, .operatorOpd, .verifikator, .inspektorat]

    static func list(_ pemda: PemdaInfo, rows: [UserQueries.AccountRow], query: String, total: Int, error: String?,
                     csrf: String) -> String
    {
        Layout.page(title: L("Pengguna", "Users"), crumbs: PemdaPages.crumbs(pemda, L("Pengguna", "Users")),
                    pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Pengguna", "Users"))),
            Layout.actionLink(L("Tambah pengguna", "Add a user"), href: .of(pemda.code, .userNew),
                              if: Layout.may(.create, Subject(.user, pemda: pemda.code))),
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            SearchBox.form(action: .of(pemda.code, .users), query: query,
                           label: L("Cari nama, nama pengguna atau NIP", "Search by name, username or NIP"),
                           shown: rows.count, total: total),
            .div(.class("scroll"), .table(.class("data"),
                .thead(.tr(.th(.text(L("Nama pengguna", "Username"))), .th(.text(L("Nama", "Name"))), .th(.text("NIP")),
                           .th(.text(L("Peran", "Roles"))), .th(.text("Status")),
                           .th(.text(L("Atur ulang kata sandi", "Reset password"))),
                           .th(.text(L("Aktif/nonaktif", "Enable/disable"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.username)), .td(.text(row.displayName)),
                        .td(.class("nip"), .text(row.nip.map(Nip.group) ?? "–")),
                        .td(.text(row.roles.map(\.label.text).joined(separator: ", "))),
                        .td(.text(!row.active ? L("Nonaktif", "Inactive") : row.locked ? L("Terkunci sementara", "Locked for now")
                                  : row.mustChangePassword ? L("Harus mengganti kata sandi", "Must change password")
                                  : L("Aktif", "Active"))),
                        .td(.form(.class("inline"), .method(.post),
                                  .action(SiteURL.of(pemda.code, .userReset(.value(row.id)))),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .input(.type(.password), .name("kataSandi"),
                                         .attribute(named: "aria-label", value: L("Kata sandi sementara untuk \(row.username)",
                                                                           "Temporary password for \(row.username)")),
                                         .attribute(named: "autocomplete", value: "new-password")),
                                  .button(.type(.submit), .text(L("Atur ulang", "Reset"))))),
                        .td(statusForm(pemda, row, csrf: csrf)))
                })))
        ))
    }

    /// Turning an account off or on again, with the reason the audit trail keeps.
    static func statusForm(_ pemda: PemdaInfo, _ row: UserQueries.AccountRow, csrf: String) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(SiteURL.of(pemda.code, .userStatus(.value(row.id)))),
              .input(.type(.hidden), .name("_csrf"), .value(csrf)),
              .input(.type(.hidden), .name("aktif"), .value(row.active ? "0" : "1")),
              .input(.type(.text), .name("alasan"), .required(true),
                     .attribute(named: "aria-label", value: L("Alasan untuk \(row.username)", "Reason for \(row.username)")),
                     .attribute(named: "placeholder", value: L("Alasan", "Reason"))),
              .button(.type(.submit), .text(row.active ? L("Nonaktifkan", "Disable") : L("Aktifkan", "Enable"))))
    }

    static func create(_ pemda: PemdaInfo, units: [UnitRow], positions: [JabatanRow], people: [PemdaOrganisation.Person],
                       form: AccountController.NewAccountForm, errors: FormErrors, csrf: String) -> String
    {
        let chosen = Set(form.peran ?? [])
        let roleError = errors.byField["peran"]
        return Layout.page(title: L("Pengguna baru", "New user"), crumbs: PemdaPages.crumbs(pemda, L("Pengguna baru", "New user")),
                           pemda: PemdaRef(pemda), body: .group(
            .h1(.text(L("Tambah pengguna", "Add a user"))),
            FormView.form(action: .of(pemda.code, .userNew), csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.text("namaPengguna", L("Nama pengguna", "Username"), value: form.namaPengguna, errors: errors),
                FormView.text("nama", L("Nama lengkap dengan gelar", "Full name with titles"), value: form.nama, errors: errors),
                FormView.text("nip", "NIP", value: form.nip, errors: errors, required: false,
                              hint: L("Agar dapat masuk dengan NIP", "To sign in with the NIP")),
                .element(named: "fieldset", nodes: [
                    .element(named: "legend", text: L("Peran", "Roles")),
                    .forEach(assignable) { role in
                        .label(.input(.type(.checkbox), .name("peran[]"), .value(role.rawValue),
                                      .checked(chosen.contains(role.rawValue))),
                               .text(" " + role.label.text))
                    },
                    .unwrap(roleError) { .element(named: "span", nodes: [.class("field-error"), .id("peran-error"), .text($0)]) },
                ]),
                FormView.select("unit", L("Unit kerja (Operator OPD)", "Work unit (for an agency operator)"), options: units.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name)
                }, selected: form.unit, errors: errors, allowEmpty: true),
                FormView.select("pegawai", L("Pegawai pemilik akun", "The employee who owns the account"), options: people.map {
                    .init(value: $0.id.uuidString, label: $0.name + ($0.nip.map { " (\(Nip.group($0)))" } ?? ""))
                }, selected: form.pegawai, errors: errors, allowEmpty: true,
                   hint: L("Yang menandatangani PK adalah pemilik akun yang menduduki jabatan pada hari itu. Terisi otomatis dari NIP; pilih untuk Kepala Daerah yang tidak ber-NIP.",
                           "A PK is signed by the account owner who holds the position that day. Found from the NIP; choose it for a Kepala Daerah without one.")),
                FormView.select("jabatan", L("Jabatan (Pejabat)", "Position (for an official)"), options: positions.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name)
                }, selected: form.jabatan, errors: errors, allowEmpty: true),
                FormView.password("kataSandi", L("Kata sandi awal", "Initial password"), errors: errors,
                                  hint: L("Paling sedikit \(PasswordRules.minimumLength) karakter, huruf dan angka; harus diganti saat pertama masuk.",
                                          "At least \(PasswordRules.minimumLength) characters, letters and digits; to be changed at first sign-in.")),
            ])
        ))
    }

    static func password(csrf: String, errors: FormErrors) -> String {
        Layout.page(title: L("Ganti kata sandi", "Change password"), body: .group(
            .h1(.text(L("Ganti kata sandi", "Change password"))),
            .if(Viewer.current?.mustChangePassword == true,
                .p(.class("lead"), .text(L("Kata sandi Anda diatur oleh admin. Gantilah sebelum melanjutkan.",
                         "Your password was set by an admin. Change it before you go on.")))),
            FormView.form(action: .password, csrf: csrf, errors: errors, submit: L("Simpan", "Save"), fields: [
                FormView.password("lama", L("Kata sandi sekarang", "Current password"), errors: errors, autocomplete: "current-password"),
                FormView.password("baru", L("Kata sandi baru", "New password"), errors: errors,
                                  hint: L("Paling sedikit \(PasswordRules.minimumLength) karakter, huruf dan angka.",
                                          "At least \(PasswordRules.minimumLength) characters, letters and digits.")),
                FormView.password("ulangi", L("Ulangi kata sandi baru", "Repeat the new password"), errors: errors),
            ]),
            .h2(.text(L("Keamanan tambahan", "More security"))),
            .p(.a(.href(SiteURL.twoFactor), .text(L("Verifikasi dua langkah dengan aplikasi autentikator",
                                                      "Two-step verification with an authenticator app"))))
        ))
    }
}
