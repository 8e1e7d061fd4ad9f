import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Kept pages (`PageCache`) are exactly what would be rendered now: a change of the data by any path, another hour,
/// another user or language is another page, and one-time confirmations are never kept.
@Suite(.serialized)
struct PageCacheTests {
    @Test func a_kept_page_is_served_again_until_the_data_changes_by_any_path() async throws {
        try await withDemoApp { app in
            var visitor = Browser()
            let first = try await get(app, "/pemda/99.71/rpjmd", &visitor)
            #expect(first.text.contains("Prevalensi balita stunting"))
            let before = app.pageCache.statistics
            let second = try await get(app, "/pemda/99.71/rpjmd", &visitor)
            #expect(second.text == first.text)
            #expect(second.headers.contentType?.description.hasPrefix("text/html") == true)
            #expect(app.pageCache.statistics.hits == before.hits + 1)
            #expect(second.headers.first(name: SQLCountMiddleware.header) == "1", "a kept page costs the revision only")

            // A statement that no handler sent (another server, a console) changes the page all the same.
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE indikator SET name = 'Prevalensi stunting pada balita' WHERE name LIKE 'Prevalensi balita stunting%'").run()
            let third = try await get(app, "/pemda/99.71/rpjmd", &visitor)
            #expect(third.text.contains("Prevalensi stunting pada balita"))
            #expect(!third.text.contains("Prevalensi balita stunting"))
        }
    }

    @Test func users_languages_and_hours_each_get_their_own_page() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            var kadinkes = try await signedIn(app, as: "kadinkes")
            let board = "/pemda/99.71/pk?tahun=2026"
            let asAdmin = try await get(app, board, &admin)
            let asKadinkes = try await get(app, board, &kadinkes)
            #expect(asAdmin.text != asKadinkes.text)
            #expect(try await get(app, board, &admin).text == asAdmin.text)
            #expect(try await get(app, board, &kadinkes).text == asKadinkes.text)
            // Each session's form token is in its own page only.
            let adminToken = try #require(admin.csrf)
            #expect(asAdmin.text.contains(adminToken) && !asKadinkes.text.contains(adminToken))

            let english = try await get(app, board + "&lang=en", &admin)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(try await get(app, board, &admin).text.contains("<html lang=\"en\">"), "the cookie now says English")

            let misses = app.pageCache.statistics.misses
            app.clock = .fixed(TestClock.now.addingTimeInterval(3600))
            _ = try await get(app, board, &admin)
            #expect(app.pageCache.statistics.misses == misses + 1, "another hour is another page")
        }
    }

    @Test func a_confirmation_is_shown_once_and_a_save_shows_on_the_next_page() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let board = "/pemda/99.71/pk?tahun=2026"
            let before = try await get(app, board, &admin)
            let jabatan = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first()).requireID()
            #expect(!before.text.contains("Tanggal hardcopy tercatat."))
            let saved = try await post(app, "/pemda/99.71/pk/hardcopy", &admin,
                                       ["jabatan": jabatan.uuidString, "tahun": "2026", "diterima": TestClock.day(0)])
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            let shown = try await get(app, board, &admin)
            #expect(shown.text.contains("Tanggal hardcopy tercatat."))
            #expect(shown.text.contains("23/11/2026") || shown.text.contains("23 Nov"), "the recorded date is on the page")
            let again = try await get(app, board, &admin)
            #expect(!again.text.contains("Tanggal hardcopy tercatat."), "the confirmation is not kept")
        }
    }

    @Test func a_visitor_cannot_plant_a_host_in_the_page_others_get() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
            let published = try #require(try await Pk.query(on: app.db).filter(\.$status == .diterbitkan).first()).requireID()
            let path = "/verifikasi/\(published.uuidString)"
            let planted = try await app.testing().sendRequest(.GET, path, headers: ["Host": "evil.example"])
            #expect(planted.text.contains("http://evil.example/verifikasi/"))
            let honest = try await app.testing().sendRequest(.GET, path, headers: ["Host": "kinerja.kotacontoh.go.id"])
            #expect(honest.text.contains("http://kinerja.kotacontoh.go.id/verifikasi/"))
            #expect(!honest.text.contains("evil.example"))
        }
    }

    @Test func memory_stays_within_its_bound_and_older_generations_are_dropped() {
        let cache = PageCache(capacity: 80_000)
        let now = PageCache.Generation(revision: 5, hour: 1)
        let body = ByteBuffer(string: String(repeating: "x", count: 9_000))
        for index in 0..<20 {
            cache.keep("page-\(index)", at: now, status: .ok, headers: [:], body: body)
        }
        #expect(cache.statistics.bytes <= 80_000)
        #expect(cache.page("page-19", at: now) != nil, "the newest stays")
        #expect(cache.page("page-0", at: now) == nil, "the oldest went")
        // A page built from an older revision than one already seen is not kept; a newer one drops the rest.
        cache.keep("old", at: PageCache.Generation(revision: 4, hour: 1), status: .ok, headers: [:], body: body)
        #expect(cache.page("old", at: PageCache.Generation(revision: 4, hour: 1)) == nil)
        let next = PageCache.Generation(revision: 6, hour: 1)
        cache.keep("new", at: next, status: .ok, headers: [:], body: body)
        #expect(cache.statistics.pages == 1)
        #expect(cache.page("page-19", at: now) == nil)
        // Too big for the cache (over an eighth of it): served, not kept.
        cache.keep("huge", at: next, status: .ok, headers: [:], body: ByteBuffer(string: String(repeating: "y", count: 20_000)))
        #expect(cache.page("huge", at: next) == nil)
    }
}
