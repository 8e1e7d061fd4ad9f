import Fluent
import Foundation
import KinerjaCore
@testable import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// The SQL statements a page sends, read from `X-Kinerja-SQL`: at most ten for every page of the PK cycle, and the
/// same number however many rows there are. Each page is measured on a demo Kota, then again after the Pemda has
/// grown by 300 positions (a board of about 530) and the PKs by 40 rows, 40 budget lines and 40 links each.
@Suite(.serialized)
struct SQLCountTests {
    static let limit = 10

    struct Page {
        var name: String
        var path: String
        var user: String?
    }

    func statements(_ res: TestingHTTPResponse) -> Int? {
        res.headers.first(name: SQLCountMiddleware.header).flatMap { Int($0) }
    }

    /// The statements of each page, read cold (the Pemda's organisation not yet cached) and warm.
    func measure(_ app: Application, _ pages: [Page], _ browsers: inout [String: Browser]) async throws
        -> [String: (cold: Int, warm: Int)]
    {
        app.organisations.clear()
        var counts: [String: (cold: Int, warm: Int)] = [:]
        for page in pages {
            var browser = browsers[page.user ?? ""] ?? Browser()
            // Both as built, not as kept (`PageCache`, tested on its own).
            app.pageCache.clear()
            let cold = try await get(app, page.path, &browser)
            app.pageCache.clear()
            let warm = try await get(app, page.path, &browser)
            browsers[page.user ?? ""] = browser
            #expect(warm.status == .ok, "\(page.name): \(warm.status)")
            let c = try #require(statements(cold), "\(page.name) carries the count")
            let w = try #require(statements(warm))
            counts[page.name] = (c, w)
            app.organisations.clear()
        }
        return counts
    }

    @Test func pages_send_at_most_ten_statements_and_as_many_for_a_large_pemda_as_for_a_small_one() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
            // TW I–III measured, so that the realisation page and the inboxes have entries to read.
            _ = try await DemoRealisasi.run(pemdaID: pemda.id, year: 2026, on: app.db)
            var browsers: [String: Browser] = [:]
            for user in ["admin", "kadinkes", "verifikator", "walikota"] { browsers[user] = try await signedIn(app, as: user) }

            let dinkesHead = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let dinkes = try #require(dinkesHead.$unit.id)
            var kadinkes = try #require(browsers["kadinkes"])
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &kadinkes, ["jabatan": dinkesHead.id!.uuidString, "tahun": "2026"])
            let location = try #require(drafted.headers.first(name: .location))
            let draft = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            // Submitted, so that it waits in the verifier's inbox.
            let submitted = try await post(app, "/pemda/99.71/pk/\(draft.uuidString)/aksi", &kadinkes, ["aksi": "ajukan"])
            #expect(submitted.status == .seeOther, "\(submitted.text.prefix(300))")
            browsers["kadinkes"] = kadinkes
            let published = try #require(try await Pk.query(on: app.db).filter(\.$level == .pemda)
                .filter(\.$status == .diterbitkan).first()).requireID()
            let renstraUnit = dinkes.uuidString
            let ikuKey = try #require(try await PkRow.query(on: app.db).filter(\.$pk.$id == published).first()).key
            // Every PK in force grows, so that the Pemda's figures are read over several times the indicators.
            let inForce = try await Pk.query(on: app.db).filter(\.$pemda.$id == pemda.id).filter(\.$year == 2026)
                .filter(\.$status ~~ [.ditandatangani, .diterbitkan]).all().map { try $0.requireID() }
            let evaluated = try #require(try await Pk.query(on: app.db).filter(\.$pemda.$id == pemda.id).filter(\.$year == 2026)
                .filter(\.$level == .jpt).filter(\.$status ~~ [.ditandatangani, .diterbitkan]).first()).$jabatan.id

            let pages = [
                Page(name: "home", path: "/"),
                Page(name: "beranda", path: "/", user: "admin"),
                Page(name: "board", path: "/pemda/99.71/pk?tahun=2026", user: "admin"),
                Page(name: "board of an OPD", path: "/pemda/99.71/pk?tahun=2026&opd=\(dinkes.uuidString)", user: "admin"),
                Page(name: "draft PK", path: "/pemda/99.71/pk/\(draft.uuidString)", user: "kadinkes"),
                Page(name: "published PK", path: "/pemda/99.71/pk/\(published.uuidString)", user: "admin"),
                Page(name: "print", path: "/pemda/99.71/pk/\(published.uuidString)/cetak", user: "admin"),
                Page(name: "realisation", path: "/pemda/99.71/pk/\(published.uuidString)/realisasi?tw=3", user: "admin"),
                Page(name: "realisation to verify", path: "/pemda/99.71/pk/\(published.uuidString)/realisasi?tw=1", user: "verifikator"),
                Page(name: "draft print", path: "/pemda/99.71/pk/\(draft.uuidString)/cetak", user: "kadinkes"),
                Page(name: "inbox", path: "/kotak-masuk?tahun=2026", user: "verifikator"),
                Page(name: "portal", path: "/publik/pk?pemda=99.71&tahun=2026"),
                Page(name: "verification", path: "/verifikasi/\(published.uuidString)"),
                Page(name: "profile", path: "/pemda/99.71", user: "admin"),
                Page(name: "rpjmd", path: "/pemda/99.71/rpjmd", user: "admin"),
                Page(name: "renstra", path: "/pemda/99.71/renstra/\(renstraUnit)", user: "admin"),
                Page(name: "rkt", path: "/pemda/99.71/rkt/\(renstraUnit)?tahun=2026", user: "admin"),
                Page(name: "audit", path: "/pemda/99.71/audit", user: "admin"),
                Page(name: "positions", path: "/pemda/99.71/jabatan", user: "admin"),
                Page(name: "executive view", path: "/pemda/99.71/kinerja?tahun=2026", user: "walikota"),
                Page(name: "unit view", path: "/pemda/99.71/kinerja/unit/\(dinkes.uuidString)?tahun=2026", user: "walikota"),
                Page(name: "early warning", path: "/pemda/99.71/kinerja/peringatan?tahun=2026", user: "admin"),
                Page(name: "indicator", path: "/pemda/99.71/pk/\(published.uuidString)/realisasi/indikator?baris=\(ikuKey)&tw=3", user: "admin"),
                Page(name: "capaian weights", path: "/pemda/99.71/kinerja/bobot?tahun=2026", user: "admin"),
                Page(name: "heads of units", path: "/pemda/99.71/kinerja/pimpinan?tahun=2026&tingkat=semua", user: "admin"),
                Page(name: "scorecard", path: "/pemda/99.71/kinerja/pimpinan/\(evaluated.uuidString)?tahun=2026", user: "walikota"),
                Page(name: "public IKU", path: "/publik/kinerja/99.71?tahun=2026"),
                Page(name: "pohon kinerja", path: "/pemda/99.71/kinerja/pohon?tahun=2026", user: "walikota"),
                Page(name: "pohon kinerja of a unit", path: "/pemda/99.71/kinerja/pohon?tahun=2026&unit=\(dinkes.uuidString)", user: "admin"),
                Page(name: "public pohon kinerja", path: "/publik/kinerja/99.71/pohon?tahun=2026"),
                Page(name: "pohon kinerja API", path: "/api/v1/pemda/99.71/pohon?tahun=2026", user: "walikota"),
                Page(name: "capaian API", path: "/api/v1/pemda/99.71/capaian?tahun=2026", user: "walikota"),
                Page(name: "early warning API", path: "/api/v1/pemda/99.71/peringatan?tahun=2026", user: "walikota"),
            ]
            let small = try await measure(app, pages, &browsers)
            try await grow(app, pemdaID: pemda.id, unitID: dinkes, superiorID: dinkesHead.requireID(), pks: [draft] + inForce)
            let large = try await measure(app, pages, &browsers)

            let jabatan = try await Jabatan.query(on: app.db).filter(\.$pemda.$id == pemda.id).count()
            #expect(jabatan > 500, "the large Pemda has \(jabatan) positions")
            print(pages.map { p in "SQL \(p.name): \(small[p.name].map { "\($0.cold)/\($0.warm)" } ?? "?") small, "
                + "\(large[p.name].map { "\($0.cold)/\($0.warm)" } ?? "?") large (cold/warm)" }.joined(separator: "\n"))
            for page in pages {
                let s = try #require(small[page.name]), l = try #require(large[page.name])
                #expect(s.cold <= Self.limit && s.warm <= Self.limit, "\(page.name): \(s.cold) cold, \(s.warm) warm")
                #expect(l.cold == s.cold && l.warm == s.warm,
                        "\(page.name): \(s.cold)/\(s.warm) statements small, \(l.cold)/\(l.warm) large")
            }
        }
    }

    /// 300 positions with their holders under one OPD head, and 40 rows, budget lines and links on each PK given.
    func grow(_ app: Application, pemdaID: UUID, unitID: UUID, superiorID: UUID, pks: [UUID]) async throws {
        var positions: [Jabatan] = [], people: [Pegawai] = [], assignments: [Penugasan] = []
        for n in 0..<300 {
            let position = Jabatan(id: UUID(), pemdaID: pemdaID, unitID: unitID, superiorID: superiorID,
                                   name: "Kepala Seksi Uji \(n)", level: .pengawas, eselon: "IV.a")
            let person = Pegawai(id: UUID(), pemdaID: pemdaID, nip: nil, name: "Pegawai Uji \(n)", pangkat: "Penata")
            positions.append(position)
            people.append(person)
            assignments.append(Penugasan(pemdaID: pemdaID, jabatanID: position.id!, pegawaiID: person.id!, kind: .definitif,
                                         start: CalendarDate(year: 2025, month: 1, day: 2)!, end: nil, decree: "SK uji"))
        }
        try await BatchInsert.create(positions, on: app.db)
        try await BatchInsert.create(people, on: app.db)
        try await BatchInsert.create(assignments, on: app.db)
        for pkID in pks {
            let rows = try await PkRow.query(on: app.db).filter(\.$pk.$id == pkID).all()
            let first = try #require(rows.first)
            let superiorRows = try await PkRow.query(on: app.db).filter(\.$pk.$id != pkID).limit(40).all()
            var added: [PkRow] = [], lines: [PkBudget] = [], links: [PkLink] = []
            for n in 0..<40 {
                let row = PkRow(id: UUID(), pemdaID: pemdaID, pkID: pkID, key: UUID().uuidString, sortOrder: 100 + n,
                                sasaran: first.sasaran, indikator: "\(first.indikator) \(n)", satuan: first.satuan,
                                spec: first.spec, target: first.target, quarterly: first.quarterly,
                                renstraTarget: first.renstraTarget, sourceIndikatorID: nil)
                added.append(row)
                lines.append(PkBudget(pemdaID: pemdaID, pkID: pkID, sortOrder: 100 + n, code: "9.99.\(n)",
                                      name: "Kegiatan uji \(n)", amount: 1_000_000))
                if n < superiorRows.count {
                    links.append(PkLink(pemdaID: pemdaID, rowID: row.id!, superiorRowID: try superiorRows[n].requireID()))
                }
            }
            try await BatchInsert.create(added, on: app.db)
            try await BatchInsert.create(lines, on: app.db)
            try await BatchInsert.create(links, on: app.db)
        }
        try await PemdaStructure.bump(pemdaID, on: app.db)
    }
}
