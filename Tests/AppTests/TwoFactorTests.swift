import Fluent
import Foundation
import KinerjaStore
import Testing
import VaporTesting
@testable import App

struct TwoFactorCodeTests {
    /// RFC 6238 appendix B, SHA-1 key "12345678901234567890", six-digit truncation of the published eight digits.
    @Test func codes_match_the_rfc_6238_vectors() {
        let secret = Data("12345678901234567890".utf8).base32EncodedString()
        #expect(secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(TwoFactor.code(secret: secret, step: TwoFactor.step(at: Date(timeIntervalSince1970: 59))) == "287082")
        #expect(TwoFactor.code(secret: secret, step: TwoFactor.step(at: Date(timeIntervalSince1970: 1_111_111_109))) == "081804")
        #expect(TwoFactor.code(secret: secret, step: TwoFactor.step(at: Date(timeIntervalSince1970: 2_000_000_000))) == "279037")
    }

    @Test func a_code_is_good_within_one_step_and_only_once() throws {
        let secret = TwoFactor.newSecret()
        #expect(secret.count == 32)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = TwoFactor.step(at: now)
        let code = { (s: Int64) in try #require(TwoFactor.code(secret: secret, step: s)) }
        #expect(TwoFactor.verify(try code(step), secret: secret, at: now, after: 0) == step)
        #expect(TwoFactor.verify(try code(step - 1), secret: secret, at: now, after: 0) == step - 1)
        #expect(TwoFactor.verify(try code(step + 1), secret: secret, at: now, after: 0) == step + 1)
        #expect(TwoFactor.verify(try code(step - 2), secret: secret, at: now, after: 0) == nil)
        #expect(TwoFactor.verify(try code(step), secret: secret, at: now, after: step) == nil, "spent")
        #expect(TwoFactor.verify("12345", secret: secret, at: now, after: 0) == nil)
        let spaced = try code(step).enumerated().map { $0.offset == 3 ? " \($0.element)" : "\($0.element)" }.joined()
        #expect(TwoFactor.verify(spaced, secret: secret, at: now, after: 0) == step)
    }
}

@Suite(.serialized)
struct TwoFactorSignInTests {
    func secret(on page: TestingHTTPResponse) throws -> String {
        let range = try #require(page.text.range(of: #"id="kunci">[A-Z2-7 ]+<"#, options: .regularExpression))
        return String(page.text[range].dropFirst(#"id="kunci">"#.count).dropLast()).replacingOccurrences(of: " ", with: "")
    }

    @Test func with_two_steps_on_a_password_alone_signs_nobody_in() async throws {
        try await withDemoApp { app in
            var inspektorat = try await signedIn(app, as: "inspektorat")
            let setup = try await get(app, "/akun/dua-langkah", &inspektorat)
            #expect(setup.text.contains("id=\"kode-qr\"><svg"), "the key as a QR code to scan")
            #expect(setup.status == .ok)
            let secret = try self.secret(on: setup)
            let wrong = try await post(app, "/akun/dua-langkah", &inspektorat, ["kode": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await UserTotp.query(on: app.db).count() == 0)
            // The same key is offered again until it is confirmed.
            #expect(try self.secret(on: wrong) == secret)
            let step = TwoFactor.step(at: TestClock.now)
            let on = try await post(app, "/akun/dua-langkah", &inspektorat,
                                    ["kode": try #require(TwoFactor.code(secret: secret, step: step))])
            #expect(on.status == .seeOther)
            let confirmed = try await get(app, "/akun/dua-langkah", &inspektorat)
            #expect(confirmed.text.contains("Verifikasi dua langkah sudah aktif."), "the confirmation is shown once")
            #expect(!(try await get(app, "/akun/dua-langkah", &inspektorat)).text.contains("Verifikasi dua langkah sudah aktif."))
            let stored = try #require(try await UserTotp.query(on: app.db).first())
            #expect(stored.secret == secret)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "user_totp").first())
            #expect(event.after == #"{"twoFactor":true}"#)
            #expect(!(event.after ?? "").contains(secret) && !(event.before ?? "").contains(secret))

            var browser = Browser()
            _ = try await get(app, "/masuk", &browser)
            let password = try await post(app, "/masuk", &browser, ["login": "inspektorat", "password": DemoAccounts.password])
            #expect(password.headers.first(name: .location) == "/masuk/kode")
            #expect(try await get(app, "/pemda/99.71/audit", &browser).status == .seeOther, "not signed in yet")
            _ = try await get(app, "/masuk/kode", &browser)
            let bad = try await post(app, "/masuk/kode", &browser, ["kode": "000000"])
            #expect(bad.status == .unauthorized)
            // The code that turned it on was spent; the next one is good once.
            let spent = try await post(app, "/masuk/kode", &browser, ["kode": try #require(TwoFactor.code(secret: secret, step: step))])
            #expect(spent.status == .unauthorized)
            let nextCode = try #require(TwoFactor.code(secret: secret, step: step + 1))
            let good = try await post(app, "/masuk/kode", &browser, ["kode": nextCode])
            #expect(good.status == .seeOther)
            #expect(try await get(app, "/pemda/99.71/audit", &browser).status == .ok)

            var replay = Browser()
            _ = try await get(app, "/masuk", &replay)
            _ = try await post(app, "/masuk", &replay, ["login": "inspektorat", "password": DemoAccounts.password])
            _ = try await get(app, "/masuk/kode", &replay)
            #expect(try await post(app, "/masuk/kode", &replay, ["kode": nextCode]).status == .unauthorized, "a code is good once")

            // An admin's reset is the way back for a lost phone: it removes the second factor.
            var admin = try await signedIn(app, as: "admin")
            let user = try #require(try await AppUser.query(on: app.db).filter(\.$username == "inspektorat").first())
            let reset = try await post(app, "/pemda/99.71/pengguna/\(user.id!.uuidString)/atur-ulang", &admin,
                                       ["kataSandi": "Sementara2026x"])
            #expect(reset.status == .seeOther)
            #expect(try await UserTotp.query(on: app.db).count() == 0)
        }
    }
}
