import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct ScheduleTests {
    func day(_ offset: Int) -> String { TestClock.day(offset) }

    @Test func a_closed_schedule_refuses_an_rkt_edit_and_a_reopened_one_allows_it() async throws {
        try await withDemoApp { app in
            // The demo RKT is for 2026; the window's dates are relative to the real today, which the writer checks.
            let year = 2026
            let dinkes = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let pendidikan = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Pendidikan").first())
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let organisation = try await PemdaOrganisation.load(pemdaID: pemda.id, on: app.db)
            let dinkesUnit = try #require(organisation.units[dinkes.requireID()])
            let pendidikanUnit = try #require(organisation.units[pendidikan.requireID()])
            let rkt = try #require(try await RktQueries.rkt(pemda: pemda, unit: dinkesUnit, year: 2026, on: app.db))
            let indikator = try #require(rkt.sasaran.first?.indikator.first)

            var admin = try await signedIn(app, as: "admin")
            let set = try await post(app, "/pemda/99.71/jadwal?tahun=\(year)", &admin,
                                     ["tahap": "rkt", "dibuka": day(-60), "ditutup": day(-30)])
            #expect(set.status == .seeOther)
            #expect(try await get(app, "/pemda/99.71/jadwal?tahun=\(year)", &admin).text.contains("Ditutup"))

            var op = try await signedIn(app, as: "operator.dinkes")
            let path = "/pemda/99.71/rkt/\(dinkes.id!.uuidString)"
            let page = try await get(app, path + "?tahun=\(year)", &op)
            #expect(page.text.contains("Jadwal penyusunan RKT: Ditutup"))
            let refused = try await post(app, path + "/target?tahun=\(year)", &op,
                                         ["indikator": indikator.id.uuidString, "nilai": "99"])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("sudah ditutup"))
            let stored = { try await IndikatorTarget.query(on: app.db).filter(\.$indikator.$id == indikator.id)
                .filter(\.$year == year).filter(\.$period == 0).first()?.value }
            #expect(try await stored() != "99")

            let badReason = try await post(app, "/pemda/99.71/jadwal/buka-kembali?tahun=\(year)", &admin,
                                           ["tahap": "rkt", "sampai": day(7), "alasan": "perlu"])
            #expect(badReason.status == .unprocessableEntity)
            let reopened = try await post(app, "/pemda/99.71/jadwal/buka-kembali?tahun=\(year)", &admin,
                                          ["tahap": "rkt", "sampai": day(7), "alasan": "APBD Perubahan menggeser target"])
            #expect(reopened.status == .seeOther)
            let allowed = try await post(app, path + "/target?tahun=\(year)", &op,
                                         ["indikator": indikator.id.uuidString, "nilai": "99"])
            #expect(allowed.status == .seeOther)
            #expect(try await stored() == "99")

            // Another unit's RKT stays out of reach, open schedule or not.
            let other = try #require(try await RktQueries.rkt(pemda: pemda, unit: pendidikanUnit, year: year, on: app.db))
            let foreign = try await post(app, "/pemda/99.71/rkt/\(pendidikan.id!.uuidString)/target?tahun=\(year)", &op,
                                         ["indikator": other.sasaran[0].indikator[0].id.uuidString, "nilai": "1"])
            #expect(foreign.status == .forbidden)

            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == "jadwal").filter(\.$action == .update).all()
            #expect(trail.map(\.reason) == ["APBD Perubahan menggeser target"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "indikator_target").first()?.username
                    == "operator.dinkes")
        }
    }
}
