import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SnapshotTesting
import Testing
import VaporTesting
@testable import App

/// The main pages as HTML, compared with the copies under `__Snapshots__`: a change of markup shows up in review as a
/// diff, one tag per line. What differs between runs (ids, form tokens, seal hashes, QR codes) is replaced first.
/// `SNAPSHOT_TESTING_RECORD=all make test` records them again after an intended change.
@Suite(.serialized)
struct SnapshotTests {
    static func normalised(_ html: String) -> String {
        var text = html
        let patterns: [(String, String)] = [
            (#"<svg[^>]*>.*?</svg>"#, "<svg/>"),
            (#"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#, "<id>"),
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="<csrf>""#),
            (#"\b[0-9a-f]{64}\b"#, "<sha256>"),
            (#"[A-Za-z0-9+/]{80,}={0,2}"#, "<base64>"),
            (#"[A-Za-z0-9+/]{43}="#, "<key>"),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    @Test func the_main_pages() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
            let walikotaPk = try #require(try await Pk.query(on: app.db).filter(\.$level == .pemda).first()).id!.uuidString
            let dinkesHead = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            var kadinkes = try await signedIn(app, as: "kadinkes")
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &kadinkes, ["jabatan": dinkesHead.id!.uuidString, "tahun": "2026"])
            let draft = String(try #require(drafted.headers.first(name: .location)?.split(separator: "/").last))
            let admin = try await signedIn(app, as: "admin")
            let verifier = try await signedIn(app, as: "verifikator")
            let pages: [(String, String, WritableKeyPath<Pages, Browser>)] = [
                ("home", "/", \.visitor),
                ("beranda-admin", "/", \.admin),
                ("beranda-kadinkes", "/", \.kadinkes),
                ("board", "/pemda/99.71/pk?tahun=2026&tingkat=jpt", \.admin),
                ("pk-draft", "/pemda/99.71/pk/\(draft)", \.kadinkes),
                ("pk-published", "/pemda/99.71/pk/\(walikotaPk)", \.admin),
                ("print", "/pemda/99.71/pk/\(walikotaPk)/cetak", \.admin),
                ("inbox", "/kotak-masuk?tahun=2026", \.verifier),
                ("portal", "/publik/pk?pemda=99.71&tahun=2026", \.visitor),
                ("verification", "/verifikasi/\(walikotaPk)", \.visitor),
                ("profile", "/pemda/99.71", \.visitor),
            ]
            var browsers = Pages(visitor: Browser(), admin: admin, kadinkes: kadinkes, verifier: verifier)
            for (name, path, who) in pages {
                let res = try await get(app, path, &browsers[keyPath: who])
                #expect(res.status == .ok, "\(name): \(res.status)")
                assertSnapshot(of: Self.normalised(res.text), as: .lines, named: name)
            }
        }
    }

    struct Pages {
        var visitor: Browser
        var admin: Browser
        var kadinkes: Browser
        var verifier: Browser
    }
}
