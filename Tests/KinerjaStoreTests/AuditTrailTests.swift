import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

@Suite(.serialized)
struct AuditTrailTests {
    @Test func every_change_records_who_what_and_the_values_before_and_after() async throws {
        let test = try await TestDatabase.make()
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let who = AuditContext(userID: UUID(), username: "admin.uji", requestID: "req-42")
        let writer = PemdaWriter(database: test.db, pemdaID: try pemda.requireID(), audit: who)
        let unit = try await writer.addUnit(code: "1.01", name: "Dinas Pendidikan", kind: .dinas)
        let pegawai = try await writer.addPegawai(nip: "197001011990031001", name: "Drs. Ahmad", pangkat: "Pembina (IV/a)")
        let sasaran = try await writer.anRpjmdSasaran()
        let indikator = try await writer.addIndikator(owner: .sasaranRpjmd, ownerID: sasaran, input: IndikatorInput(
            code: "I-1", name: "APK", satuan: "%", spec: IndicatorSpec(kind: .percent)))
        try await writer.setTarget(indikatorID: indikator, year: 2026, raw: "90")
        try await writer.setTarget(indikatorID: indikator, year: 2026, raw: "92,5")

        let rows = try await AuditQueries.events(pemdaID: pemda.requireID(), filter: .init(), limit: 100, on: test.db)
        // unit, pegawai, the RPJMD chain (4), indikator, target created then changed
        #expect(rows.count == 9)
        #expect(rows.allSatisfy { $0.username == "admin.uji" && $0.requestID == "req-42" })
        let created = try #require(rows.first { $0.entity == "pegawai" })
        #expect(created.action == .create)
        #expect(created.entityID == pegawai)
        #expect(created.before == nil)
        #expect(created.after?.contains("197001011990031001") == true)
        let update = try #require(rows.first { $0.entity == "indikator_target" && $0.action == .update })
        #expect(update.before?.contains("\"value\":\"90\"") == true)
        #expect(update.after?.contains("\"value\":\"92.5\"") == true)
        #expect(try await AuditQueries.events(pemdaID: pemda.requireID(), filter: .init(unitID: unit), limit: 100, on: test.db)
            .map(\.entity) == ["unit"])
        #expect(try await AuditQueries.events(pemdaID: pemda.requireID(), filter: .init(entity: "indikator_target"),
                                              limit: 100, on: test.db).count == 2)
        await test.shutdown()
    }

    @Test func a_refused_change_leaves_no_trace() async throws {
        let test = try await TestDatabase.make()
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let writer = PemdaWriter(database: test.db, pemdaID: try pemda.requireID())
        await #expect(throws: RuleViolation.self) { try await writer.addPegawai(nip: "1970", name: "A", pangkat: "") }
        try await writer.addUnit(code: "1.01", name: "Dinas Pendidikan", kind: .dinas)
        await #expect(throws: RuleViolation.self) { try await writer.addUnit(code: "1.01", name: "Lagi", kind: .dinas) }
        #expect(try await AuditEvent.query(on: test.db).count() == 1)
        #expect(try await Unit.query(on: test.db).count() == 1)
        await test.shutdown()
    }
}
