import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

@Suite(.serialized)
struct DemoBuilderTests {
    @Test func kota_contoh_has_the_shape_the_issue_asks_for() async throws {
        let test = try await TestDatabase.make()
        let summary = try await DemoBuilder.build(on: test.db, options: DemoOptions(seed: 2026, year: 2026))
        #expect(summary.pemda == 1)
        let pemda = try #require(try await PemdaQueries.info(code: DemoBuilder.kotaContohCode, on: test.db))
        let pemdaID = pemda.id
        let organisation = try await PemdaOrganisation.load(pemdaID: pemdaID, on: test.db)

        let units = organisation.unitRows(withRenstra: try await PemdaQueries.unitsWithRenstra(pemdaID: pemdaID, on: test.db))
        let pd = units.filter(\.isPerangkatDaerah)
        #expect(pd.filter { $0.kind != .kecamatan }.count >= 25)
        #expect(pd.filter { $0.kind == .kecamatan }.count == 10)
        #expect(pd.allSatisfy { $0.hasRenstra })

        let rpjmd = try #require(try await PlanQueries.rpjmd(pemda: pemda, on: test.db))
        let iku = rpjmd.misi.flatMap(\.tujuan).flatMap(\.sasaran).flatMap(\.indikator)
        #expect(iku.count >= 10)
        let negative = Set(iku.filter { $0.polarity == .negative }.map(\.name))
        #expect(negative.isSuperset(of: ["Persentase penduduk miskin", "Tingkat pengangguran terbuka", "Indeks Gini",
                                         "Prevalensi balita stunting"]))
        #expect(iku.contains { $0.targets.contains { $0.value.contains("..") } }, "a range target")

        let jabatan = organisation.jabatanRows(on: CalendarDate(year: 2026, month: 11, day: 23)!)
        #expect(jabatan.contains { $0.level == .jpt } && jabatan.contains { $0.level == .administrator }
                && jabatan.contains { $0.level == .pengawas })
        let plt = jabatan.filter { $0.holders.contains { $0.kind == .plt } }
        #expect(plt.count == 1)
        // Every civil servant's NIP is valid; only the Walikota has none.
        let pegawai = try await Pegawai.query(on: test.db).all()
        #expect(pegawai.filter { $0.nip == nil }.count == 1)
        for p in pegawai { if let nip = p.nip { _ = try Nip(nip) } }

        // Every Renstra item carries a real nomenclature code, and the current year has an RKT with quarterly targets.
        let index = try await NomenklaturIndex.load(versionCode: "SIPD-2027", jenisPemda: .kabkot, on: test.db)
        for item in try await RenstraItem.query(on: test.db).all() { _ = try index.require(item.code, level: item.level) }
        #expect(try await Rkt.query(on: test.db).filter(\.$year == 2026).count() == pd.count)
        #expect(try await IndikatorTarget.query(on: test.db).filter(\.$period == 4).count() > 0)
        // Quarterly targets of a level indicator move towards the year target and end on it (stored text with dot
        // decimals must never be read as thousands).
        let rktIndikator = try await Indikator.query(on: test.db).filter(\.$ownerKind == .rktSasaran).all()
        for indikator in rktIndikator where indikator.aggregation == .last && indikator.kind.isQuantitative {
            let targets = try await IndikatorTarget.query(on: test.db).filter(\.$indikator.$id == indikator.requireID()).all()
            let year = try #require(targets.first { $0.period == 0 }.flatMap { FixedDecimal(canonical: $0.value) })
            let quarters = targets.filter { $0.period > 0 }.sorted { $0.period < $1.period }
                .compactMap { FixedDecimal(canonical: $0.value) }
            #expect(quarters.count == 4)
            #expect(quarters.last == year, "\(indikator.name)")
            for quarter in quarters {
                #expect((quarter - year).magnitude <= year.magnitude, "\(indikator.name): \(quarter) vs \(year)")
            }
        }

        // Building again is refused rather than duplicated; reset removes everything of the Pemda.
        await #expect(throws: RuleViolation.self) { _ = try await DemoBuilder.build(on: test.db) }
        let walikota = try #require(try await Jabatan.query(on: test.db).filter(\.$level == .kepalaDaerah).first())
        _ = try await PemdaWriter(database: test.db, pemdaID: pemdaID).on(CalendarDate(year: 2026, month: 2, day: 1)!).draftPk(jabatanID: walikota.requireID(), year: 2026)
        try await DemoBuilder.reset(on: test.db, options: DemoOptions())
        #expect(try await Pemda.query(on: test.db).count() == 0)
        #expect(try await Indikator.query(on: test.db).count() == 0)
        for count in [try await Pk.query(on: test.db).count(), try await PkRow.query(on: test.db).count(),
                      try await Dpa.query(on: test.db).count(), try await RenstraItemUnit.query(on: test.db).count()] {
            #expect(count == 0)
        }
        await test.shutdown()
    }

    @Test func the_generator_is_deterministic_for_a_seed() async throws {
        func fingerprint() async throws -> [String] {
            let test = try await TestDatabase.make()
            _ = try await DemoBuilder.build(on: test.db, options: DemoOptions(seed: 7, year: 2026, pemdaCount: 2))
            let names = try await Pegawai.query(on: test.db).all().map { "\($0.name)|\($0.nip ?? "")" }.sorted()
            let targets = try await IndikatorTarget.query(on: test.db).all().map(\.value).sorted()
            await test.shutdown()
            return names + targets
        }
        let first = try await fingerprint()
        #expect(first.count > 1_000)
        #expect(try await fingerprint() == first)
    }

    @Test func the_demo_pk_round_fills_the_board_and_the_portal() async throws {
        let test = try await TestDatabase.make()
        do {
            _ = try await DemoBuilder.build(on: test.db, options: DemoOptions(seed: 2026, year: 2026))
            let pemda = try #require(try await PemdaQueries.info(code: DemoBuilder.kotaContohCode, on: test.db))
            let round = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: TestDatabase.keyring, on: test.db)
            #expect(round.published >= 15 && round.inProgress >= 1)
            let board = try await test.board(pemdaID: pemda.id, year: 2026, today: CalendarDate(year: 2026, month: 11, day: 30)!,
                                             level: .jpt)
            let states = Set(board.map(\.compliance.tone))
            #expect(states == ["ok", "late"], "on time, signed late and not signed: \(states)")
            #expect(board.contains { $0.compliance == .tepatWaktu })
            #expect(board.contains { if case .ditandatanganiTerlambat = $0.compliance { true } else { false } })
            #expect(board.first { $0.jabatanName == "Kepala Dinas Kesehatan" }?.latest == nil, "left for the demo accounts")
            let portal = try await test.published(code: pemda.code, year: 2026)
            #expect(portal.count == round.published)
            for item in portal.prefix(3) {
                #expect(try await PkPublic.verification(item.pkID, keyring: TestDatabase.keyring, on: test.db)?.verification.isValid == true)
            }
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }
}
