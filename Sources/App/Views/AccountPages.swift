import Foundation
import KinerjaCore
import KinerjaStore
import Plot

enum AccountPages {
    static let assignable: [Role] = [.adminPemda, .kepalaDaerah, .pejabat, .operatorOpd, .verifikator, .inspektorat]

    static func list(_ pemda: Pemda, rows: [UserQueries.AccountRow], csrf: String) -> String {
        Layout.page(title: "Pengguna", crumbs: PemdaPages.crumbs(pemda, "Pengguna"), pemda: (pemda.code, pemda.name),
                    body: .group(
            .h1(.text("Pengguna")),
            Layout.actionLink("Tambah pengguna", href: "/pemda/\(pemda.code)/pengguna/baru",
                              if: Layout.may(.create, Subject(.user, pemda: pemda.code))),
            .table(.class("data"),
                .thead(.tr(.th(.text("Nama pengguna")), .th(.text("Nama")), .th(.text("NIP")), .th(.text("Peran")),
                           .th(.text("Status")), .th(.text("Atur ulang kata sandi")))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.username)), .td(.text(row.displayName)),
                        .td(.class("nip"), .text(row.nip.flatMap { try? Nip($0).grouped } ?? "–")),
                        .td(.text(row.roles.map(\.label.id).joined(separator: ", "))),
                        .td(.text(!row.active ? "Nonaktif" : row.locked ? "Terkunci sementara"
                                  : row.mustChangePassword ? "Harus mengganti kata sandi" : "Aktif")),
                        .td(.form(.class("inline"), .method(.post),
                                  .action("/pemda/\(pemda.code)/pengguna/\(row.id.uuidString)/atur-ulang"),
                                  .input(.type(.hidden), .name("_csrf"), .value(csrf)),
                                  .input(.type(.password), .name("kataSandi"),
                                         .attribute(named: "aria-label", value: "Kata sandi sementara untuk \(row.username)"),
                                         .attribute(named: "autocomplete", value: "new-password")),
                                  .button(.type(.submit), .text("Atur ulang")))))
                }))
        ))
    }

    static func create(_ pemda: Pemda, units: [UnitRow], positions: [JabatanRow],
                       form: AccountController.NewAccountForm, errors: FormErrors, csrf: String) -> String
    {
        let chosen = Set(form.peran ?? [])
        let roleError = errors.byField["peran"]
        return Layout.page(title: "Pengguna baru", crumbs: PemdaPages.crumbs(pemda, "Pengguna baru"),
                           pemda: (pemda.code, pemda.name), body: .group(
            .h1(.text("Tambah pengguna")),
            FormView.form(action: "/pemda/\(pemda.code)/pengguna/baru", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.text("namaPengguna", "Nama pengguna", value: form.namaPengguna, errors: errors),
                FormView.text("nama", "Nama lengkap dengan gelar", value: form.nama, errors: errors),
                FormView.text("nip", "NIP", value: form.nip, errors: errors, required: false,
                              hint: "Agar dapat masuk dengan NIP"),
                .element(named: "fieldset", nodes: [
                    .element(named: "legend", text: "Peran"),
                    .forEach(assignable) { role in
                        .label(.input(.type(.checkbox), .name("peran[]"), .value(role.rawValue),
                                      .checked(chosen.contains(role.rawValue))),
                               .text(" " + role.label.id))
                    },
                    .unwrap(roleError) { .element(named: "span", nodes: [.class("field-error"), .id("peran-error"), .text($0)]) },
                ]),
                FormView.select("unit", "Unit kerja (Operator OPD)", options: units.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: $0.depth) + $0.name)
                }, selected: form.unit, errors: errors, allowEmpty: true),
                FormView.select("jabatan", "Jabatan (Pejabat)", options: positions.map {
                    .init(value: $0.id.uuidString, label: String(repeating: "— ", count: min($0.depth, 4)) + $0.name)
                }, selected: form.jabatan, errors: errors, allowEmpty: true),
                FormView.password("kataSandi", "Kata sandi awal", errors: errors,
                                  hint: "Paling sedikit \(PasswordRules.minimumLength) karakter, huruf dan angka; harus diganti saat pertama masuk."),
            ])
        ))
    }

    static func password(csrf: String, errors: FormErrors) -> String {
        Layout.page(title: "Ganti kata sandi", body: .group(
            .h1(.text("Ganti kata sandi")),
            .if(Viewer.current?.mustChangePassword == true,
                .p(.class("lead"), .text("Kata sandi Anda diatur oleh admin. Gantilah sebelum melanjutkan."))),
            FormView.form(action: "/akun/kata-sandi", csrf: csrf, errors: errors, submit: "Simpan", fields: [
                FormView.password("lama", "Kata sandi sekarang", errors: errors, autocomplete: "current-password"),
                FormView.password("baru", "Kata sandi baru", errors: errors,
                                  hint: "Paling sedikit \(PasswordRules.minimumLength) karakter, huruf dan angka."),
                FormView.password("ulangi", "Ulangi kata sandi baru", errors: errors),
            ])
        ))
    }
}
