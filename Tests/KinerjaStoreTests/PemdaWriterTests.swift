import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

/// Bad input gets a clear error and writes nothing.
@Suite(.serialized)
struct PemdaWriterTests {
    struct Fixture {
        let test: TestDatabase
        let writer: PemdaWriter
        let unit: UUID
        let kepala: UUID
    }

    func fixture() async throws -> Fixture {
        let test = try await TestDatabase.make()
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let writer = PemdaWriter(database: test.db, pemdaID: try pemda.requireID())
        let unit = try await writer.addUnit(code: "1.01", name: "Dinas Pendidikan", kind: .dinas, bidangCodes: ["1.01"])
        let bupati = try await writer.addJabatan(name: "Bupati Uji", level: .kepalaDaerah, unitID: nil, superiorID: nil)
        let kepala = try await writer.addJabatan(name: "Kepala Dinas Pendidikan", level: .jpt, eselon: "II.b",
                                                 unitID: unit, superiorID: bupati)
        return Fixture(test: test, writer: writer, unit: unit, kepala: kepala)
    }

    func violation(_ body: () async throws -> Void) async -> RuleViolation? {
        do {
            try await body()
            return nil
        } catch let error as RuleViolation {
            return error
        } catch {
            Issue.record("expected a RuleViolation, got \(error)")
            return nil
        }
    }

    @Test func an_invalid_nip_is_refused_with_its_reason_and_nothing_is_written() async throws {
        let f = try await fixture()
        let error = await violation { try await f.writer.addPegawai(nip: "19700101 199003 1 00", name: "A", pangkat: "") }
        #expect(error?.code == "nip.length")
        #expect(error?.message.id == "NIP harus 18 digit angka (tertulis 17 digit).")
        #expect(try await Pegawai.query(on: f.test.db).count() == 0)
        try await f.writer.addPegawai(nip: "19700101 199003 1 001", name: "Drs. A", pangkat: "Pembina (IV/a)")
        let duplicate = await violation {
            try await f.writer.addPegawai(nip: "197001011990031001", name: "B", pangkat: "")
        }
        #expect(duplicate?.code == "nip.duplicate")
        #expect(try await Pegawai.query(on: f.test.db).count() == 1)
        await f.test.shutdown()
    }

    @Test func an_overlapping_definitive_assignment_is_refused_but_a_plt_is_not() async throws {
        let f = try await fixture()
        let a = try await f.writer.addPegawai(nip: "197001011990031001", name: "A", pangkat: "")
        let b = try await f.writer.addPegawai(nip: "198002022005012002", name: "B", pangkat: "")
        try await f.writer.assign(pegawaiID: a, jabatanID: f.kepala, kind: .definitif,
                                  start: CalendarDate(year: 2024, month: 1, day: 2)!, decree: "SK 1")
        let clash = await violation {
            try await f.writer.assign(pegawaiID: b, jabatanID: f.kepala, kind: .definitif,
                                      start: CalendarDate(year: 2026, month: 3, day: 1)!, decree: "SK 2")
        }
        #expect(clash?.code == "penugasan.positionOverlap")
        #expect(clash?.message.id.contains("2 Januari 2024") == true)
        #expect(try await Penugasan.query(on: f.test.db).count() == 1)
        try await f.writer.assign(pegawaiID: b, jabatanID: f.kepala, kind: .plh,
                                  start: CalendarDate(year: 2026, month: 3, day: 1)!,
                                  end: CalendarDate(year: 2026, month: 3, day: 14)!, decree: "SP 3")
        #expect(try await Penugasan.query(on: f.test.db).count() == 2)
        await f.test.shutdown()
    }

    @Test func a_position_whose_superior_ranks_lower_is_refused() async throws {
        let f = try await fixture()
        let kasi = try await f.writer.addJabatan(name: "Kepala Seksi", level: .pengawas, unitID: f.unit, superiorID: f.kepala)
        let error = await violation {
            try await f.writer.addJabatan(name: "Sekretaris", level: .administrator, unitID: f.unit, superiorID: kasi)
        }
        #expect(error?.code == "jabatan.superiorLower")
        await f.test.shutdown()
    }

    @Test func targets_are_read_as_the_indicator_kind_requires() async throws {
        let f = try await fixture()
        let sasaran = try await f.writer.anRpjmdSasaran()
        let numeric = try await f.writer.addIndikator(owner: .sasaranRpjmd, ownerID: sasaran, input: IndikatorInput(
            code: "I-1", name: "Angka partisipasi", satuan: "%", spec: IndicatorSpec(kind: .percent)))
        let text = await violation { try await f.writer.setTarget(indikatorID: numeric, year: 2026, raw: "Meningkat") }
        #expect(text?.code == "target.notANumber")
        #expect(text?.message.id.contains("harus berupa angka") == true)
        let reversed = await violation { try await f.writer.setTarget(indikatorID: numeric, year: 2026, raw: "90 - 80") }
        #expect(reversed?.code == "target.rangeReversed")
        #expect(try await IndikatorTarget.query(on: f.test.db).count() == 0)

        try await f.writer.setTarget(indikatorID: numeric, year: 2026, raw: "72,74")
        try await f.writer.setTarget(indikatorID: numeric, year: 2026, raw: "80 s.d. 90")
        let stored = try await IndikatorTarget.query(on: f.test.db).all()
        #expect(stored.map(\.value) == ["80..90"])

        let ordinal = await violation {
            try await f.writer.addIndikator(owner: .sasaranRpjmd, ownerID: sasaran, input: IndikatorInput(
                code: "I-2", name: "Opini", satuan: "opini", spec: IndicatorSpec(kind: .ordinal)))
        }
        #expect(ordinal?.code == "indicator.ordinalWithoutScale")
        await f.test.shutdown()
    }

    @Test func a_renstra_item_needs_a_known_code_under_its_parent() async throws {
        let f = try await fixture()
        try await NomenklaturCatalog.ensureLoaded(on: f.test.db)
        let index = try await NomenklaturIndex.load(versionCode: "SIPD-2027", jenisPemda: .kabkot, on: f.test.db)
        let bupati = try await Jabatan.query(on: f.test.db).filter(\.$level == .kepalaDaerah).first()!
        _ = bupati
        let periode = PeriodeRpjmd(pemdaID: f.writer.pemdaID, startYear: 2025, endYear: 2029, perdaNumber: "Perda 1",
                                   perdaDate: "2025-06-01", visi: "Visi")
        try await periode.create(on: f.test.db)
        let renstra = Renstra(pemdaID: f.writer.pemdaID, unitID: f.unit, periodeID: try periode.requireID(),
                              legalNumber: "Perbup 1", legalDate: "2025-09-01", nomenklaturVersionID: index.versionID)
        try await renstra.create(on: f.test.db)
        let renstraID = try renstra.requireID()
        let unknown = await violation {
            try await f.writer.addRenstraItem(renstraID: renstraID, parentID: nil, code: "1.01.77", level: .program, index: index)
        }
        #expect(unknown?.code == "nomenklatur.unknown")
        let program = try await f.writer.addRenstraItem(renstraID: renstraID, parentID: nil, code: "1.01.02",
                                                        level: .program, index: index)
        let misplaced = await violation {
            try await f.writer.addRenstraItem(renstraID: renstraID, parentID: program, code: "1.02.02.2.01",
                                              level: .kegiatan, index: index)
        }
        #expect(misplaced?.code == "nomenklatur.notUnderParent")
        try await f.writer.addRenstraItem(renstraID: renstraID, parentID: program, code: "1.01.02.2.01",
                                          level: .kegiatan, index: index)
        #expect(try await RenstraItem.query(on: f.test.db).count() == 2)
        await f.test.shutdown()
    }

    @Test func another_pemda_rows_cannot_be_referenced() async throws {
        let f = try await fixture()
        let other = Pemda(code: "11.02", name: "Kabupaten Lain", kind: .kabupaten, seat: "Lain")
        try await other.create(on: f.test.db)
        let otherWriter = PemdaWriter(database: f.test.db, pemdaID: try other.requireID())
        let error = await violation {
            try await otherWriter.addJabatan(name: "Sekretaris", level: .administrator, unitID: nil, superiorID: f.kepala)
        }
        #expect(error?.code == "reference.unknown")
        await f.test.shutdown()
    }
}
