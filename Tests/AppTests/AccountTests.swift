import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct AccountTests {
    @Test func an_admin_creates_an_account_whose_holder_must_change_the_password_first() async throws {
        try await withDemoApp { app in
            let pendidikan = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Pendidikan").first())
            var admin = try await signedIn(app, as: "admin")
            #expect(try await get(app, "/pemda/99.71/pengguna", &admin).text.contains("operator.dinkes"))

            let noUnit = try await post(app, "/pemda/99.71/pengguna/baru", &admin, [
                "namaPengguna": "op.pendidikan", "nama": "Operator Dinas Pendidikan", "nip": "", "peran[]": "operatorOpd",
                "unit": "", "jabatan": "", "kataSandi": "Pendidikan2026"])
            #expect(noUnit.status == .unprocessableEntity)
            #expect(noUnit.text.contains("id=\"unit-error\""))
            #expect(!noUnit.text.contains("Pendidikan2026"), "a typed password is never echoed back")
            let weak = try await post(app, "/pemda/99.71/pengguna/baru", &admin, [
                "namaPengguna": "op.pendidikan", "nama": "Operator Dinas Pendidikan", "nip": "", "peran[]": "operatorOpd",
                "unit": pendidikan.id!.uuidString, "jabatan": "", "kataSandi": "pendek1"])
            #expect(weak.text.contains("id=\"kataSandi-error\""))
            let created = try await post(app, "/pemda/99.71/pengguna/baru", &admin, [
                "namaPengguna": "op.pendidikan", "nama": "Operator Dinas Pendidikan", "nip": "", "peran[]": "operatorOpd",
                "unit": pendidikan.id!.uuidString, "jabatan": "", "kataSandi": "Sementara2026"])
            #expect(created.status == .seeOther)
            // The demo accounts were created by the system; this one by the admin.
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "app_user")
                .filter(\.$username == "admin").first())
            #expect(event.after?.contains("op.pendidikan") == true)
            #expect(event.after?.contains("$2") == false, "no password hash in the trail")

            // The new operator is sent to change the temporary password before anything else.
            var op = Browser()
            _ = try await get(app, "/masuk", &op)
            let first = try await post(app, "/masuk", &op, ["login": "op.pendidikan", "password": "Sementara2026"])
            #expect(first.headers.first(name: .location) == "/akun/kata-sandi")
            _ = try await get(app, "/akun/kata-sandi", &op)
            let wrongOld = try await post(app, "/akun/kata-sandi", &op, ["lama": "salah-2026x", "baru": "BaruSekali2026", "ulangi": "BaruSekali2026"])
            #expect(wrongOld.text.contains("Kata sandi lama salah."))
            let mismatch = try await post(app, "/akun/kata-sandi", &op, ["lama": "Sementara2026", "baru": "BaruSekali2026", "ulangi": "BaruSekali2027"])
            #expect(mismatch.text.contains("Kedua isian kata sandi baru tidak sama."))
            let changed = try await post(app, "/akun/kata-sandi", &op, ["lama": "Sementara2026", "baru": "BaruSekali2026", "ulangi": "BaruSekali2026"])
            #expect(changed.status == .seeOther)
            let user = try #require(try await UserQueries.find(login: "op.pendidikan", on: app.db))
            #expect(!user.mustChangePassword)
            #expect(try await app.password.async.verify("BaruSekali2026", created: user.passwordHash))

            // The admin resets it: a temporary password again, and the trail says why.
            _ = try await get(app, "/pemda/99.71/pengguna", &admin)
            let reset = try await post(app, "/pemda/99.71/pengguna/\(user.id!.uuidString)/atur-ulang", &admin,
                                       ["kataSandi": "AturUlang2026"])
            #expect(reset.status == .seeOther)
            let after = try #require(try await UserQueries.find(login: "op.pendidikan", on: app.db))
            #expect(after.mustChangePassword)
            let reasons = try await AuditEvent.query(on: app.db).filter(\.$entity == "app_user").all().compactMap(\.reason)
            #expect(reasons.sorted() == ["kata sandi diatur ulang oleh admin", "kata sandi diganti"])
        }
    }

    @Test func only_an_admin_manages_accounts() async throws {
        try await withDemoApp { app in
            var inspektorat = try await signedIn(app, as: "inspektorat")
            #expect(try await get(app, "/pemda/99.71/pengguna/baru", &inspektorat).status == .forbidden)
            let user = try #require(try await UserQueries.find(login: "admin", on: app.db))
            let hijack = try await post(app, "/pemda/99.71/pengguna/\(user.id!.uuidString)/atur-ulang", &inspektorat,
                                        ["kataSandi": "Diambilalih2026"])
            #expect(hijack.status == .forbidden)
            var anonymous = Browser()
            let page = try await get(app, "/pemda/99.71/pengguna", &anonymous)
            #expect(page.status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$username != "sistem").count() == 0)
        }
    }
}
