import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// The evaluation of the heads of units on the demo Kota: the category each official is given is the core rule for
/// the PK's capaian as `KinerjaFigures` computes it (and as the PK's own ledger does); a recording is history, checked
/// whole and audited; only the Kepala Daerah and the Admin Pemda record; the scorecard reads back from its PDF; the
/// API says the same.
@Suite(.serialized)
struct PenilaianTests {
    let list = "/pemda/99.71/kinerja/pimpinan"

    func demoYear(_ app: Application) async throws -> PemdaInfo {
        try await DashboardTests().demoYear(app)
    }

    /// The figures the pages read, computed here from the board as `KinerjaController.load` does.
    func figures(_ app: Application, _ pemda: PemdaInfo, through: Int = 3) async throws -> KinerjaFigures {
        let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
        let board = try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: app.db)
        return KinerjaFigures(board: board, engine: pemda.capaianEngine, through: through, today: TestClock.today, opd: organisation.opd(of:))
    }

    /// Each listed row: its position and the category by capaian (`data-saran`, "" when none).
    func rows(_ html: String) throws -> [(UUID, String)] {
        let regex = try NSRegularExpression(pattern: #"id="pimpinan-([0-9A-F-]{36})" data-jabatan="[^"]*" data-saran(?:="([^"]*)")?"#)
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            UUID(uuidString: ns.substring(with: m.range(at: 1))).map {
                ($0, m.range(at: 2).location == NSNotFound ? "" : ns.substring(with: m.range(at: 2)))
            }
        }
    }

    func recordings(_ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM penilaian_pimpinan").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    func card(_ jabatan: UUID) -> String { "/pemda/99.71/kinerja/pimpinan/\(jabatan.uuidString)?tahun=2026&tw=3" }

    @Test func the_category_of_each_official_is_the_core_rule_for_the_pks_capaian() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            var walikota = try await signedIn(app, as: "walikota")
            let page = try await get(app, list + "?tahun=2026&tw=3", &walikota)
            #expect(page.status == .ok)
            let f = try await figures(app, pemda)
            let heads = f.board.pks.filter { $0.level == .jpt }
            let listed = try rows(page.text)
            #expect(listed.count == heads.count && !heads.isEmpty, "every Eselon II head with a PK in force, by default")
            // The same PKs measured along the PK's own path (its content and ledger).
            let own = try await DashboardTests().expectedSheets(app, pemda, through: 3)
            var categories: Set<String> = []
            for (jabatan, shown) in listed {
                let pk = try #require(heads.first { $0.jabatanID == jabatan })
                let capaian = f.path(pk.id)?.at(3).capaian
                #expect(own.first { $0.pk.id == pk.id }?.sheet.total.capaian == capaian, "the figures are the PK's own")
                let expected = PenilaianCategories.standard.suggestion(for: capaian).map { PenilaianCategories.standard.bands[$0].name.id } ?? ""
                #expect(shown == expected, "\(jabatan): \(shown), the rule gives \(expected) for \(capaian?.description ?? "none")")
                #expect(DashboardTests().capaian(page.text, row: "pimpinan-\(jabatan.uuidString)") == (capaian?.description ?? ""))
                categories.insert(shown)
            }
            #expect(categories.count >= 2, "the demo's heads fall in more than one category: \(categories)")
            // Every level, and one level.
            let all = try await get(app, list + "?tahun=2026&tw=3&tingkat=semua", &walikota)
            #expect(try rows(all.text).count == f.board.pks.filter { $0.level != .pemda }.count)
            let eselon3 = try await get(app, list + "?tahun=2026&tw=3&tingkat=administrator", &walikota)
            #expect(try rows(eselon3.text).count == f.board.pks.filter { $0.level == .administrator }.count)
        }
    }

    @Test func a_recording_is_history_the_newest_counts_and_it_is_audited() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let f = try await figures(app, pemda)
            let standard = PenilaianCategories.standard
            let pk = try #require(f.board.pks.first { $0.level == .jpt && f.path($0.id)?.at(3).capaian != nil })
            let capaian = try #require(f.path(pk.id)?.at(3).capaian)
            let suggested = try #require(standard.suggestion(for: capaian))
            let other = suggested == 0 ? 1 : 0
            var walikota = try await signedIn(app, as: "walikota")
            let form = try await get(app, card(pk.jabatanID), &walikota)
            #expect(form.status == .ok && form.text.contains("id=\"catat\"") && form.text.contains("name=\"catatan\""))

            let first = try await post(app, card(pk.jabatanID), &walikota,
                                       ["kategori": standard.bands[suggested].name.id, "catatan": "Sesuai capaian PK s.d. TW III."])
            #expect(first.status == .seeOther, "\(first.text.prefix(300))")
            let second = try await post(app, card(pk.jabatanID), &walikota,
                                        ["kategori": standard.bands[other].name.id,
                                         "catatan": "Kategori disesuaikan: hasil reviu Inspektorat atas data dukung indikator utama."])
            #expect(second.status == .seeOther, "\(second.text.prefix(300))")
            #expect(try await recordings(app) == 2, "a re-evaluation adds a row, it never overwrites")

            let stored = try await PenilaianYear.load(pemdaID: pemda.id, year: 2026, on: app.db)
            let history = stored.history(pk.jabatanID)
            #expect(history.map(\.seq) == [2, 1])
            let newest = try #require(stored.newest(pk.jabatanID))
            #expect(newest.category.id == standard.bands[other].name.id && newest.differs)
            #expect(newest.capaian == capaian && newest.through == 3 && newest.pkID == pk.id && newest.pkVersion == pk.version)
            #expect(newest.suggested?.id == standard.bands[suggested].name.id)
            let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
            #expect(newest.pegawaiName == organisation.holder(of: pk.jabatanID, on: TestClock.today)?.name)
            #expect(!newest.recordedByName.isEmpty)
            #expect(history.last?.differs == false)
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entity == "penilaian_pimpinan").count()
            #expect(audited == 2)

            // The scorecard and the list show the newest; the history lists both.
            let after = try await get(app, card(pk.jabatanID), &walikota)
            #expect(after.text.contains("id=\"kartu-kategori\" data-kategori=\"\(standard.bands[other].name.id)\""))
            #expect(after.text.contains("data-key=\"\(history[0].id.uuidString)\"") && after.text.contains("data-key=\"\(history[1].id.uuidString)\""))
            let listPage = try await get(app, list + "?tahun=2026&tw=3", &walikota)
            #expect(listPage.text.contains("(berbeda dari saran)"))

            // The audit trail names the record in words.
            var admin = try await signedIn(app, as: "admin")
            let trail = try await get(app, "/pemda/99.71/audit", &admin)
            #expect(trail.text.contains("Penilaian pimpinan"))
        }
    }

    @Test func a_refused_recording_or_setting_writes_nothing_and_hostile_input_is_bounded() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let f = try await figures(app, pemda)
            let pk = try #require(f.board.pks.first { $0.level == .jpt && f.path($0.id)?.at(3).capaian != nil })
            let suggested = try #require(PenilaianCategories.standard.suggestion(for: f.path(pk.id)?.at(3).capaian))
            let name = PenilaianCategories.standard.bands[suggested].name.id
            let other = PenilaianCategories.standard.bands[suggested == 0 ? 1 : 0].name.id
            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, card(pk.jabatanID), &admin)
            let refused: [([String: String], String)] = [
                (["kategori": name], "catatan-error"),
                (["kategori": name, "catatan": "   "], "catatan-error"),
                (["kategori": name, "catatan": String(repeating: "a", count: PenilaianRules.noteMaximum + 1)], "catatan-error"),
                (["kategori": "Istimewa", "catatan": "Catatan yang cukup panjang."], "kategori-error"),
                (["kategori": String(repeating: "x", count: 5000), "catatan": "Catatan yang cukup panjang."], "kategori-error"),
                (["kategori": other, "catatan": "Berbeda saja."], "catatan-error"),
            ]
            for (fields, error) in refused {
                let res = try await post(app, card(pk.jabatanID), &admin, fields)
                #expect(res.status == .unprocessableEntity, "\(fields.mapValues { $0.prefix(20) }): \(res.status)")
                #expect(res.text.contains("id=\"\(error)\""), "the finding stands beside its field: \(error)")
            }
            for path in ["/pemda/99.71/kinerja/pimpinan/not-a-uuid", "/pemda/99.71/kinerja/pimpinan/\(UUID().uuidString)",
                         "/pemda/99.71/kinerja/pimpinan/%00", "/pemda/99.71/kinerja/pimpinan/\(String(repeating: "A", count: 400))"] {
                #expect(try await get(app, path, &admin).status == .notFound, "\(path.prefix(60))")
                #expect(try await get(app, path + "/pdf", &admin).status == .notFound)
                #expect(try await post(app, path, &admin, ["kategori": name, "catatan": "Catatan yang cukup panjang."]).status == .notFound)
            }
            // The Kepala Daerah's own PK is not evaluated here.
            let iku = try #require(f.ikuPk)
            #expect(try await get(app, card(iku.jabatanID), &admin).status == .notFound)
            let badYear = try await post(app, "/pemda/99.71/kinerja/pimpinan/\(pk.jabatanID.uuidString)?tahun=99999", &admin,
                                         ["kategori": name, "catatan": "Catatan yang cukup panjang."])
            #expect(badYear.status == .unprocessableEntity)
            for query in ["tw=9", "tw=-1", "tahun=-5", "tingkat=pemda", "tingkat=%00", "tingkat=" + String(repeating: "x", count: 300)] {
                #expect(try await get(app, list + "?" + query, &admin).status == .ok, "\(query.prefix(30))")
                #expect(try await get(app, card(pk.jabatanID) + "&" + query, &admin).status == .ok)
            }
            // Values of the wrong shape are refused before any rule is asked.
            for fields in [["kategori[x]": name, "catatan": "Catatan yang cukup panjang."], ["catatan[]": "x", "kategori": name]] {
                let res = try await post(app, card(pk.jabatanID), &admin, fields)
                #expect(res.status == .badRequest || res.status == .unprocessableEntity, "\(fields.keys.sorted()): \(res.status)")
            }
            #expect(try await post(app, list + "?tahun=2026", &admin, ["batas": "90", "nama": "x"]).status.code / 100 == 4)
            #expect(try await recordings(app) == 0, "nothing refused was written")

            // The bands: checked whole, nothing kept from a refused form.
            for (fields, error) in [
                (["batas[1]": "60", "nama[1]": "Baik", "batas[2]": "80", "nama[2]": "Sangat baik", "nama[3]": "Kurang"], "batas-2-error"),
                (["batas[1]": "90", "nama[1]": "Baik", "batas[2]": "50", "nama[2]": "Kurang"], "batas-2-error"),
                (["batas[1]": "abc", "nama[1]": "Baik", "nama[2]": "Kurang"], "batas-1-error"),
                (["batas[1]": "99999999999999999999999", "nama[1]": "Baik", "nama[2]": "Kurang"], "batas-1-error"),
                (["batas[1]": "90", "nama[1]": String(repeating: "n", count: 61), "nama[2]": "Kurang"], "nama-1-error"),
                (["batas[1]": "90", "nama[1]": "Baik", "nama[2]": "baik"], "nama-2-error"),
                (["nama[1]": "Semua"], "kategori-error"),
            ] {
                let res = try await post(app, list + "?tahun=2026", &admin, fields)
                #expect(res.status == .unprocessableEntity, "\(fields): \(res.status)")
                #expect(res.text.contains("id=\"\(error)\""), "\(fields): \(error)")
            }
            let kept = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM penilaian_kategori").first()?.decode(column: "n", as: Int.self)
            #expect(kept == 0)

            // Bands of its own move every suggestion: with everything from 1% a reward, no head is below the first.
            let saved = try await post(app, list + "?tahun=2026", &admin,
                                       ["batas[1]": "0,5", "nama[1]": "Istimewa", "namaEn[1]": "Outstanding", "nama[2]": "Lainnya", "batas[9]": "5"])
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "penilaian_kategori").count() == 1)
            let again = try await post(app, list + "?tahun=2026", &admin, ["batas[1]": "0.5", "nama[1]": "Istimewa", "namaEn[1]": "Outstanding", "nama[2]": "Lainnya"])
            #expect(again.status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "penilaian_kategori").count() == 1, "an unchanged form writes nothing")
            let page = try await get(app, list + "?tahun=2026&tw=3", &admin)
            let suggestions = Set(try rows(page.text).map(\.1))
            #expect(suggestions.isSubset(of: ["Istimewa", "Lainnya", ""]) && suggestions.contains("Istimewa"))
            // A category the Pemda no longer has is unknown.
            let stale = try await post(app, card(pk.jabatanID), &admin, ["kategori": name, "catatan": "Catatan yang cukup panjang."])
            #expect(stale.status == .unprocessableEntity)
        }
    }

    @Test func an_unmeasured_pk_cannot_be_judged_and_needs_an_explained_category() async throws {
        try await withDemoApp { app in
            // Dinas Kesehatan's PK signed, nothing entered: every indicator without an accepted value.
            let (pkID, _) = try await RealisasiFlowTests().signedDinkesPk(app)
            let pk = try #require(try await Pk.find(pkID, on: app.db))
            var walikota = try await signedIn(app, as: "walikota")
            let page = try await get(app, card(pk.$jabatan.id), &walikota)
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"kartu-saran\" data-kategori") && !page.text.contains("id=\"kartu-saran\" data-kategori=\"P"))
            #expect(page.text.contains("Belum dapat dinilai"))
            let short = try await post(app, card(pk.$jabatan.id), &walikota, ["kategori": "Pembinaan", "catatan": "Belum ada data."])
            #expect(short.status == .unprocessableEntity && short.text.contains("catatan-error"))
            let explained = try await post(app, card(pk.$jabatan.id), &walikota,
                                           ["kategori": "Pembinaan", "catatan": "Belum ada nilai diterima s.d. TW III; pembinaan pengisian realisasi."])
            #expect(explained.status == .seeOther)
            let newest = try #require(try await PenilaianYear.load(pemdaID: pk.$pemda.id, year: 2026, on: app.db).newest(pk.$jabatan.id))
            #expect(newest.suggested == nil && newest.capaian == nil && newest.category.id == "Pembinaan")
        }
    }

    @Test func only_the_kepala_daerah_and_the_admin_record_and_everyone_of_the_pemda_reads() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let f = try await figures(app, pemda)
            let pk = try #require(f.board.pks.first { $0.level == .jpt })
            let fields = ["kategori": "Pembinaan", "catatan": "Catatan penilaian yang cukup panjang untuk disimpan sebagai penjelasan."]
            for user in ["operator.dinkes", "kadinkes", "sekdinkes", "verifikator", "inspektorat"] {
                var browser = try await signedIn(app, as: user)
                let page = try await get(app, card(pk.jabatanID), &browser)
                #expect(page.status == .ok, "\(user) reads the scorecard")
                #expect(!page.text.contains("id=\"catat\""), "\(user) is offered no form")
                let res = try await post(app, card(pk.jabatanID), &browser, fields)
                #expect(res.status == .forbidden, "\(user): \(res.status)")
                let bands = try await post(app, list + "?tahun=2026", &browser, ["batas[1]": "80", "nama[1]": "A", "nama[2]": "B"])
                #expect(bands.status == .forbidden, "\(user) sets no bands")
                #expect(try await get(app, list, &browser).status == .ok)
            }
            var walikota = try await signedIn(app, as: "walikota")
            let bands = try await post(app, list + "?tahun=2026", &walikota, ["batas[1]": "80", "nama[1]": "A", "nama[2]": "B"])
            #expect(bands.status == .forbidden, "the bands are the Admin Pemda's")
            #expect(!(try await get(app, list, &walikota)).text.contains("id=\"kategori-form\""))
            #expect(try await recordings(app) == 0)

            var anonymous = Browser()
            let page = try await get(app, list, &anonymous)
            #expect(page.status == .seeOther && (page.headers.first(name: .location) ?? "").hasPrefix("/masuk"))
            _ = try await get(app, "/masuk", &anonymous)
            let stranger = try await post(app, card(pk.jabatanID), &anonymous, fields)
            #expect(stranger.status != .ok, "\(stranger.status)")
            #expect(try await get(app, "/api/v1/pemda/99.71/penilaian", &anonymous).status == .unauthorized)
            #expect(try await recordings(app) == 0)
        }
    }

    @Test func the_scorecard_pdf_reads_back_with_the_figures_the_category_and_the_note() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let f = try await figures(app, pemda)
            let pk = try #require(f.board.pks.first { $0.level == .jpt && f.path($0.id)?.at(3).capaian != nil && !f.rows(of: $0.id).isEmpty })
            let suggested = try #require(PenilaianCategories.standard.suggestion(for: f.path(pk.id)?.at(3).capaian))
            var walikota = try await signedIn(app, as: "walikota")
            _ = try await get(app, card(pk.jabatanID), &walikota)
            let note = "Pertahankan kinerja dan perkuat data dukung."
            let saved = try await post(app, card(pk.jabatanID), &walikota,
                                       ["kategori": PenilaianCategories.standard.bands[suggested].name.id, "catatan": note])
            #expect(saved.status == .seeOther)
            let pdf = try await get(app, "/pemda/99.71/kinerja/pimpinan/\(pk.jabatanID.uuidString)/pdf?tahun=2026&tw=3", &walikota)
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf")
            let text = try pdftotext(pdf.data)
            #expect(text.contains("KARTU PENILAIAN KINERJA PIMPINAN") && text.contains("S.D. TW III"))
            #expect(text.contains(PenilaianCategories.standard.bands[suggested].name.id))
            #expect(text.contains("Pertahankan kinerja"), "the note")
            #expect(text.contains("Riwayat penilaian 2026"))
            let capaian = try #require(f.path(pk.id)?.at(3).capaian)
            #expect(text.contains(IDFormat.percent(capaian)), "the PK's capaian \(IDFormat.percent(capaian))")
            for row in f.rows(of: pk.id) {
                let shown = try #require(f.indicator(row).map { KinerjaParts.result($0.toDate.capaian) })
                #expect(text.contains(shown), "\(row.key): \(shown) in the PDF")
            }
            var anonymous = Browser()
            #expect(try await get(app, "/pemda/99.71/kinerja/pimpinan/\(pk.jabatanID.uuidString)/pdf", &anonymous).status == .seeOther)
        }
    }

    @Test func the_api_lists_every_official_with_the_same_categories_and_recordings() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let f = try await figures(app, pemda)
            let pk = try #require(f.board.pks.first { $0.level == .jpt && f.path($0.id)?.at(3).capaian != nil })
            let suggested = try #require(PenilaianCategories.standard.suggestion(for: f.path(pk.id)?.at(3).capaian))
            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, card(pk.jabatanID), &admin)
            _ = try await post(app, card(pk.jabatanID), &admin,
                               ["kategori": PenilaianCategories.standard.bands[suggested].name.id, "catatan": "Dicatat oleh Admin Pemda."])
            let api = try await get(app, "/api/v1/pemda/99.71/penilaian?tahun=2026&tw=3", &admin)
            #expect(api.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: api.data) as? [String: Any])
            #expect(body["through"] as? Int == 3 && body["standardCategories"] as? Bool == true)
            #expect((body["categories"] as? [[String: Any]])?.map { $0["name"] as? String } == PenilaianCategories.standard.bands.map(\.name.id))
            let data = body["data"] as? [[String: Any]] ?? []
            #expect(data.count == f.board.pks.filter { $0.level != .pemda }.count)
            for line in data {
                let mine = try #require(f.board.pks.first { $0.id.uuidString == line["pkId"] as? String })
                let capaian = f.path(mine.id)?.at(3).capaian
                #expect(line["capaian"] as? String == capaian?.description)
                #expect(line["suggested"] as? String == PenilaianCategories.standard.suggestion(for: capaian).map { PenilaianCategories.standard.bands[$0].name.id })
            }
            let recorded = try #require(data.first { $0["jabatanId"] as? String == pk.jabatanID.uuidString })
            #expect((recorded["recorded"] as? [String: Any])?["note"] as? String == "Dicatat oleh Admin Pemda.")
            #expect((recorded["history"] as? [[String: Any]])?.count == 1)
            #expect(try await get(app, "/api/v1/pemda/00.00/penilaian", &admin).status == .notFound)
        }
    }
}
