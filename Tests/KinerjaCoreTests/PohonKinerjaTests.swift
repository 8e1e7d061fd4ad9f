import Testing
@testable import KinerjaCore

/// The pohon kinerja from plain values: rows under the row they serve, crosscutting links kept as edges, budget lines
/// under the row drawn from them, gaps marked, hostile cycles neither lost nor looping, and cut subtrees keeping the
/// path above them.
struct PohonKinerjaTests {
    typealias P = PohonKinerja

    func figure(_ percent: Int?) -> RollupResult {
        RollupResult(capaian: percent.map { FixedDecimal($0) }, measured: percent == nil ? 0 : 1, tdi: 0, pending: percent == nil ? 1 : 0)
    }

    /// Misi 1 → Tujuan 1 → Sasaran 1; the Walikota's IKU-1 on it; Kadis A serves IKU-1 (own superior) and Kadis B's
    /// B-1 (crosscutting); Kadis B serves IKU-1; Kabid under A has no PK; a Kasi under the Kabid has none either.
    func sample(extraRows: [P.RowInput] = [], missing extraMissing: [P.MissingInput] = []) -> P {
        let strategic = [
            P.StrategicInput(id: "m1", kind: .misi, parent: nil, title: "Misi 1", figure: figure(90)),
            P.StrategicInput(id: "t1", kind: .tujuan, parent: "m1", title: "Tujuan 1", figure: figure(90)),
            P.StrategicInput(id: "s1", kind: .sasaran, parent: "t1", title: "Sasaran 1", figure: figure(90)),
        ]
        let pks = [
            P.PkInput(id: "pk-w", jabatan: "walikota", superiorJabatan: nil, level: .pemda, opd: nil, owner: "Walikota", expectsContributors: true),
            P.PkInput(id: "pk-a", jabatan: "kadis-a", superiorJabatan: "walikota", level: .jpt, opd: "dinas-a", owner: "Kadis A", expectsContributors: true),
            P.PkInput(id: "pk-b", jabatan: "kadis-b", superiorJabatan: "walikota", level: .jpt, opd: "dinas-b", owner: "Kadis B", expectsContributors: false),
        ]
        let rows = [
            P.RowInput(pk: "pk-w", key: "iku1", indikator: "IKU 1", sasaran: "S", strategicNode: "s1", links: [], budgetCodes: [], figure: figure(90)),
            P.RowInput(pk: "pk-w", key: "iku2", indikator: "IKU 2", sasaran: "S", strategicNode: "unknown", links: [], budgetCodes: [], figure: figure(nil)),
            // Crosscutting listed first: the row still hangs under its own superior's indicator.
            P.RowInput(pk: "pk-a", key: "a1", indikator: "A 1", sasaran: "SA", strategicNode: nil,
                       links: [.init(jabatan: "kadis-b", key: "b1"), .init(jabatan: "walikota", key: "iku1")],
                       budgetCodes: ["1.02.02"], figure: figure(80)),
            P.RowInput(pk: "pk-a", key: "a2", indikator: "A 2", sasaran: "SA", strategicNode: nil,
                       links: [.init(jabatan: "walikota", key: "iku1")], budgetCodes: [], figure: figure(70)),
            P.RowInput(pk: "pk-b", key: "b1", indikator: "B 1", sasaran: "SB", strategicNode: nil,
                       links: [.init(jabatan: "walikota", key: "iku1"), .init(jabatan: "walikota", key: "gone")],
                       budgetCodes: [], figure: figure(100)),
        ] + extraRows
        let budget = [
            P.BudgetInput(pk: "pk-a", code: "1.02.02", name: "Program P", pagu: 1_000, realised: 400),
            P.BudgetInput(pk: "pk-a", code: "1.02.03", name: "Program Q", pagu: 500, realised: 0),
            P.BudgetInput(pk: "pk-x", code: "9.99", name: "Of no PK in force", pagu: 1, realised: 0),
        ]
        let missing = [
            P.MissingInput(jabatan: "kabid-a", superiorJabatan: "kadis-a", opd: "dinas-a", title: "Kabid A"),
            P.MissingInput(jabatan: "kasi-a", superiorJabatan: "kabid-a", opd: "dinas-a", title: "Kasi A"),
        ] + extraMissing
        return P(strategic: strategic, pks: pks, rows: rows, budget: budget, missing: missing)
    }

    func node(_ tree: P, _ id: String) throws -> P.Node { try #require(tree.nodes.first { $0.id == id }) }

    @Test func rows_hang_under_the_row_they_serve_and_crosscutting_links_are_edges() throws {
        let tree = sample()
        #expect(Set(tree.nodes.map(\.id)).count == tree.nodes.count, "every node once")
        #expect(try node(tree, "r:walikota|iku1").parent == "s:s1")
        #expect(try node(tree, "r:walikota|iku2").parent == nil, "an IKU with an unknown sasaran stands at the top")
        let a1 = try node(tree, "r:kadis-a|a1")
        #expect(a1.parent == "r:walikota|iku1" && a1.edge == .cascade && a1.depth == 4)
        #expect(tree.crosscutting == [P.Edge(from: "r:kadis-a|a1", to: "r:kadis-b|b1", kind: .crosscutting)])
        #expect(try node(tree, "r:kadis-b|b1").parent == "r:walikota|iku1", "a link to a row not in force is ignored")
        // Depth first: each node right after its parent's earlier children's subtrees.
        let order = tree.nodes.map(\.id)
        #expect(order.prefix(4) == ["s:m1", "s:t1", "s:s1", "r:walikota|iku1"])
        for (i, n) in tree.nodes.enumerated() {
            guard let parent = n.parent else { #expect(n.depth == 0); continue }
            let p = try #require(tree.nodes.firstIndex { $0.id == parent })
            #expect(p < i && tree.nodes[p].depth == n.depth - 1)
        }
    }

    @Test func gaps_are_marked_where_the_cascade_breaks() throws {
        let tree = sample(extraRows: [
            P.RowInput(pk: "pk-b", key: "b2", indikator: "B 2", sasaran: "SB", strategicNode: nil, links: [], budgetCodes: [], figure: figure(50)),
        ], missing: [P.MissingInput(jabatan: "orphan", superiorJabatan: nil, opd: nil, title: "Staf ahli")])
        #expect(try node(tree, "r:walikota|iku1").gaps.isEmpty, "served by A and B")
        #expect(try node(tree, "r:walikota|iku2").gaps == [.noContributor], "no subordinate serves it")
        #expect(try node(tree, "r:kadis-a|a1").gaps == [.noContributor], "Kadis A has subordinates who sign PKs")
        #expect(try node(tree, "r:kadis-b|b1").gaps.isEmpty, "served crosscutting by A; and B expects no contributors")
        let b2 = try node(tree, "r:kadis-b|b2")
        #expect(b2.gaps == [.unlinked] && b2.parent == P.lepasID)
        let kabid = try node(tree, "j:kabid-a")
        #expect(kabid.gaps == [.noPk] && kabid.parent == "r:kadis-a|a1", "under the superior's first row")
        #expect(try node(tree, "j:kasi-a").parent == "j:kabid-a", "under the superior's own gap")
        #expect(try node(tree, "j:orphan").parent == P.lepasID)
        #expect(tree.nodes.last?.kind == .lepas || tree.nodes.contains { $0.id == P.lepasID && $0.depth == 0 })
        #expect(tree.gapCounts == [.noContributor: 3, .unlinked: 1, .noPk: 3], "IKU 2, A 1 and A 2 unserved")
    }

    @Test func budget_lines_hang_under_the_row_drawn_from_their_code() throws {
        let tree = sample()
        let p = try node(tree, "b:pk-a|1.02.02")
        #expect(p.kind == .program && p.parent == "r:kadis-a|a1" && p.pagu == 1_000 && p.realised == 400)
        #expect(try node(tree, "b:pk-a|1.02.03").parent == "r:kadis-a|a1", "a line drawn from no row goes under the PK's first row")
        #expect(!tree.nodes.contains { $0.id == "b:pk-x|9.99" }, "a line of no PK in force is not drawn")
    }

    @Test func a_hostile_cycle_is_neither_lost_nor_looped() throws {
        let pks = [
            P.PkInput(id: "x", jabatan: "jx", superiorJabatan: "jy", level: .jpt, opd: nil, owner: "X", expectsContributors: false),
            P.PkInput(id: "y", jabatan: "jy", superiorJabatan: "jx", level: .jpt, opd: nil, owner: "Y", expectsContributors: false),
        ]
        let rows = [
            P.RowInput(pk: "x", key: "1", indikator: "X1", sasaran: "", strategicNode: nil, links: [.init(jabatan: "jy", key: "1")], budgetCodes: [], figure: nil),
            P.RowInput(pk: "y", key: "1", indikator: "Y1", sasaran: "", strategicNode: nil, links: [.init(jabatan: "jx", key: "1")], budgetCodes: [], figure: nil),
            P.RowInput(pk: "y", key: "self", indikator: "Y self", sasaran: "", strategicNode: nil, links: [.init(jabatan: "jy", key: "self")], budgetCodes: [], figure: nil),
        ]
        let tree = P(strategic: [], pks: pks, rows: rows, budget: [], missing: [
            P.MissingInput(jabatan: "ma", superiorJabatan: "mb", opd: nil, title: "A"),
            P.MissingInput(jabatan: "mb", superiorJabatan: "ma", opd: nil, title: "B"),
        ])
        let ids = tree.nodes.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == ["lepas", "r:jx|1", "r:jy|1", "r:jy|self", "j:ma", "j:mb"])
        #expect(try node(tree, "r:jy|self").gaps == [.unlinked], "a link to itself is none")
        for (i, n) in tree.nodes.enumerated() {
            guard let parent = n.parent else { continue }
            let p = try #require(tree.nodes.firstIndex { $0.id == parent })
            #expect(p < i && tree.nodes[p].depth == n.depth - 1, "\(n.id) after its parent, one deeper")
        }
    }

    @Test func a_subtree_keeps_the_path_above_it() throws {
        let tree = sample()
        let unit = tree.subtree { $0.opd == "dinas-a" && ($0.kind == .indikator || $0.kind == .jabatan) }
        let ids = unit.nodes.map(\.id)
        #expect(ids.contains("s:m1") && ids.contains("r:walikota|iku1"), "the path up to the RPJMD")
        #expect(ids.contains("r:kadis-a|a1") && ids.contains("b:pk-a|1.02.02") && ids.contains("j:kasi-a"))
        #expect(!ids.contains("r:kadis-b|b1") && !ids.contains("r:walikota|iku2"))
        #expect(unit.crosscutting.count == 1, "A's link to B is kept, B's node is not drawn")
        let sasaran = tree.subtree { $0.id == "s:s1" }
        #expect(!sasaran.nodes.contains { $0.id == "r:walikota|iku2" } && sasaran.nodes.count == tree.nodes.count - 1)
        #expect(tree.subtree { _ in false }.nodes.isEmpty)
    }
}
