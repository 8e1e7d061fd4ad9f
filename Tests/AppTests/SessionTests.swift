import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Sessions end: after an idle hour, after twelve hours in all, and for every other browser of an account whose
/// password changes, is reset or is disabled. A visitor who only looks at the sign-in form stores nothing.
@Suite(.serialized)
struct SessionTests {
    func sessions(_ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM web_session").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    func isSignedIn(_ app: Application, _ browser: inout Browser) async throws -> Bool {
        try await get(app, "/akun/kata-sandi", &browser).status == .ok
    }

    @Test func a_visitor_stores_no_session_and_a_sign_in_stores_one() async throws {
        try await withDemoApp { app in
            let before = try await sessions(app)
            var visitor = Browser()
            for _ in 0..<5 { _ = try await get(app, "/masuk", &visitor) }
            _ = try await get(app, "/", &visitor)
            _ = try await get(app, "/publik/pk?pemda=99.71", &visitor)
            #expect(try await sessions(app) == before, "looking writes nothing")
            let wrong = try await post(app, "/masuk", &visitor, ["login": "admin", "password": "bukan-ini-123"])
            #expect(wrong.status == .unauthorized && !wrong.text.contains("Formulir ini kedaluwarsa"), "the visitor's token works")
            #expect(try await sessions(app) == before)
            var admin = try await signedIn(app, as: "admin")
            #expect(try await sessions(app) == before + 1)
            // Pages read it and leave it alone: no write per request.
            let seen = try await app.db.sql.raw("SELECT seen_at FROM web_session").first()?.decode(column: "seen_at", as: Date.self)
            for _ in 0..<3 { _ = try await get(app, "/pemda/99.71", &admin) }
            #expect(try await app.db.sql.raw("SELECT seen_at FROM web_session").first()?.decode(column: "seen_at", as: Date.self) == seen)
        }
    }

    @Test func a_session_ends_after_an_idle_hour_and_after_twelve_hours_in_all() async throws {
        try await withDemoApp { app in
            var idle = try await signedIn(app, as: "admin")
            var busy = try await signedIn(app, as: "inspektorat")
            app.clock = .fixed(TestClock.now.addingTimeInterval(59 * 60))
            #expect(try await isSignedIn(app, &idle))
            #expect(try await isSignedIn(app, &busy))
            app.clock = .fixed(TestClock.now.addingTimeInterval(59 * 60 + 61 * 60))
            #expect(try await !isSignedIn(app, &idle), "an hour untouched")
            // Used every 50 minutes it lives on, but not past twelve hours from signing in.
            var elapsed: TimeInterval = 59 * 60
            while elapsed < 11.5 * 3600 {
                elapsed += 50 * 60
                app.clock = .fixed(TestClock.now.addingTimeInterval(elapsed))
                #expect(try await isSignedIn(app, &busy), "still in at \(elapsed / 3600) h")
            }
            app.clock = .fixed(TestClock.now.addingTimeInterval(12 * 3600 + 60))
            #expect(try await !isSignedIn(app, &busy), "twelve hours in all")
            // Expired rows are cleaned when someone signs in.
            _ = try await signedIn(app, as: "verifikator")
            #expect(try await sessions(app) == 1)
        }
    }

    @Test func a_password_change_reset_or_deactivation_ends_the_other_sessions() async throws {
        try await withDemoApp { app in
            var here = try await signedIn(app, as: "inspektorat")
            var there = try await signedIn(app, as: "inspektorat")
            _ = try await get(app, "/akun/kata-sandi", &here)
            let changed = try await post(app, "/akun/kata-sandi", &here,
                                         ["lama": DemoAccounts.password, "baru": "KataSandiBaru2026!", "ulangi": "KataSandiBaru2026!"])
            #expect(changed.status == .seeOther)
            #expect(try await isSignedIn(app, &here), "the browser it was changed in stays")
            #expect(try await !isSignedIn(app, &there), "every other one ends")

            var admin = try await signedIn(app, as: "admin")
            let user = try #require(try await AppUser.query(on: app.db).filter(\.$username == "inspektorat").first()).id!
            _ = try await get(app, "/pemda/99.71/pengguna", &admin)
            #expect(try await post(app, "/pemda/99.71/pengguna/\(user.uuidString)/atur-ulang", &admin,
                                   ["kataSandi": "Sementara2026x!"]).status == .seeOther)
            #expect(try await !isSignedIn(app, &here), "an admin's reset ends it")

            var again = try await signedIn(app, as: "inspektorat", password: "Sementara2026x!")
            #expect(try await isSignedIn(app, &again))
            _ = try await get(app, "/pemda/99.71/pengguna", &admin)
            #expect(try await post(app, "/pemda/99.71/pengguna/\(user.uuidString)/status", &admin,
                                   ["aktif": "0", "alasan": "Pindah tugas"]).status == .seeOther)
            #expect(try await !isSignedIn(app, &again), "a disabled account is signed out")
            _ = try await get(app, "/pemda/99.71/pengguna", &admin)
            #expect(try await post(app, "/pemda/99.71/pengguna/\(user.uuidString)/status", &admin,
                                   ["aktif": "1", "alasan": "Kembali"]).status == .seeOther)
            #expect(try await !isSignedIn(app, &again), "and stays out when it is enabled again")
        }
    }
}
