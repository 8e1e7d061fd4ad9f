import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// The year measured on the demo Kota: every figure on the executive view, the unit views and the API is what
/// `KinerjaCore` computes from the accepted values, read here along another path (each PK's own content and ledger,
/// the RPJMD through Fluent); the early warning links to where each finding is fixed; weights are checked and move
/// the figure; hostile parameters are bounded; the public sees only the published IKU.
@Suite(.serialized)
struct DashboardTests {
    func demoYear(_ app: Application) async throws -> PemdaInfo {
        let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
        _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
        _ = try await DemoRealisasi.run(pemdaID: pemda.id, year: 2026, on: app.db)
        return pemda
    }

    /// The first `data-capaian` at or after the element with `id` (a row's figure sits in one of its cells); "" where
    /// the page wrote it empty (Plot writes `data-capaian` alone).
    func capaian(_ html: String, row id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.lowerBound...]
        guard let attr = rest.range(of: "data-capaian") else { return nil }
        let after = rest[attr.upperBound...]
        guard after.hasPrefix("=\"") else { return "" }
        let value = after.dropFirst(2)
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    /// The capaian of each unit row of the ranking, in page order.
    func unitFigures(_ html: String) throws -> [(UUID, String)] {
        let regex = try NSRegularExpression(pattern: #"data-unit="([0-9A-F-]{36})">.*?data-capaian(?:="([^"]*)")?"#, options: [.dotMatchesLineSeparators])
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            UUID(uuidString: ns.substring(with: m.range(at: 1))).map {
                ($0, m.range(at: 2).location == NSNotFound ? "" : ns.substring(with: m.range(at: 2)))
            }
        }
    }

    /// Each PK in force measured the way its own realisation page measures it.
    func expectedSheets(_ app: Application, _ pemda: PemdaInfo, through: Int)
        async throws -> [(pk: PkContent, sheet: CapaianSheet, measurements: [IndicatorMeasurement])]
    {
        let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
        let versions = try await Pk.query(on: app.db).filter(\.$pemda.$id == pemda.id).filter(\.$year == 2026).all()
        let inForce = Dictionary(grouping: versions, by: { $0.$jabatan.id }).values.compactMap { PkVersions.inForce($0) }
        var out: [(PkContent, CapaianSheet, [IndicatorMeasurement])] = []
        for version in inForce {
            let content = try #require(try await PkContent.load(version.requireID(), pemdaID: pemda.id, organisation: organisation,
                                                                page: false, on: app.db))
            let ledger = try await RealisasiLedger.load(pemdaID: pemda.id, jabatanID: content.jabatanID, year: 2026, on: app.db)
            let measurements = content.rows.map { row in
                ledger.measurement(key: row.key, sasaran: row.sasaran, spec: row.spec, target: row.target, quarterly: row.quarterly,
                                   weight: row.weight)
            }
            out.append((content, pemda.capaianEngine.sheet(measurements, through: through), measurements))
        }
        return out
    }

    /// The Pemda's figure by hand: the IKU placed on the RPJMD read through Fluent, rolled up by `CapaianTree`.
    func expectedPemda(_ app: Application, _ pemda: PemdaInfo, iku: (pk: PkContent, sheet: CapaianSheet, measurements: [IndicatorMeasurement]),
                       weights: [UUID: FixedDecimal] = [:]) async throws -> FixedDecimal? {
        var nodes: [CapaianTree.Node] = []
        for m in try await Misi.query(on: app.db).filter(\.$pemda.$id == pemda.id).all() {
            nodes.append(.init(id: try m.requireID().uuidString, parent: nil, weight: weights[try m.requireID()] ?? FixedDecimal(1)))
        }
        for t in try await Tujuan.query(on: app.db).filter(\.$pemda.$id == pemda.id).all() {
            nodes.append(.init(id: try t.requireID().uuidString, parent: t.$misi.id.uuidString, weight: weights[try t.requireID()] ?? FixedDecimal(1)))
        }
        for s in try await SasaranRpjmd.query(on: app.db).filter(\.$pemda.$id == pemda.id).all() {
            nodes.append(.init(id: try s.requireID().uuidString, parent: s.$tujuan.id.uuidString, weight: weights[try s.requireID()] ?? FixedDecimal(1)))
        }
        var leaves: [CapaianTree.Leaf] = []
        let byKey = Dictionary(uniqueKeysWithValues: iku.sheet.indicators.map { ($0.key, $0) })
        for row in try await PkRow.query(on: app.db).filter(\.$pk.$id == iku.pk.id).all() {
            guard let sourceID = row.sourceIndikatorID else {
                Issue.record("PK row \(row.key) has no source indicator")
                continue
            }
            let source = try #require(try await Indikator.find(sourceID, on: app.db))
            let measured = try #require(byKey[row.key])
            let weight = iku.measurements.first { $0.key == row.key }?.weight ?? FixedDecimal(1)
            leaves.append(.init(node: source.ownerID.uuidString, weight: weight, toDate: RollupResult(measured.toDate.capaian),
                                forecast: RollupResult(measured.forecast)))
        }
        return CapaianTree(nodes: nodes, leaves: leaves).total.toDate.capaian
    }

    @Test func every_figure_of_the_executive_view_is_the_engines_for_the_accepted_values() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            var walikota = try await signedIn(app, as: "walikota")
            let home = try await get(app, "/", &walikota)
            #expect(home.status == .seeOther && home.headers.first(name: .location) == "/pemda/99.71/kinerja",
                    "the Walikota sees the year's performance first")
            let page = try await get(app, "/pemda/99.71/kinerja?tahun=2026&tw=3", &walikota)
            #expect(page.status == .ok)
            let html = page.text
            for id in ["peringkat-unit", "iku", "serapan-capaian", "tren", "putaran", "rpjmd-capaian"] {
                #expect(html.contains("id=\"\(id)\""), "the executive view has its \(id) section")
            }
            #expect(html.contains("<svg") && html.contains("role=\"img\""), "charts are inline SVG with a name")

            let expected = try await expectedSheets(app, pemda, through: 3)
            let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
            // Units: each is its head's PK, nothing else.
            let units = try unitFigures(html)
            #expect(units.count >= 20, "the ranking lists the Perangkat Daerah")
            var compared = 0
            for (unit, shown) in units {
                let heads = expected.filter { $0.pk.level == .jpt && organisation.opd(of: $0.pk.unitID) == unit }
                guard !heads.isEmpty else {
                    #expect(shown == "", "\(organisation.units[unit]?.name ?? "?"): a unit without a PK in force has no figure")
                    continue
                }
                let figure = Rollup.mean(heads.map(\.sheet.total)).capaian
                #expect(shown == (figure?.description ?? ""), "unit \(unit): page \(shown), engine \(figure?.description ?? "none")")
                compared += 1
            }
            #expect(compared >= 20)
            // Ranked best first, measured units before those without a figure.
            let values = units.map { FixedDecimal(canonical: $0.1) }
            let measured = values.prefix { $0 != nil }.compactMap { $0 }
            #expect(measured == measured.sorted(by: >) && values.dropFirst(measured.count).allSatisfy { $0 == nil })

            // The IKU, each with the engine's figure, and the Pemda as the RPJMD tree over them.
            let iku = try #require(expected.first { $0.pk.level == .pemda })
            for indicator in iku.sheet.indicators {
                #expect(capaian(html, row: "iku-\(indicator.key)") == (indicator.toDate.capaian.capped?.description ?? ""))
            }
            let pemdaFigure = try await expectedPemda(app, pemda, iku: iku)
            #expect(pemdaFigure != nil)
            #expect(capaian(html, row: "kd-capaian") == pemdaFigure?.description)

            // The API says the same.
            let api = try await get(app, "/api/v1/pemda/99.71/capaian?tahun=2026&tw=3", &walikota)
            #expect(api.status == .ok)
            let report = try JSONSerialization.jsonObject(with: api.data) as? [String: Any]
            #expect((report?["pemda"] as? [String: Any])?["capaian"] as? String == pemdaFigure?.description)
            let pks = report?["pks"] as? [[String: Any]] ?? []
            #expect(pks.count == expected.count)
            for pk in pks {
                let mine = expected.first { $0.pk.id.uuidString == pk["id"] as? String }
                #expect((pk["total"] as? [String: Any])?["capaian"] as? String == mine?.sheet.total.capaian?.description)
                for indicator in pk["indicators"] as? [[String: Any]] ?? [] {
                    let engine = mine?.sheet.indicators.first { $0.key == indicator["key"] as? String }
                    #expect(indicator["capaian"] as? String == engine?.toDate.capaian.capped?.description)
                    #expect(indicator["formula"] as? String == engine?.toDate.capaian.formula.rawValue)
                }
            }

            // A unit's own view: its figure and each of its PKs.
            let (dinkes, _) = try #require(units.first { !$0.1.isEmpty })
            let unitPage = try await get(app, "/pemda/99.71/kinerja/unit/\(dinkes.uuidString)?tahun=2026&tw=3", &walikota)
            #expect(unitPage.status == .ok)
            let heads = expected.filter { $0.pk.level == .jpt && organisation.opd(of: $0.pk.unitID) == dinkes }
            #expect(capaian(unitPage.text, row: "unit-capaian") == Rollup.mean(heads.map(\.sheet.total)).capaian?.description)
            for head in heads {
                for indicator in head.sheet.indicators {
                    #expect(capaian(unitPage.text, row: "indikator-\(indicator.key)")
                            == (indicator.toDate.capaian.capped?.description ?? ""))
                }
            }

            // The indicator page of an IKU: the path quarter by quarter is the engine's.
            let first = try #require(iku.sheet.indicators.first)
            let indicatorPage = try await get(app, "/pemda/99.71/pk/\(iku.pk.id.uuidString)/realisasi/indikator?baris=\(first.key)&tw=3", &walikota)
            #expect(indicatorPage.status == .ok)
            #expect(capaian(indicatorPage.text, row: "indikator-capaian") == (first.toDate.capaian.capped?.description ?? ""))
            #expect(indicatorPage.text.contains("id=\"riwayat-table\""), "every entry is listed with its confidence and forecast")
        }
    }

    @Test func the_early_warning_lists_what_to_fix_and_links_to_where_it_is_fixed() async throws {
        try await withDemoApp { app in
            _ = try await demoYear(app)
            var admin = try await signedIn(app, as: "admin")
            let all = try await get(app, "/pemda/99.71/kinerja/peringatan?tahun=2026&tw=3", &admin)
            #expect(all.status == .ok)
            let returnedRows = all.text.components(separatedBy: "data-jenis=\"returned\"").count - 1
            // The demo returns four values and never corrects them: each is a line, and the tab counts them.
            let history = try await RealisasiEntry.query(on: app.db).all()
            // Newest per quarter, or per month of a monthly indicator; a quarter is returned while any month of it is.
            let newest = Dictionary(grouping: history, by: { "\($0.$jabatan.id)|\($0.rowKey)|\($0.period)|\($0.month)" }).values
                .compactMap { $0.max { $0.seq < $1.seq } }
            let returnedInDB = Set(newest.filter { $0.status == .dikembalikan }.map { "\($0.$jabatan.id)|\($0.rowKey)|\($0.period)" }).count
            #expect(returnedInDB == 4)
            #expect(newest.contains { $0.status == .dikembalikan && $0.month > 0 }, "one of them is a month of a monthly indicator")
            let returned = try await get(app, "/pemda/99.71/kinerja/peringatan?tahun=2026&tw=3&jenis=returned", &admin)
            let lines = returned.text.components(separatedBy: "class=\"warning-returned\"").count - 1
            #expect(lines == returnedInDB, "\(lines) returned lines for \(returnedInDB) returned entries")
            #expect(returnedRows >= lines)
            #expect(returned.text.contains("/realisasi?tw=") && returned.text.contains("#realisasi-"), "each line links to its row")
            #expect(!returned.text.contains("class=\"warning-buktiMissing\""), "the filter keeps one kind")
            // The demo forecasts a shortfall for some indicators.
            #expect(all.text.contains("class=\"warning-forecastBelowTarget\""))

            // The API lists the same warnings.
            let api = try await get(app, "/api/v1/pemda/99.71/peringatan?tahun=2026&tw=3", &admin)
            let data = (try JSONSerialization.jsonObject(with: api.data) as? [String: Any])?["data"] as? [[String: Any]] ?? []
            #expect(data.filter { $0["kind"] as? String == "returned" }.count == returnedInDB)
            #expect(data.count == all.text.components(separatedBy: "<tr class=\"warning-").count - 1)
        }
    }

    @Test func weights_are_checked_all_or_nothing_audited_and_move_the_pemda_figure() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            var admin = try await signedIn(app, as: "admin")
            let misi = try await Misi.query(on: app.db).filter(\.$pemda.$id == pemda.id).sort(\.$number).all()
            let first = try misi[0].requireID(), second = try misi[1].requireID()
            let form = try await get(app, "/pemda/99.71/kinerja/bobot?tahun=2026", &admin)
            #expect(form.status == .ok && form.text.contains("bobot[\(first.uuidString)]"))

            for hostile in ["abc", "0", "-2", "1001", "99999999999999999999999", String(repeating: "9", count: 500)] {
                let refused = try await post(app, "/pemda/99.71/kinerja/bobot?tahun=2026", &admin,
                                             ["bobot[\(first.uuidString)]": "3", "bobot[\(second.uuidString)]": hostile])
                #expect(refused.status == .unprocessableEntity, "\(hostile.prefix(20)): \(refused.status)")
                #expect(refused.text.contains("bobot-\(second.uuidString)-error"), "the finding stands beside its field")
            }
            let kept = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM capaian_bobot").first()?.decode(column: "n", as: Int.self)
            #expect(kept == 0, "a refused form keeps nothing, not even its valid weights")

            let saved = try await post(app, "/pemda/99.71/kinerja/bobot?tahun=2026", &admin, ["bobot[\(first.uuidString)]": "2,5"])
            #expect(saved.status == .seeOther)
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entity == "capaian_bobot").count()
            #expect(audited == 1)

            var walikota = try await signedIn(app, as: "walikota")
            let page = try await get(app, "/pemda/99.71/kinerja?tahun=2026&tw=3", &walikota)
            let iku = try #require(try await expectedSheets(app, pemda, through: 3).first { $0.pk.level == .pemda })
            let weighted = try await expectedPemda(app, pemda, iku: iku, weights: [first: FixedDecimal(canonical: "2.5")!])
            let equal = try await expectedPemda(app, pemda, iku: iku)
            #expect(weighted != equal, "the weight matters for the demo's figures")
            #expect(capaian(page.text, row: "kd-capaian") == weighted?.description)

            // Only the Admin Pemda sets weights.
            let denied = try await post(app, "/pemda/99.71/kinerja/bobot?tahun=2026", &walikota, ["bobot[\(first.uuidString)]": "1"])
            #expect(denied.status == .forbidden)
        }
    }

    @Test func hostile_parameters_are_bounded_and_the_public_sees_only_the_published_iku() async throws {
        try await withDemoApp { app in
            _ = try await demoYear(app)
            var walikota = try await signedIn(app, as: "walikota")
            for query in ["tw=9", "tw=-1", "tw=0", "tw=99999999999999999999", "tahun=99999", "tahun=-5&tw=2", "tw=%00"] {
                let res = try await get(app, "/pemda/99.71/kinerja?\(query)", &walikota)
                #expect(res.status == .ok, "\(query): \(res.status)")
            }
            let unknownUnit = try await get(app, "/pemda/99.71/kinerja/unit/\(UUID().uuidString)", &walikota)
            #expect(unknownUnit.status == .notFound)
            let garbage = try await get(app, "/pemda/99.71/kinerja/unit/not-a-uuid", &walikota)
            #expect(garbage.status == .notFound)
            let noRow = try await get(app, "/pemda/99.71/pk/\(UUID().uuidString)/realisasi/indikator?baris=x", &walikota)
            #expect(noRow.status == .notFound)

            var anonymous = Browser()
            let dashboard = try await get(app, "/pemda/99.71/kinerja", &anonymous)
            #expect(dashboard.status == .seeOther && (dashboard.headers.first(name: .location) ?? "").hasPrefix("/masuk"))
            let api = try await get(app, "/api/v1/pemda/99.71/capaian", &anonymous)
            #expect(api.status == .unauthorized)
            let portal = try await get(app, "/publik/kinerja/99.71?tahun=2026&tw=3", &anonymous)
            #expect(portal.status == .ok && portal.text.contains("id=\"portal-iku\""))
            #expect(!portal.text.contains("peringkat-unit"), "the public sees the IKU, not the units' work in progress")
            let before = try await get(app, "/publik/kinerja/99.71?tahun=2025", &anonymous)
            #expect(before.status == .ok && before.text.contains("portal-kinerja-kosong"), "no published PK, nothing shown")
            let nowhere = try await get(app, "/publik/kinerja/00.00", &anonymous)
            #expect(nowhere.status == .notFound)
        }
    }

    @Test func the_portal_keeps_the_published_pk_while_a_perubahan_awaits_publication() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            let board = try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: app.db)
            let iku = try #require(board.pks.first { $0.level == .pemda })
            #expect(iku.status == .diterbitkan)
            var anonymous = Browser()
            let before = try await get(app, "/publik/kinerja/99.71?tahun=2026&tw=3", &anonymous)
            let total = try #require(capaian(before.text, row: "portal-kinerja-total"))
            #expect(!total.isEmpty && !before.text.contains("portal-kinerja-perubahan"))
            let pohonBefore = try await get(app, "/publik/kinerja/99.71/pohon?tahun=2026&tw=3", &anonymous)
            let treeBefore = treeFigures(pohonBefore.text)
            #expect(treeBefore.contains { $0.kind == "indikator" } && treeBefore.contains { $0.kind == "sasaran" && !$0.capaian.isEmpty })

            // The Walikota's PK Perubahan: every target doubled, signed, not published.
            let day = CalendarDate(year: 2026, month: 10, day: 25)!
            let writer = PemdaWriter(database: app.db, pemdaID: pemda.id, audit: AuditContext(userID: nil, username: "uji", requestID: "uji").on(day),
                                     keyring: app.config.keyring)
            let revision = try await writer.revisePk(iku.id, ground: .strategiAnggaran, legalNumber: "Peraturan Daerah Nomor 7 Tahun 2026",
                                                     legalDate: CalendarDate(year: 2026, month: 10, day: 20), actor: PkActor(mayDraft: true))
            for row in try await PkRow.query(on: app.db).filter(\.$pk.$id == revision).sort(\.$sortOrder).all() where row.spec.kind.isQuantitative {
                guard let target = FixedDecimal(canonical: row.target) else { continue }
                try await writer.updatePkRow(row.requireID(), of: revision, sasaran: row.sasaran,
                                             target: IDFormat.number(target * FixedDecimal(2)), quarterly: [],
                                             changeReason: "APBD-Perubahan menaikkan target", actor: PkActor(mayDraft: true))
            }
            try await writer.pkAction(.ajukan, pkID: revision, actor: PkActor(mayDraft: true))
            try await writer.pkAction(.setujui, pkID: revision, actor: PkActor(mayVerify: true))
            // The Kepala Daerah's own PK is signed by the Kepala Daerah alone.
            try await writer.pkAction(.tandatangani(.pihakPertama), pkID: revision, actor: PkActor(parties: [.pihakPertama]))
            let inForce = try #require(try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: app.db).pks.first { $0.level == .pemda })
            #expect(inForce.id == revision && inForce.status == .ditandatangani, "the signed revision is in force")

            // The public still sees the published version's targets and figures, said so; nothing of the draft.
            let during = try await get(app, "/publik/kinerja/99.71?tahun=2026&tw=3", &anonymous)
            #expect(during.status == .ok && during.text.contains("id=\"portal-kinerja-perubahan\""))
            #expect(!during.text.contains("portal-kinerja-kosong"))
            #expect(capaian(during.text, row: "portal-kinerja-total") == total, "the published version, measured as before")
            #expect(during.text.contains("/verifikasi/\(iku.id.uuidString)"), "its document is the published one")
            // The public tree too: every node of the published version, with the figures it had.
            let pohonDuring = try await get(app, "/publik/kinerja/99.71/pohon?tahun=2026&tw=3", &anonymous)
            #expect(treeFigures(pohonDuring.text) == treeBefore)
        }
    }

    @Test func a_units_early_warnings_reach_its_inbox_and_no_one_elses() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let (pk, _) = try await RealisasiFlowTests().signedDinkesPk(app)
            _ = try await DemoRealisasi.run(pemdaID: pemda.id, year: 2026, on: app.db)
            var unit = try await signedIn(app, as: "operator.dinkes")
            let inbox = try await get(app, "/kotak-masuk?tahun=2026", &unit)
            #expect(inbox.status == .ok)
            let items = inbox.text.components(separatedBy: "<li data-kind=\"peringatan\"").count - 1
            #expect(items == 1, "one item for the unit's one PK in force, not one per finding")
            #expect(inbox.text.contains("/pemda/99.71/pk/\(pk.uuidString)/realisasi?tw="), "it links to the quarter to fix")
            #expect(inbox.text.contains("peringatan dini"))
            for other in ["verifikator", "admin"] {
                var browser = try await signedIn(app, as: other)
                let theirs = try await get(app, "/kotak-masuk?tahun=2026", &browser)
                #expect(!theirs.text.contains("data-kind=\"peringatan\""), "\(other) reads the whole list on its page instead")
            }
        }
    }

    @Test func the_quarterly_report_shows_the_engines_figures_on_screen_and_in_its_pdf() async throws {
        try await withDemoApp { app in
            let pemda = try await demoYear(app)
            var walikota = try await signedIn(app, as: "walikota")
            let expected = try await expectedSheets(app, pemda, through: 3)
            let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
            let head = try #require(expected.first { $0.pk.level == .jpt && !$0.sheet.indicators.isEmpty })
            let unit = try #require(organisation.opd(of: head.pk.unitID))
            let query = "?tahun=2026&tw=3&unit=\(unit.uuidString)"
            let page = try await get(app, "/pemda/99.71/kinerja/laporan" + query, &walikota)
            #expect(page.status == .ok && page.text.contains("id=\"e81-kinerja\"") && page.text.contains("id=\"e81-anggaran\""))
            let pdf = try await get(app, "/pemda/99.71/kinerja/laporan.pdf" + query, &walikota)
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf")
            let text = try pdftotext(pdf.data)
            #expect(text.contains("FORMULIR E.81") && text.contains("S.D. TW III"))
            for indicator in head.sheet.indicators {
                let shown = KinerjaParts.result(indicator.toDate.capaian)
                // The same figure, in the same words, on the page and in the PDF.
                #expect(page.text.contains(">\(shown)<"), "\(indicator.key): \(shown) on the page")
                #expect(text.contains(shown), "\(indicator.key): \(shown) in the PDF")
            }
            // The DPA: every line's pagu, and the unit's serapan in the Pemda's summary.
            let lines = try await DpaQueries.detail(unitID: unit, year: 2026, on: app.db).1
            #expect(!lines.isEmpty)
            for line in lines.prefix(5) { #expect(text.contains(IDFormat.rupiah(line.amount)), "pagu of \(line.code)") }
            let summary = try await get(app, "/pemda/99.71/kinerja/laporan.pdf?tahun=2026&tw=3", &walikota)
            let summaryText = try pdftotext(summary.data)
            #expect(summaryText.contains("Rekapitulasi Perangkat Daerah") && summaryText.contains("Indikator Kinerja Utama"))
            let iku = try #require(expected.first { $0.pk.level == .pemda })
            for indicator in iku.sheet.indicators {
                #expect(summaryText.contains(KinerjaParts.result(indicator.toDate.capaian)))
            }
            // Another Pemda's user, or none, reads nothing.
            var anonymous = Browser()
            let denied = try await get(app, "/pemda/99.71/kinerja/laporan.pdf?tahun=2026", &anonymous)
            #expect(denied.status == .seeOther)
        }
    }
}

/// Each node of a pohon page's table in order: its id, kind and capaian.
private struct TreeFigure: Equatable {
    var node: String
    var kind: String
    var capaian: String
}

private func treeFigures(_ html: String) -> [TreeFigure] {
    html.matches(of: /data-node="([^"]*)" data-kind="([^"]*)" data-capaian="([^"]*)"/).map {
        TreeFigure(node: String($0.output.1), kind: String($0.output.2), capaian: String($0.output.3))
    }
}
