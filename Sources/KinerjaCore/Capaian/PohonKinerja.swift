/// The Pemda's performance tree (pohon kinerja) as it stands: the RPJMD's misi, tujuan and sasaran, each PK row in
/// force under the superior indicator it serves, each PK's program, kegiatan or sub kegiatan under the row drawn from
/// it, and the positions that should have a PK but have none, where their PK would hang. A row that serves an
/// indicator outside its own superior's PK (a crosscutting goal) is drawn under its first link and every such link is
/// kept as an edge of its own. Built from plain values, so every view, the PDF and the API draw the same tree.
public struct PohonKinerja: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case misi, tujuan, sasaran
        /// An indicator row of a PK in force.
        case indikator
        case program, kegiatan, subkegiatan
        /// A position expected to sign a PK that has none in force.
        case jabatan
        /// The group of rows linked to nothing that is in force.
        case lepas
    }

    /// A break in the cascade, marked on the node it concerns.
    public enum Gap: String, Sendable, Hashable, Codable, CaseIterable {
        /// A superior indicator that no subordinate row serves although the position has subordinates who sign PKs.
        case noContributor
        /// A position expected to sign a PK with none in force.
        case noPk
        /// A row below the Kepala Daerah linked to no indicator in force.
        case unlinked
    }

    public enum EdgeKind: String, Sendable, Hashable, Codable {
        /// To an indicator of the position's own superior.
        case cascade
        /// To an indicator of another PK at the superior's level (sakip-rules: crosscutting).
        case crosscutting
    }

    public struct Edge: Sendable, Hashable {
        /// The row that serves.
        public var from: String
        /// The indicator served.
        public var to: String
        public var kind: EdgeKind
    }

    public struct Node: Sendable, Hashable {
        public var id: String
        public var kind: Kind
        public var parent: String?
        public var depth: Int
        public var title: String
        /// Who the node belongs to or what it holds: the position and unit of a row, the code and pagu of a budget line.
        public var subtitle: String
        public var figure: RollupResult?
        public var gaps: [Gap]
        /// How the node hangs under its parent, for a row.
        public var edge: EdgeKind?
        public var pkID: String?
        public var rowKey: String?
        /// The Perangkat Daerah the node belongs to.
        public var opd: String?
        /// For a budget line: pagu and budget realised through the quarter read.
        public var pagu: Int64?
        public var realised: Int64?
    }

    public struct StrategicInput: Sendable, Hashable {
        public var id: String
        public var kind: Kind
        public var parent: String?
        public var title: String
        public var figure: RollupResult?

        public init(id: String, kind: Kind, parent: String?, title: String, figure: RollupResult?) {
            self.id = id
            self.kind = kind
            self.parent = parent
            self.title = title
            self.figure = figure
        }
    }

    public struct PkInput: Sendable, Hashable {
        public var id: String
        public var jabatan: String
        public var superiorJabatan: String?
        public var level: PkLevel
        public var opd: String?
        /// "Kepala Dinas Kesehatan · Dinas Kesehatan".
        public var owner: String
        /// Whether the position has subordinates expected to sign PKs; only then is an unserved row a gap.
        public var expectsContributors: Bool

        public init(id: String, jabatan: String, superiorJabatan: String?, level: PkLevel, opd: String?, owner: String,
                    expectsContributors: Bool)
        {
            self.id = id
            self.jabatan = jabatan
            self.superiorJabatan = superiorJabatan
            self.level = level
            self.opd = opd
            self.owner = owner
            self.expectsContributors = expectsContributors
        }
    }

    public struct RowInput: Sendable, Hashable {
        public struct Link: Sendable, Hashable {
            public var jabatan: String
            public var key: String

            public init(jabatan: String, key: String) {
                self.jabatan = jabatan
                self.key = key
            }
        }

        public var pk: String
        public var key: String
        public var indikator: String
        public var sasaran: String
        /// For the Kepala Daerah's rows: the RPJMD node the indicator belongs to.
        public var strategicNode: String?
        /// The superior indicators the row serves, by position and row key (a PK Perubahan keeps its keys).
        public var links: [Link]
        /// Nomenclature codes the row is drawn from: a program's own code, or the programs of its Renstra sasaran.
        /// A budget line hangs under the row whose code it has or falls under.
        public var budgetCodes: [String]
        public var figure: RollupResult?

        public init(pk: String, key: String, indikator: String, sasaran: String, strategicNode: String?, links: [Link],
                    budgetCodes: [String], figure: RollupResult?)
        {
            self.pk = pk
            self.key = key
            self.indikator = indikator
            self.sasaran = sasaran
            self.strategicNode = strategicNode
            self.links = links
            self.budgetCodes = budgetCodes
            self.figure = figure
        }
    }

    public struct BudgetInput: Sendable, Hashable {
        public var pk: String
        public var code: String
        public var name: String
        public var pagu: Int64
        public var realised: Int64

        public init(pk: String, code: String, name: String, pagu: Int64, realised: Int64) {
            self.pk = pk
            self.code = code
            self.name = name
            self.pagu = pagu
            self.realised = realised
        }
    }

    /// A position expected to sign a PK, with none in force.
    public struct MissingInput: Sendable, Hashable {
        public var jabatan: String
        public var superiorJabatan: String?
        public var opd: String?
        public var title: String

        public init(jabatan: String, superiorJabatan: String?, opd: String?, title: String) {
            self.jabatan = jabatan
            self.superiorJabatan = superiorJabatan
            self.opd = opd
            self.title = title
        }
    }

    /// Depth first, children in the order given.
    public var nodes: [Node]
    /// Every link to an indicator outside the row's own superior's PK.
    public var crosscutting: [Edge]

    public static let lepasID = "lepas"
    static func rowID(_ jabatan: String, _ key: String) -> String { "r:" + jabatan + "|" + key }

    public init(strategic: [StrategicInput], pks: [PkInput], rows: [RowInput], budget: [BudgetInput],
                missing: [MissingInput])
    {
        let pkByID = Dictionary(pks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var nodes: [String: Node] = [:]
        var order: [String] = []
        func add(_ node: Node) {
            guard nodes[node.id] == nil else { return }
            nodes[node.id] = node
            order.append(node.id)
        }
        for s in strategic where [.misi, .tujuan, .sasaran].contains(s.kind) {
            add(Node(id: "s:" + s.id, kind: s.kind, parent: s.parent.map { "s:" + $0 }, depth: 0, title: s.title,
                     subtitle: "", figure: s.figure, gaps: []))
        }
        // Rows first without parents, so a link can point at any row in force whatever the order.
        var rowsOfPk: [String: [String]] = [:]
        var served: Set<String> = []
        var crosscutting: [Edge] = []
        for row in rows {
            guard let pk = pkByID[row.pk] else { continue }
            let id = Self.rowID(pk.jabatan, row.key)
            guard nodes[id] == nil else { continue }
            add(Node(id: id, kind: .indikator, parent: nil, depth: 0, title: row.indikator,
                     subtitle: pk.owner, figure: row.figure, gaps: [], pkID: pk.id, rowKey: row.key, opd: pk.opd))
            rowsOfPk[pk.id, default: []].append(id)
        }
        var needsLepas = false
        for row in rows {
            guard let pk = pkByID[row.pk] else { continue }
            let id = Self.rowID(pk.jabatan, row.key)
            guard nodes[id]?.parent == nil, nodes[id]?.kind == .indikator else { continue }
            if pk.level == .pemda {
                var place = row.strategicNode.map { "s:" + $0 }
                if let known = place, nodes[known] == nil { place = nil }
                nodes[id]?.parent = place
                continue
            }
            let targets = row.links.map { (link: $0, id: Self.rowID($0.jabatan, $0.key)) }
                .filter { nodes[$0.id]?.kind == .indikator && $0.id != id }
            for target in targets {
                served.insert(target.id)
                if target.link.jabatan != pk.superiorJabatan {
                    crosscutting.append(Edge(from: id, to: target.id, kind: .crosscutting))
                }
            }
            let primary = targets.first { $0.link.jabatan == pk.superiorJabatan } ?? targets.first
            if let primary {
                nodes[id]?.parent = primary.id
                nodes[id]?.edge = primary.link.jabatan == pk.superiorJabatan ? .cascade : .crosscutting
            } else {
                nodes[id]?.parent = Self.lepasID
                nodes[id]?.gaps.append(.unlinked)
                needsLepas = true
            }
        }
        for (pkID, ids) in rowsOfPk {
            guard pkByID[pkID]?.expectsContributors == true else { continue }
            for id in ids where !served.contains(id) { nodes[id]?.gaps.append(.noContributor) }
        }
        // Budget lines under the row drawn from their code, else under the PK's first row.
        let pkLevelOf = Dictionary(pks.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let rowsByPk = Dictionary(grouping: rows, by: \.pk)
        for line in budget {
            guard let pk = pkByID[line.pk], let first = rowsOfPk[line.pk]?.first else { continue }
            let holder = rowsByPk[line.pk]?.first { row in
                row.budgetCodes.contains { line.code == $0 || line.code.hasPrefix($0 + ".") }
            }.map { Self.rowID(pk.jabatan, $0.key) } ?? first
            let level = pkLevelOf[line.pk]?.budgetLevel ?? .program
            let kind: Kind = switch level {
            case .subkegiatan: .subkegiatan
            case .kegiatan: .kegiatan
            default: .program
            }
            add(Node(id: "b:" + line.pk + "|" + line.code, kind: kind, parent: holder, depth: 0, title: line.name,
                     subtitle: line.code, figure: nil, gaps: [], pkID: line.pk, opd: pk.opd,
                     pagu: line.pagu, realised: line.realised))
        }
        // A position without a PK hangs where its PK would: under its superior's first row, or under the superior's
        // own gap node when that one has no PK either.
        let firstRowOfJabatan = Dictionary(pks.compactMap { pk in rowsOfPk[pk.id]?.first.map { (pk.jabatan, $0) } },
                                           uniquingKeysWith: { a, _ in a })
        let missingJabatan = Set(missing.map(\.jabatan))
        for m in missing {
            let id = "j:" + m.jabatan
            var parent: String? = Self.lepasID
            if let superior = m.superiorJabatan {
                if let row = firstRowOfJabatan[superior] { parent = row } else if missingJabatan.contains(superior) { parent = "j:" + superior }
            }
            if parent == Self.lepasID { needsLepas = true }
            add(Node(id: id, kind: .jabatan, parent: parent, depth: 0, title: m.title, subtitle: "", figure: nil,
                     gaps: [.noPk], opd: m.opd))
        }
        if needsLepas || order.contains(where: { nodes[$0]?.parent == Self.lepasID }) {
            add(Node(id: Self.lepasID, kind: .lepas, parent: nil, depth: 0, title: "", subtitle: "", figure: nil, gaps: []))
        }
        self.nodes = Self.depthFirst(nodes, order: order)
        self.crosscutting = crosscutting
    }

    /// Lays the nodes out depth first from the roots. A node whose parent is unknown is a root; nodes caught in a
    /// cycle (hostile links) are reached from no root and go under the loose group, so none is lost or repeated.
    static func depthFirst(_ nodes: [String: Node], order: [String]) -> [Node] {
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for id in order {
            guard let node = nodes[id] else { continue }
            if let parent = node.parent, nodes[parent] != nil, parent != id { children[parent, default: []].append(id) } else { roots.append(id) }
        }
        // The loose group goes last.
        roots.sort { a, b in (a == lepasID ? 1 : 0) < (b == lepasID ? 1 : 0) }
        var out: [Node] = []
        var seen: Set<String> = []
        func walk(_ root: String, depth: Int) {
            // Iterative, so a deep (or hostile) chain cannot exhaust the stack.
            var stack: [(String, Int)] = [(root, depth)]
            while let (id, d) = stack.popLast() {
                guard seen.insert(id).inserted, var node = nodes[id] else { continue }
                node.depth = d
                if d == 0 { node.parent = nil }
                out.append(node)
                for child in (children[id] ?? []).reversed() { stack.append((child, d + 1)) }
            }
        }
        for root in roots where root != lepasID { walk(root, depth: 0) }
        let stranded = order.filter { !seen.contains($0) && $0 != lepasID }
        if nodes[lepasID] != nil || !stranded.isEmpty {
            var lepas = nodes[lepasID] ?? Node(id: lepasID, kind: .lepas, parent: nil, depth: 0, title: "", subtitle: "",
                                               figure: nil, gaps: [])
            lepas.depth = 0
            seen.insert(lepasID)
            out.append(lepas)
            for id in children[lepasID] ?? [] { walk(id, depth: 1) }
            for id in stranded where !seen.contains(id) {
                guard var node = nodes[id] else { continue }
                node.parent = lepasID
                if node.kind == .indikator && !node.gaps.contains(.unlinked) { node.gaps.append(.unlinked) }
                // Walk the stranded node with its (reachable) descendants under the loose group.
                seen.insert(id)
                node.depth = 1
                out.append(node)
                for child in children[id] ?? [] { walk(child, depth: 2) }
            }
        }
        return out
    }
}

extension PohonKinerja {
    /// The part of the tree under the nodes `matching` picks (the topmost of each branch), with their ancestors kept
    /// as the path that leads to them, so that a unit's or a sasaran's tree still shows what it serves.
    public func subtree(_ matching: (Node) -> Bool) -> PohonKinerja {
        var keep: [Bool] = Array(repeating: false, count: nodes.count)
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() { index[node.id] = i }
        var i = 0
        while i < nodes.count {
            guard matching(nodes[i]) else { i += 1; continue }
            // The node, its descendants (the following nodes deeper than it) and its ancestors.
            let depth = nodes[i].depth
            keep[i] = true
            var parent = nodes[i].parent
            while let p = parent, let at = index[p], !keep[at] {
                keep[at] = true
                parent = nodes[at].parent
            }
            var j = i + 1
            while j < nodes.count && nodes[j].depth > depth { keep[j] = true; j += 1 }
            i = j
        }
        var copy = self
        copy.nodes = zip(nodes, keep).compactMap { $1 ? $0 : nil }
        let kept = Set(copy.nodes.map(\.id))
        copy.crosscutting = crosscutting.filter { kept.contains($0.from) || kept.contains($0.to) }
        return copy
    }

    /// How many nodes carry each gap.
    public var gapCounts: [Gap: Int] {
        var counts: [Gap: Int] = [:]
        for node in nodes { for gap in node.gaps { counts[gap, default: 0] += 1 } }
        return counts
    }
}
