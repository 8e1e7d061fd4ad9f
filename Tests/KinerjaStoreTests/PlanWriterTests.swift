import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

/// Building the RPJMD tree and editing indicators by hand: numbering, refusals that write nothing, and audited updates.
@Suite(.serialized)
struct PlanWriterTests {
    func writer() async throws -> (TestDatabase, PemdaWriter, Pemda) {
        let test = try await TestDatabase.make()
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let who = AuditContext(userID: UUID(), username: "admin.uji", requestID: "req-7")
        return (test, PemdaWriter(database: test.db, pemdaID: try pemda.requireID(), audit: who), pemda)
    }

    @Test func the_tree_numbers_itself_and_periods_never_overlap() async throws {
        let (test, w, _) = try await writer()
        let periode = try await w.addPeriode(startYear: 2025, endYear: 2029, perdaNumber: "Perda 1/2025",
                                             perdaDate: "2025-06-30", visi: "Maju")
        _ = try await w.addMisi(periodeID: periode, text: "Satu")
        let second = try await w.addMisi(periodeID: periode, text: "Dua")
        #expect(try await Misi.find(second, on: test.db)?.number == 2)

        let overlap = await #expect(throws: RuleViolation.self) {
            try await w.addPeriode(startYear: 2029, endYear: 2033, perdaNumber: "Perda 2/2029", perdaDate: "2029-06-30",
                                   visi: "Lanjut")
        }
        #expect(overlap?.code == "periode.overlap")
        let tooLong = await #expect(throws: RuleViolation.self) {
            try await w.addPeriode(startYear: 2030, endYear: 2035, perdaNumber: "Perda 2/2030", perdaDate: "2030-06-30",
                                   visi: "Lanjut")
        }
        #expect(tooLong?.field == .endYear)
        let empty = await #expect(throws: RuleViolation.self) { try await w.addTujuan(misiID: second, text: "  ") }
        #expect(empty?.field == .text)
        #expect(try await PeriodeRpjmd.query(on: test.db).count() == 1)
        #expect(try await Tujuan.query(on: test.db).count() == 0)
        await test.shutdown()
    }

    @Test func an_indicator_edit_is_audited_and_its_kind_stays_once_it_has_targets() async throws {
        let (test, w, pemda) = try await writer()
        let sasaran = try await w.anRpjmdSasaran()
        var input = IndikatorInput(code: "IKU-1", name: "Angka kemiskinan", satuan: "%",
                                   spec: IndicatorSpec(kind: .percent, polarity: .negative))
        let id = try await w.addIndikator(owner: .sasaranRpjmd, ownerID: sasaran, input: input)
        try await w.setTarget(indikatorID: id, year: 2026, raw: "9,5")

        input.manual = ManualIku(definition: "Penduduk di bawah garis kemiskinan", dataSource: "BPS")
        input.baselineValue = "10,25"
        input.baselineYear = 2024
        try await w.updateIndikator(id: id, input: input)
        let stored = try #require(try await Indikator.find(id, on: test.db))
        #expect(stored.definition == "Penduduk di bawah garis kemiskinan")
        #expect(stored.baselineValue == "10.25")
        let update = try #require(try await AuditQueries.events(pemdaID: pemda.requireID(),
                                                                filter: .init(entity: "indikator"), limit: 100, on: test.db)
            .first { $0.action == .update })
        #expect(update.before?.contains("\"definition\":\"\"") == true)
        #expect(update.after?.contains("BPS") == true)
        #expect(update.username == "admin.uji")

        input.spec = IndicatorSpec(kind: .text)
        let locked = await #expect(throws: RuleViolation.self) { try await w.updateIndikator(id: id, input: input) }
        #expect(locked?.code == "indicator.kindLocked")
        input.spec = IndicatorSpec(kind: .percent)
        input.baselineYear = nil
        let baseline = await #expect(throws: RuleViolation.self) { try await w.updateIndikator(id: id, input: input) }
        #expect(baseline?.field == .baselineYear)
        #expect(try await Indikator.find(id, on: test.db)?.kind == .percent)
        #expect(try await Indikator.find(id, on: test.db)?.polarity == .negative)
        await test.shutdown()
    }

    @Test func pagu_belongs_to_a_year_of_the_renstra() async throws {
        let (test, w, pemda) = try await writer()
        try await NomenklaturCatalog.ensureLoaded(on: test.db)
        let index = try await NomenklaturIndex.load(versionCode: NomenklaturCatalog.sipd2027.code,
                                                    jenisPemda: .kabkot, on: test.db)
        let unit = try await w.addUnit(code: "1.01", name: "Dinas Pendidikan", kind: .dinas)
        let periode = try await w.addPeriode(startYear: 2025, endYear: 2029, perdaNumber: "Perda 1/2025",
                                             perdaDate: "2025-06-30", visi: "Maju")
        let renstra = Renstra(pemdaID: try pemda.requireID(), unitID: unit, periodeID: periode, legalNumber: "Perbup 5/2025",
                              legalDate: "2025-09-01", nomenklaturVersionID: index.versionID)
        try await renstra.create(on: test.db)
        let program = try #require(index.all.first { $0.level == .program })
        let item = try await w.addRenstraItem(renstraID: try renstra.requireID(), parentID: nil, code: program.code,
                                              level: .program, index: index)
        try await w.setPagu(itemID: item, year: 2026, amount: 1_500_000_000)
        try await w.setPagu(itemID: item, year: 2026, amount: 1_750_000_000)
        let outside = await #expect(throws: RuleViolation.self) {
            try await w.setPagu(itemID: item, year: 2031, amount: 1)
        }
        #expect(outside?.field == .year)
        let pagu = try await RenstraPagu.query(on: test.db).all()
        #expect(pagu.map(\.amount) == [1_750_000_000])
        await test.shutdown()
    }
}
