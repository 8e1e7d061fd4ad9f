import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// The pohon kinerja on the demo Kota: every PK row in force hangs under the superior row its link names (read here
/// through Fluent, not the tree's SQL), its colour figure is the engine's, the positions without a PK are marked,
/// the filters cut the tree without losing the path above, the PDF reads back, and the portal shows published PKs
/// only.
@Suite(.serialized)
struct PohonTests {
    struct Tree: Decodable {
        struct Node: Decodable {
            struct Figure: Decodable { var capaian: String? }
            var id: String
            var kind: String
            var parent: String?
            var depth: Int
            var title: String
            var capaian: Figure?
            var gaps: [String]
            var edge: String?
            var pkId: String?
            var unitId: String?
        }
        struct Edge: Decodable { var from: String; var to: String; var kind: String }
        var year: Int
        var through: Int
        var nodes: [Node]
        var crosscutting: [Edge]
    }

    func tree(_ app: Application, _ query: String, _ browser: inout Browser) async throws -> Tree {
        let res = try await get(app, "/api/v1/pemda/99.71/pohon?" + query, &browser)
        #expect(res.status == .ok)
        return try JSONDecoder().decode(Tree.self, from: res.data)
    }

    @Test func every_row_in_force_hangs_under_the_row_it_serves_coloured_by_the_engines_capaian() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let (dinkes, _) = try await RealisasiFlowTests().signedDinkesPk(app)
            _ = try await DemoRealisasi.run(pemdaID: pemda.id, year: 2026, on: app.db)
            var walikota = try await signedIn(app, as: "walikota")
            let t = try await tree(app, "tahun=2026&tw=3", &walikota)
            let byID = Dictionary(uniqueKeysWithValues: t.nodes.map { ($0.id, $0) })
            #expect(byID.count == t.nodes.count, "no node is drawn twice")
            for node in t.nodes {
                if let parent = node.parent {
                    let p = try #require(byID[parent], "\(node.id): its parent is in the tree")
                    #expect(node.depth == p.depth + 1)
                } else {
                    #expect(node.depth == 0)
                }
            }

            // The rows in force and their links, read through Fluent.
            let expected = try await DashboardTests().expectedSheets(app, pemda, through: 3)
            var rowsChecked = 0
            for (content, sheet, _) in expected {
                for indicator in sheet.indicators {
                    let id = "r:\(content.jabatanID.uuidString)|\(indicator.key)"
                    let node = try #require(byID[id], "\(id) is in the tree")
                    #expect(node.kind == "indikator")
                    #expect(node.capaian?.capaian == RollupResult(indicator.toDate.capaian).capaian?.description,
                            "\(id): the tree's figure is the engine's")
                    rowsChecked += 1
                }
            }
            #expect(rowsChecked >= 30)
            let dinkesRows = try await PkRow.query(on: app.db).filter(\.$pk.$id == dinkes).all()
            #expect(!dinkesRows.isEmpty)
            var linked = 0
            let dinkesJabatan = try #require(try await Pk.find(dinkes, on: app.db)).$jabatan.id
            for row in dinkesRows {
                let links = try await PkLink.query(on: app.db).filter(\.$row.$id == row.requireID()).all()
                let node = try #require(byID["r:\(dinkesJabatan.uuidString)|\(row.key)"])
                guard let first = links.first else {
                    #expect(node.gaps.contains("unlinked"))
                    continue
                }
                let superior = try #require(try await PkRow.find(first.$superiorRow.id, on: app.db))
                let superiorPk = try #require(try await Pk.find(superior.$pk.id, on: app.db))
                #expect(node.parent == "r:\(superiorPk.$jabatan.id.uuidString)|\(superior.key)", "\(row.key) hangs under the row it serves")
                #expect(node.edge == "cascade")
                linked += 1
            }
            #expect(linked > 0)
            // The Kepala Daerah's rows hang under the RPJMD sasaran of their indicator.
            let iku = try #require(expected.first { $0.pk.level == .pemda })
            let ikuRows = t.nodes.filter { $0.pkId == iku.pk.id.uuidString && $0.kind == "indikator" }
            #expect(!ikuRows.isEmpty && ikuRows.allSatisfy { $0.parent?.hasPrefix("s:") == true })
            // The RPJMD nodes carry the Pemda's roll-up.
            let figures = try await CapaianBoardTestReader.figures(app, pemda, through: 3)
            for node in t.nodes where node.kind == "sasaran" {
                let id = String(node.id.dropFirst(2))
                #expect(node.capaian?.capaian == figures.capaian.strategic[id]?.toDate.capaian?.description)
            }

            // Positions expected to sign a PK with none in force are marked where their PK would hang.
            let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
            let signed = Set(expected.map(\.pk.jabatanID))
            let missing = organisation.positions.values.filter { PkLevel(jabatan: $0.level) != nil && !signed.contains($0.id) }
            let marked = t.nodes.filter { $0.kind == "jabatan" }
            #expect(marked.count == missing.count && marked.allSatisfy { $0.gaps == ["noPk"] })
            let kadinkes = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            #expect(byID["j:\(try kadinkes.requireID().uuidString)"] == nil, "the Dinas's head has a PK in force now")
            // The Walikota's rows are served; an Eselon II row with Eselon III below and no PK under it is a gap.
            #expect(t.nodes.contains { $0.gaps.contains("noContributor") })

            // The page draws the same tree, with its table.
            let page = try await get(app, "/pemda/99.71/kinerja/pohon?tahun=2026&tw=3", &walikota)
            #expect(page.status == .ok && page.text.contains("class=\"chart chart-tree\"") && page.text.contains("id=\"pohon-table\""))
            #expect(page.text.components(separatedBy: "<tr class=\"depth-").count - 1 == t.nodes.count)
            #expect(page.text.contains("id=\"pohon-tanpa-pk\" data-count=\"\(missing.count)\""))
        }
    }

    @Test func filters_keep_the_path_above_and_the_pdf_and_portal_read_back() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let (dinkes, _) = try await RealisasiFlowTests().signedDinkesPk(app)
            _ = try await DemoRealisasi.run(pemdaID: pemda.id, year: 2026, on: app.db)
            var walikota = try await signedIn(app, as: "walikota")
            let whole = try await tree(app, "tahun=2026&tw=3", &walikota)
            let wholeByID = Dictionary(uniqueKeysWithValues: whole.nodes.map { ($0.id, $0) })
            let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
            let dinkesPk = try #require(try await Pk.find(dinkes, on: app.db))
            let unit = try #require(organisation.opd(of: dinkesPk.$unit.id))

            let cut = try await tree(app, "tahun=2026&tw=3&unit=\(unit.uuidString)", &walikota)
            #expect(!cut.nodes.isEmpty && cut.nodes.count < whole.nodes.count)
            let cutIDs = Set(cut.nodes.map(\.id))
            for node in cut.nodes {
                if let parent = node.parent { #expect(cutIDs.contains(parent), "\(node.id): the path above is kept") }
                #expect(wholeByID[node.id]?.parent == node.parent, "the same place as in the whole tree")
            }
            #expect(cut.nodes.contains { $0.pkId == dinkes.uuidString })
            for row in cut.nodes where row.kind == "indikator" && row.unitId != unit.uuidString {
                #expect(cut.nodes.contains { $0.parent == row.id }, "another unit's row is there only as the path to this one")
            }

            let parents = Set(whole.nodes.compactMap(\.parent))
            let sasaran = try #require(whole.nodes.first { $0.kind == "sasaran" && parents.contains($0.id) })
            let bySasaran = try await tree(app, "tahun=2026&tw=3&sasaran=\(sasaran.id.dropFirst(2))", &walikota)
            let under = bySasaran.nodes.drop { $0.id != sasaran.id }
            #expect(under.first?.id == sasaran.id && bySasaran.nodes.count < whole.nodes.count)
            let underIDs = Set(under.map(\.id))
            #expect(bySasaran.nodes.allSatisfy { $0.depth <= sasaran.depth || underIDs.contains($0.id) })

            // Hostile filters are ignored, never a trap.
            for query in ["unit=not-a-uuid", "sasaran=\(String(repeating: "9", count: 5000))", "unit=\(UUID().uuidString)", "tw=99999999999999999999"] {
                let res = try await get(app, "/pemda/99.71/kinerja/pohon?tahun=2026&" + query, &walikota)
                #expect(res.status == .ok, "\(query)")
            }

            let pdf = try await get(app, "/pemda/99.71/kinerja/pohon.pdf?tahun=2026&tw=3&unit=\(unit.uuidString)", &walikota)
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf")
            let text = try pdftotext(pdf.data)
            #expect(text.contains("POHON KINERJA") && text.contains("Halaman 1 dari"))
            let row = try #require(cut.nodes.first { $0.pkId == dinkes.uuidString && $0.kind == "indikator" })
            #expect(text.contains(String(row.title.prefix(25))), "the Dinas's row is in the PDF")

            // The portal: published PKs only (the Dinas's is signed, not published), no internal gaps.
            var anonymous = Browser()
            let portal = try await get(app, "/publik/kinerja/99.71/pohon?tahun=2026&tw=3", &anonymous)
            #expect(portal.status == .ok && portal.text.contains("class=\"chart chart-tree\""))
            #expect(!portal.text.contains("data-node=\"r:\(dinkesPk.$jabatan.id.uuidString)|"), "an unpublished PK is not on the portal")
            #expect(!portal.text.contains("data-kind=\"jabatan\"") && !portal.text.contains("id=\"pohon-tanpa-pk\""))
            #expect(portal.text.contains("data-kind=\"indikator\""), "published rows are")
            let denied = try await get(app, "/pemda/99.71/kinerja/pohon", &anonymous)
            #expect(denied.status == .seeOther)
            let api = try await get(app, "/api/v1/pemda/99.71/pohon", &anonymous)
            #expect(api.status == .unauthorized)
        }
    }
}

/// The year's figures as the pages compute them, for comparing the tree's RPJMD nodes.
enum CapaianBoardTestReader {
    static func figures(_ app: Application, _ pemda: PemdaInfo, through: Int) async throws -> KinerjaFigures {
        let organisation = try await app.organisations.organisation(of: pemda, on: app.db)
        let board = try await CapaianBoard.load(pemdaID: pemda.id, year: 2026, on: app.db)
        return KinerjaFigures(board: board, engine: pemda.capaianEngine, through: through,
                              today: CalendarDate(year: 2026, month: 12, day: 1)!, opd: organisation.opd(of:))
    }
}
