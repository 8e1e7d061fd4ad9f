import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

@Suite(.serialized)
struct NomenklaturTests {
    @Test func shipped_csv_has_every_row_of_the_sources() throws {
        let rows = try NomenklaturCatalog.rows(of: NomenklaturCatalog.sipd2027)
        // 9,443 source rows; shared rows (PROV|KABKOT) become one per jenis pemda.
        let kabkotSub = rows.filter { $0.jenisPemda == .kabkot && $0.level == .subkegiatan }.count
        let provSub = rows.filter { $0.jenisPemda == .prov && $0.level == .subkegiatan }.count
        #expect(kabkotSub == 3_550)
        #expect(provSub == 4_031)
        #expect(rows.filter { $0.level == .urusan && $0.jenisPemda == .kabkot }.count == 10)
        // The sub kegiatan metadata of the extended file joins on (jenis pemda, code).
        let usb = try #require(rows.first { $0.jenisPemda == .kabkot && $0.code == "1.01.02.2.01.0001" })
        #expect(usb.details?.spm == true)
        #expect(usb.details?.jenisLayanan == "Layanan")
        #expect(usb.details?.definisi?.hasPrefix("Cakupan:") == true)
        #expect(rows.filter { $0.level == .subkegiatan && $0.details == nil }.isEmpty)
        #expect(rows.filter { $0.details?.previousCode != nil }.count == 346)
        let old = try NomenklaturCatalog.rows(of: NomenklaturCatalog.kepmendagri2023)
        #expect(old.count == 4_367)
    }

    @Test func loading_is_idempotent_and_keyed_by_jenis_pemda_and_code() async throws {
        let test = try await TestDatabase.make()
        try await NomenklaturCatalog.ensureLoaded(on: test.db)
        let first = try await Nomenklatur.query(on: test.db).count()
        try await NomenklaturCatalog.ensureLoaded(on: test.db)
        #expect(try await Nomenklatur.query(on: test.db).count() == first)
        #expect(try await NomenklaturVersion.query(on: test.db).count() == 2)

        let kabkot = try await NomenklaturIndex.load(versionCode: "SIPD-2027", jenisPemda: .kabkot, on: test.db)
        let prov = try await NomenklaturIndex.load(versionCode: "SIPD-2027", jenisPemda: .prov, on: test.db)
        // 7.01 is KECAMATAN for kab/kota but KECAMATAN ADMINISTRASI for a province (SOURCES.md).
        #expect(kabkot.lookup("7.01")?.name != prov.lookup("7.01")?.name)
        // A penunjang code used per bidang resolves through its generic X.XX row.
        let penunjang = try kabkot.require("1.01.01.2.01.0001", level: .subkegiatan)
        #expect(penunjang.name.contains("Perencanaan") || penunjang.name.contains("Penyusunan"))
        #expect(throws: RuleViolation.self) { try kabkot.require("1.01.99.2.01.0001", level: .subkegiatan) }
        do {
            _ = try kabkot.require("1.01.02.2.01.9999", level: .subkegiatan)
            Issue.record("an unknown code was accepted")
        } catch {
            #expect(error.code == "nomenklatur.unknown")
            #expect(error.message.id.contains("1.01.02.2.01.9999"))
        }
        await test.shutdown()
    }
}
