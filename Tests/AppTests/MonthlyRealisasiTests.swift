import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// An indicator whose Manual IKU says monthly, through the web application: the quarter's table asks for its three
/// months, a month outside the quarter or a month of a quarterly row is refused with nothing written, each month is a
/// history row verified on its own, and every figure is the engine's for the accepted months.
@Suite(.serialized)
struct MonthlyRealisasiTests {
    /// The Kepala Dinas Kesehatan's PK signed with its first indicator reported monthly.
    func signedPkWithMonthlyRow(_ app: Application) async throws -> (pk: UUID, monthly: PkRow, quarterly: PkRow) {
        let dinkes = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
        let rkt = try #require(try await Rkt.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).filter(\.$year == 2026).first())
        let sasaran = try await RktSasaran.query(on: app.db).filter(\.$rkt.$id == rkt.requireID()).all().map { try $0.requireID() }
        let indicators = try await Indikator.query(on: app.db).filter(\.$ownerKind == .rktSasaran).filter(\.$ownerID ~~ sasaran)
            .sort(\.$sortOrder).all()
        // Set before the PK is drafted: the PK row keeps the setting it was drawn with.
        let first = try #require(indicators.first { $0.kind.isQuantitative })
        first.reporting = .monthly
        try await first.save(on: app.db)
        let (pk, rows) = try await RealisasiFlowTests().signedDinkesPk(app)
        let monthly = try #require(rows.first { $0.spec.reporting == .monthly }, "the PK row keeps the indicator's reporting period")
        let quarterly = try #require(rows.first { $0.spec.reporting == .quarterly && $0.spec.kind.isQuantitative })
        return (pk, monthly, quarterly)
    }

    func entries(_ app: Application, _ pk: UUID) async throws -> [RealisasiEntry] {
        try await RealisasiEntry.query(on: app.db).filter(\.$pk.$id == pk).sort(\.$seq).all()
    }

    @Test func a_monthly_indicator_is_entered_month_by_month_and_measured_per_quarter() async throws {
        try await withDemoApp { app in
            let (pk, monthly, quarterly) = try await signedPkWithMonthlyRow(app)
            let page = "/pemda/99.71/pk/\(pk.uuidString)/realisasi"
            var operatorBrowser = try await signedIn(app, as: "operator.dinkes")
            var verifier = try await signedIn(app, as: "verifikator")

            let tw2 = try await get(app, page + "?tw=2", &operatorBrowser)
            #expect(tw2.status == .ok)
            for month in 4...6 { #expect(tw2.text.contains("name=\"baris[\(monthly.key)][bulan][\(month)]\""), "month \(month)") }
            #expect(!tw2.text.contains("name=\"baris[\(monthly.key)][nilai]\""), "a monthly row has no quarter input")
            #expect(tw2.text.contains("name=\"baris[\(quarterly.key)][nilai]\""))
            #expect(tw2.text.contains("nilai per bulan") || tw2.text.contains("bulanan, kumulatif"))

            // A month of another quarter, or months on a quarterly row: refused with the reason, nothing written.
            let m = "baris[\(monthly.key)]"
            var outside = ["tw": "1", "konfirmasi": "1", "\(m)[bulan][1]": "70", "\(m)[bulan][4]": "71"]
            let refused = try await post(app, page, &operatorBrowser, outside)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("isi bulan Januari, Februari, Maret"))
            #expect(refused.text.contains("value=\"70\""), "what was typed is shown again")
            outside = ["tw": "1", "konfirmasi": "1", "baris[\(quarterly.key)][bulan][1]": "70"]
            let wrongShape = try await post(app, page, &operatorBrowser, outside)
            #expect(wrongShape.status == .unprocessableEntity && wrongShape.text.contains("dilaporkan per triwulan"))
            let hostile = ["tw": "1", "konfirmasi": "1", "\(m)[bulan][99999999999999999999]": "70", "\(m)[bulan][-1]": "1"]
            #expect(try await post(app, page, &operatorBrowser, hostile).status == .unprocessableEntity)
            #expect(try await entries(app, pk).isEmpty)

            // TW I: January–March in one save, each month a history row of the quarter with its own number.
            let tw1 = ["tw": "1", "konfirmasi": "1", "\(m)[bulan][1]": "70,5", "\(m)[bulan][2]": "71", "\(m)[bulan][3]": "72,25",
                       "\(m)[keyakinan]": "8", "\(m)[pendukung]": "Laporan bulanan puskesmas lengkap."]
            let saved = try await post(app, page, &operatorBrowser, tw1)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            var history = try await entries(app, pk)
            #expect(history.map(\.month) == [1, 2, 3])
            #expect(history.map(\.period) == [1, 1, 1])
            #expect(history.map(\.seq) == [1, 2, 3], "the months of a quarter share one run of numbers")
            #expect(history.map(\.value) == ["70.5", "71", "72.25"])
            #expect(history.allSatisfy { $0.confidence == 8 && $0.supporting == "Laporan bulanan puskesmas lengkap." })
            #expect(try await post(app, page, &operatorBrowser, tw1).status == .seeOther)
            #expect(try await entries(app, pk).count == 3, "saving the same months again adds nothing")

            // The verifikator accepts January and February and returns March.
            let march = try #require(history.first { $0.month == 3 })
            var decisions = ["tw": "1"]
            for e in history { decisions["putusan[\(e.id!.uuidString)][aksi]"] = e.month == 3 ? "kembalikan" : "terima" }
            decisions["putusan[\(march.id!.uuidString)][alasan]"] = "Angka Maret belum sesuai rekap dinas."
            let verifyPage = try await get(app, page + "?tw=1", &verifier)
            #expect(verifyPage.text.contains("id=\"verifikasi-\(monthly.key)-3\"") && verifyPage.text.contains("Maret"))
            #expect(try await post(app, page + "/verifikasi", &verifier, decisions).status == .seeOther)
            let returned = try await get(app, page + "?tw=1", &operatorBrowser)
            #expect(returned.text.contains("realisasi-returned") && returned.text.contains("(Maret)")
                    && returned.text.contains("Angka Maret belum sesuai rekap dinas."))
            #expect(returned.text.contains("id=\"status-\(monthly.key)-3\""))

            // The early warning sees the quarter as returned while its March is.
            var admin = try await signedIn(app, as: "admin")
            let warnings = try await get(app, "/api/v1/pemda/99.71/peringatan?tahun=2026&tw=1", &admin)
            let data = (try JSONSerialization.jsonObject(with: warnings.data) as? [String: Any])?["data"] as? [[String: Any]] ?? []
            #expect(data.contains { $0["key"] as? String == monthly.key && $0["kind"] as? String == "returned" && $0["period"] as? Int == 1 })

            // March corrected: a new row, the returned one kept; accepted, the figure is the engine's for the months.
            let correction = ["tw": "1", "konfirmasi": "1", "\(m)[bulan][1]": "70,5", "\(m)[bulan][2]": "71", "\(m)[bulan][3]": "73",
                              "\(m)[keyakinan]": "8", "\(m)[pendukung]": "Laporan bulanan puskesmas lengkap."]
            #expect(try await post(app, page, &operatorBrowser, correction).status == .seeOther)
            history = try await entries(app, pk)
            #expect(history.filter { $0.month == 3 }.map(\.value) == ["72.25", "73"], "a correction adds a row and keeps the first")
            #expect(history.map(\.seq) == [1, 2, 3, 4])
            let newMarch = try #require(history.last)
            #expect(try await post(app, page + "/verifikasi", &verifier,
                                    ["tw": "1", "putusan[\(newMarch.id!.uuidString)][aksi]": "terima"]).status == .seeOther)

            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let engine = pemda.capaianEngine
            var year = [Realisasi?](repeating: nil, count: 12)
            (year[0], year[1], year[2]) = (.value(FixedDecimal(canonical: "70.5")!), .value(FixedDecimal(71)), .value(FixedDecimal(73)))
            let expected = engine.evaluate(spec: monthly.spec, yearTarget: TargetInput.parseStored(monthly.target, for: monthly.spec),
                                           periodTargets: monthly.quarterly.map { TargetInput.parseStored($0, for: monthly.spec) },
                                           realisasi: year, through: 1)
            let figure = try #require(expected.capaian.capped)
            let measured = try await get(app, page + "?tw=1", &verifier)
            #expect(measured.text.contains("data-capaian=\"\(figure.description)\""), "the PK page: \(figure)")
            // The Pemda's board reads the same months to the same figure.
            let board = try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: app.db)
            let row = try #require(board.rows.first { $0.pkID == pk && $0.key == monthly.key })
            let figures = KinerjaFigures(board: board, engine: engine, through: 1, today: CalendarDate(year: 2026, month: 4, day: 30)!,
                                         opd: { $0 })
            #expect(figures.indicator(row)?.toDate.capaian.capped == figure)
            #expect(board.accepted(row, quarter: 1) == PeriodAggregation.quarterValue(year, quarter: 1, spec: monthly.spec))

            // The API names each entry's month.
            let api = try await get(app, "/api/v1/pemda/99.71/pk/\(pk.uuidString)/realisasi", &admin)
            let listed = (try JSONSerialization.jsonObject(with: api.data) as? [String: Any])?["data"] as? [[String: Any]] ?? []
            #expect(listed.compactMap { $0["month"] as? Int }.sorted() == [1, 2, 3, 3])
        }
    }

    @Test func the_manual_iku_form_sets_the_reporting_period() async throws {
        try await withDemoApp { app in
            let indikator = try #require(try await Indikator.query(on: app.db).filter(\.$ownerKind == .rktSasaran).first())
            var admin = try await signedIn(app, as: "admin")
            let path = "/pemda/99.71/indikator/\(indikator.id!.uuidString)"
            let form = try await get(app, path, &admin)
            #expect(form.status == .ok, "\(form.status)")
            #expect(form.text.contains("name=\"periodePelaporan\""))
            var fields = IndikatorController.formValues(of: indikator)
            fields["periodePelaporan"] = "monthly"
            #expect(try await post(app, path, &admin, fields).status == .seeOther)
            #expect(try await Indikator.find(indikator.id, on: app.db)?.reporting == .monthly)
            fields["periodePelaporan"] = "weekly"
            let refused = try await post(app, path, &admin, fields)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Pilih salah satu."))
            #expect(try await Indikator.find(indikator.id, on: app.db)?.reporting == .monthly)
        }
    }
}
