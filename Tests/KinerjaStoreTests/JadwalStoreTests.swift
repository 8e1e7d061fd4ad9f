import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

@Suite(.serialized)
struct JadwalStoreTests {
    @Test func a_closed_rkt_stage_refuses_a_target_change_and_a_reopened_one_allows_it() async throws {
        let test = try await TestDatabase.make()
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let writer = PemdaWriter(database: test.db, pemdaID: try pemda.requireID(),
                                 audit: AuditContext(userID: nil, username: "admin.uji", requestID: "r1"))
        let unit = try await writer.addUnit(code: "1.01", name: "Dinas Pendidikan", kind: .dinas)
        let rkt = Rkt(pemdaID: try pemda.requireID(), unitID: unit, year: 2026, renstraID: nil)
        try await rkt.create(on: test.db)
        let sasaran = RktSasaran(pemdaID: try pemda.requireID(), rktID: try rkt.requireID(), renstraSasaranID: nil,
                                 number: 1, text: "Meningkatnya mutu pendidikan")
        try await sasaran.create(on: test.db)
        let indikator = try await writer.addIndikator(owner: .rktSasaran, ownerID: try sasaran.requireID(),
                                                      input: IndikatorInput(code: "I-1", name: "APK", satuan: "%",
                                                                            spec: IndicatorSpec(kind: .percent)))
        let day = { (text: String) in CalendarDate(iso: text)! }
        // No window set: not restricted.
        try await writer.on(day("2026-11-23")).setTarget(indikatorID: indikator, year: 2026, raw: "90")
        try await writer.setJadwal(year: 2026, window: JadwalWindow(stage: .rkt, opens: day("2026-01-05"),
                                                                    closes: day("2026-01-31")))
        await #expect(throws: RuleViolation.self) {
            try await writer.on(day("2026-11-23")).setTarget(indikatorID: indikator, year: 2026, raw: "95")
        }
        #expect(try await IndikatorTarget.query(on: test.db).first()?.value == "90")
        // The indicator's settings decide its capaian, so they are closed with the stage too.
        let closed = await #expect(throws: RuleViolation.self) {
            try await writer.on(day("2026-11-23")).updateIndikator(id: indikator, input: IndikatorInput(
                code: "I-1", name: "APK", satuan: "%", spec: IndicatorSpec(kind: .percent, polarity: .negative)))
        }
        #expect(closed?.code == "jadwal.closed")
        #expect(try await Indikator.find(indikator, on: test.db)?.polarity == .positive)
        try await writer.on(day("2026-11-23")).reopenJadwal(year: 2026, stage: .rkt, until: day("2026-11-30"),
                                      reason: "APBD Perubahan menggeser target")
        try await writer.on(day("2026-11-23")).setTarget(indikatorID: indikator, year: 2026, raw: "95")
        #expect(try await IndikatorTarget.query(on: test.db).first()?.value == "95")
        let reopening = try #require(try await AuditEvent.query(on: test.db).filter(\.$entity == "jadwal")
            .filter(\.$action == .update).first())
        #expect(reopening.reason == "APBD Perubahan menggeser target")
        #expect(reopening.before?.contains("\"reopened_until\":null") == true || reopening.before?.contains("reopened_until") == false)
        #expect(reopening.after?.contains("2026-11-30") == true)
        await test.shutdown()
    }
}
