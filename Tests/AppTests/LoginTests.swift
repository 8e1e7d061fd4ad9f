import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct LoginTests {
    @Test func signing_in_by_username_or_nip_and_out() async throws {
        try await withDemoApp { app in
            var browser = Browser()
            let form = try await get(app, "/masuk", &browser)
            #expect(form.text.contains("Nama pengguna atau NIP"))
            #expect(browser.csrf != nil)
            let ok = try await post(app, "/masuk", &browser, ["login": "admin", "password": DemoAccounts.password,
                                                                "next": "/pemda/99.71"])
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: .location) == "/pemda/99.71")
            #expect(ok.headers.first(name: .setCookie)?.contains("HttpOnly") == true)
            #expect(ok.headers.first(name: .setCookie)?.contains("SameSite=Lax") == true)
            let page = try await get(app, "/pemda/99.71", &browser)
            #expect(page.text.contains("Admin Bappeda Kota Contoh"))
            #expect(page.text.contains("Keluar"))
            let out = try await post(app, "/keluar", &browser, [:])
            #expect(out.status == .seeOther)
            let after = try await get(app, "/pemda/99.71", &browser)
            #expect(!after.text.contains("Admin Bappeda Kota Contoh"))

            // A civil servant signs in with their NIP, typed grouped.
            let pemda = try #require(try await PemdaQueries.find(code: "99.71", on: app.db))
            let pegawai = try #require(try await Pegawai.query(on: app.db).filter(\.$nip != nil).first())
            let nip = try Nip(pegawai.nip!)
            try await UserWriter.create(
                UserWriter.NewUser(pemdaID: pemda.requireID(), username: "pegawai1", nip: nip.digits,
                                   displayName: pegawai.name, roles: [.verifikator]),
                passwordHash: try await app.password.async.hash("Verifikasi2026"), on: app.db)
            var second = Browser()
            _ = try await get(app, "/masuk", &second)
            let byNip = try await post(app, "/masuk", &second, ["login": nip.grouped, "password": "Verifikasi2026"])
            #expect(byNip.status == .seeOther)
            // A new account's password was set by someone else: it must be changed first.
            #expect(byNip.headers.first(name: .location) == "/akun/kata-sandi")
        }
    }

    @Test func a_wrong_password_says_so_and_repeated_failures_lock_the_account() async throws {
        try await withDemoApp { app in
            var browser = Browser()
            _ = try await get(app, "/masuk", &browser)
            for _ in 1...4 {
                let res = try await post(app, "/masuk", &browser, ["login": "inspektorat", "password": "salah-sekali-1"])
                #expect(res.status == .unauthorized)
                #expect(res.text.contains("Nama pengguna/NIP atau kata sandi salah."))
            }
            let fifth = try await post(app, "/masuk", &browser, ["login": "inspektorat", "password": "salah-sekali-1"])
            #expect(fifth.text.contains("Terlalu banyak percobaan masuk yang gagal"))
            // Locked: even the right password is refused until the lock ends.
            let right = try await post(app, "/masuk", &browser, ["login": "inspektorat", "password": DemoAccounts.password])
            #expect(right.status == .unauthorized)
            #expect(right.text.contains("Terlalu banyak percobaan"))
            let user = try #require(try await UserQueries.find(login: "inspektorat", on: app.db))
            #expect(user.failedLogins == 5)
            #expect(user.lockedUntil != nil)
            // An unknown name gets the same answer as a wrong password.
            let unknown = try await post(app, "/masuk", &browser, ["login": "tidak.ada", "password": "apa-saja-123"])
            #expect(unknown.text.contains("Nama pengguna/NIP atau kata sandi salah."))
        }
    }

    @Test func a_form_without_this_session_token_is_refused() async throws {
        try await withDemoApp { app in
            var browser = Browser()
            _ = try await get(app, "/masuk", &browser)
            let forged = try await post(app, "/masuk", &browser, ["login": "admin", "password": DemoAccounts.password,
                                                                    "_csrf": "bukan-token"])
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Formulir ini kedaluwarsa atau tidak sah"))
            var stranger = Browser()
            let noSession = try await post(app, "/masuk", &stranger, ["login": "admin", "password": DemoAccounts.password])
            #expect(noSession.status == .forbidden)
            let user = try #require(try await UserQueries.find(login: "admin", on: app.db))
            #expect(user.failedLogins == 0, "a refused form never reaches the password check")
        }
    }

    @Test func a_principal_covers_the_bound_units_and_their_sub_units() async throws {
        try await withDemoApp { app in
            let operatorUser = try #require(try await UserQueries.find(login: "operator.dinkes", on: app.db))
            let principal = try await UserQueries.principal(of: operatorUser, on: app.db)
            #expect(principal.pemdaCode == "99.71")
            #expect(principal.roles == [.operatorOpd])
            let dinkes = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            #expect(principal.units.contains(dinkes.code))
            #expect(principal.units.contains(dinkes.code + ".01"), "its Sekretariat")
            #expect(!principal.units.contains { $0.hasPrefix("1.01.") }, "not Dinas Pendidikan")
            #expect(Policy.decide(principal, .update, Subject(.renstra, pemda: "99.71", unit: dinkes.code)).isAllowed)
        }
    }
}
