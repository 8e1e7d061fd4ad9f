import FluentKit
import Foundation
import KinerjaCore
import SQLKit
import Testing
@testable import KinerjaStore

/// The bulk-built measured year of generated Pemda (`demo --pemda N --measured`): PKs in force at every level whose
/// every row the figures measure, linked to the superior's rows, and the recompute reading them all.
@Suite(.serialized)
struct CapaianNationalDemoTests {
    /// The demo writes its rows without Fluent's reflection, each model naming its columns: none may be left out.
    @Test func every_demo_row_names_every_field_of_its_model() {
        for model in DemoInsert.models {
            let (named, schema) = (model.namesEveryField, model.schema)
            #expect(named, "\(schema)")
        }
        // The measured year's many rows are written without their models, with the values their models would write.
        let at = Date(timeIntervalSince1970: 1_790_000_000.25)
        let entry = EntryRow(id: UUID(), pemdaID: UUID(), pkID: UUID(), jabatanID: UUID(), year: 2026, rowKey: "k", period: 2,
                             seq: 1, value: "TDI", tdiReason: "Data belum rilis.", confidence: 7, forecast: nil,
                             supporting: "a", obstacles: "", followUp: "c", status: .dikembalikan, authorName: "Operator",
                             enteredAt: at, verifierName: "Verifikator", verifiedAt: at, returnReason: "Belum lengkap sama sekali.")
        #expect(entry.values == entry.model.values)
        let budget = AnggaranRow(id: UUID(), pemdaID: UUID(), lineID: UUID(), year: 2026, period: 3, amount: 12_345_000,
                                 authorName: "Operator keuangan", enteredAt: at)
        #expect(budget.values == budget.model.values)
        #expect(DemoValue.timestamp(at) == "2026-09-21 14:13:20.250000+00")
    }

    @Test func generated_pemda_are_signed_and_measured_in_bulk_and_every_row_is_measured() async throws {
        let test = try await TestDatabase.make()
        do {
            let summary = try await DemoBuilder.build(on: test.db, options: DemoOptions(seed: 2026, year: 2026, pemdaCount: 3, measured: true))
            #expect(summary.pemda == 3)
            #expect(summary.pkRows >= 2 * 2_500, "about 3,000 rows a Pemda: \(summary.pkRows)")
            // Kota Contoh keeps its own path: nothing signed until `DemoPk` runs.
            let contoh = try #require(try await PemdaQueries.info(code: DemoBuilder.kotaContohCode, on: test.db))
            #expect(try await Pk.query(on: test.db).filter(\.$pemda.$id == contoh.id).count() == 0)

            var rows = 0
            var pageFigures: [RollupResult] = []
            var ids: [UUID] = []
            for code in ["98.001", "98.002"] {
                let pemda = try #require(try await PemdaQueries.info(code: code, on: test.db))
                let organisation = try await PemdaOrganisation.load(pemdaID: pemda.id, on: test.db)
                let board = try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: test.db)
                rows += board.rows.count
                #expect(Set(board.pks.map(\.level)) == Set(PkLevel.allCases))
                #expect(board.pks.allSatisfy { $0.status == .diterbitkan && $0.version == 0 })
                #expect(board.windows.allSatisfy { $0 != nil })
                let figures = KinerjaFigures(board: board, engine: pemda.capaianEngine, through: 4,
                                             today: CalendarDate(year: 2027, month: 2, day: 1)!, opd: organisation.opd(of:))
                // Every row of every PK has an accepted value (or an accepted TDI) in every quarter: nothing pending.
                for pk in board.pks {
                    let sheet = try #require(figures.sheet(pk.id))
                    #expect(sheet.total.pending == 0, "\(pk.level) PK \(pk.id)")
                    #expect(sheet.total.measured > 0)
                    for row in figures.rows(of: pk.id) {
                        for q in Triwulan.all { #expect(board.quarter(row, q).acceptedValue != nil) }
                    }
                }
                let year = figures.capaian.pemda.at(4)
                #expect(year.capaian != nil && year.pending == 0)
                pageFigures.append(year)
                ids.append(pemda.id)
                #expect(board.rows.contains { row in Triwulan.all.contains { board.quarter(row, $0).latestIsTdi } }, "some TDI")
                #expect(figures.units.count >= 30)
                #expect(figures.units.allSatisfy { $0.capaian.capaian != nil && $0.realised <= $0.pagu && $0.realised > 0 })
                // The IKU are placed on the RPJMD, so the strategic roll-up has a figure.
                #expect(figures.capaian.strategic.values.contains { $0.toDate.capaian != nil })
            }
            #expect(rows == summary.pkRows)

            // Every link goes to a row of the superior's PK; every PK below the Kepala Daerah's is linked.
            let links = try await test.db.sql.raw("""
                SELECT COUNT(*) AS n, SUM(CASE WHEN sp.jabatan_id = p.superior_jabatan_id THEN 1 ELSE 0 END) AS ok
                FROM pk_link l JOIN pk_indikator r ON r.id = l.row_id JOIN pk p ON p.id = r.pk_id
                JOIN pk_indikator s ON s.id = l.superior_row_id JOIN pk sp ON sp.id = s.pk_id
                """).first()
            let n = try #require(try links?.decode(column: "n", as: Int.self))
            let ok = try links?.decode(column: "ok", as: Int.self)
            #expect(n > 0 && ok == n)
            let unlinked = try await test.db.sql.raw("""
                SELECT COUNT(*) AS n FROM pk p WHERE p.level <> 'pemda'
                  AND NOT EXISTS (SELECT 1 FROM pk_indikator r JOIN pk_link l ON l.row_id = r.id WHERE r.pk_id = p.id)
                """).first()?.decode(column: "n", as: Int.self)
            #expect(unlinked == 0)

            // The recompute reads the same and agrees with the figures above.
            let db = test.db
            let recomputed = try await CapaianRecompute.run(CapaianRecompute.Options(year: 2026, codePrefix: "98.", concurrency: 2)) { _ in db }
            #expect(recomputed.figures.map(\.code) == ["98.001", "98.002"])
            #expect(recomputed.rows == rows && recomputed.quarters == 4 * rows)
            #expect(recomputed.nation.capaian != nil && recomputed.nation.pending == 0)
            #expect(recomputed.figures.map(\.capaian) == pageFigures, "in batches, the figures of each Pemda's own pages")
            // Read together, each Pemda's board is the one it has alone, entry for entry.
            let together = try await CapaianBoard.loadMany(pemdaIDs: ids, year: 2026, on: db)
            #expect(together.count == 2)
            for (id, board) in zip(ids, together) {
                let alone = try await CapaianBoard.load(pemdaID: id, year: 2026, on: db)
                #expect(board.pks == alone.pks && board.rows == alone.rows && board.pagu == alone.pagu)
                #expect(board.rows.allSatisfy { board.slots($0) == alone.slots($0) && board.buktiCount($0, 2) == alone.buktiCount($0, 2) })
            }
            // A row asked of another Pemda's board reads nothing there, whatever its slot says; a slot out of range is
            // found again by position and key, never trapped on.
            let stranger = try #require(together[0].rows.last)
            #expect(together[1].slots(stranger).allSatisfy { $0 == CapaianBoard.QuarterEntries() })
            var moved = stranger
            moved.slot = 10_000_000
            #expect(together[0].slots(moved) == together[0].slots(stranger) && together[0].slots(stranger).contains { $0.acceptedValue != nil })
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }
}
