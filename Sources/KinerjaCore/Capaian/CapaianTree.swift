/// A weighted roll-up over a tree of any depth: the Pemda's indikator → sasaran → tujuan → misi, where each node's
/// figure is the weighted mean of its children (nodes and indicators) and the whole is the weighted mean of the roots.
/// TDI and pending indicators are counted at every level and never enter a mean as 0 (`Rollup`).
public struct CapaianTree: Sendable, Hashable {
    public struct Node: Sendable, Hashable {
        public var id: String
        /// nil, or an id that is not a node, makes this a root.
        public var parent: String?
        /// Its weight among its siblings; 1 unless configured.
        public var weight: FixedDecimal

        public init(id: String, parent: String?, weight: FixedDecimal = FixedDecimal(1)) {
            self.id = id
            self.parent = parent
            self.weight = weight
        }
    }

    public struct Leaf: Sendable, Hashable {
        public var node: String
        public var weight: FixedDecimal
        public var toDate: RollupResult
        public var forecast: RollupResult

        public init(node: String, weight: FixedDecimal = FixedDecimal(1), toDate: RollupResult, forecast: RollupResult) {
            self.node = node
            self.weight = weight
            self.toDate = toDate
            self.forecast = forecast
        }
    }

    public struct Figures: Sendable, Hashable {
        public var toDate: RollupResult
        public var forecast: RollupResult

        static let empty = Figures(toDate: Rollup.mean([]), forecast: Rollup.mean([]))
    }

    public var nodes: [String: Figures]
    public var total: Figures

    /// Leaves on an unknown node are left out: a tree is only as complete as its links, and the page says which
    /// indicators have none. A cycle in stored parents (it cannot be entered, but data is data) is cut where it closes.
    public init(nodes: [Node], leaves: [Leaf]) {
        var byID: [String: Node] = [:]
        for node in nodes where byID[node.id] == nil { byID[node.id] = node }
        var childNodes: [String: [String]] = [:]
        var roots: [String] = []
        for node in nodes where byID[node.id] == node {
            if let parent = node.parent, parent != node.id, byID[parent] != nil {
                childNodes[parent, default: []].append(node.id)
            } else {
                roots.append(node.id)
            }
        }
        var childLeaves: [String: [Leaf]] = [:]
        for leaf in leaves where byID[leaf.node] != nil { childLeaves[leaf.node, default: []].append(leaf) }

        var figures: [String: Figures] = [:]
        var visiting: Set<String> = []
        func figure(_ id: String) -> Figures {
            if let done = figures[id] { return done }
            guard visiting.insert(id).inserted else { return .empty }
            var toDate: [(weight: FixedDecimal, result: RollupResult)] = []
            var forecast: [(weight: FixedDecimal, result: RollupResult)] = []
            for child in childNodes[id] ?? [] {
                let f = figure(child)
                let weight = byID[child]?.weight ?? FixedDecimal(1)
                toDate.append((weight, f.toDate))
                forecast.append((weight, f.forecast))
            }
            for leaf in childLeaves[id] ?? [] {
                toDate.append((leaf.weight, leaf.toDate))
                forecast.append((leaf.weight, leaf.forecast))
            }
            let result = Figures(toDate: Rollup.weightedMean(toDate), forecast: Rollup.weightedMean(forecast))
            visiting.remove(id)
            figures[id] = result
            return result
        }
        let rootFigures = roots.map { (id: $0, figures: figure($0)) }
        // Nodes only reachable through a cycle have not been visited from a root.
        for id in byID.keys where figures[id] == nil { _ = figure(id) }
        self.nodes = figures
        self.total = Figures(
            toDate: Rollup.weightedMean(rootFigures.map { (byID[$0.id]?.weight ?? FixedDecimal(1), $0.figures.toDate) }),
            forecast: Rollup.weightedMean(rootFigures.map { (byID[$0.id]?.weight ?? FixedDecimal(1), $0.figures.forecast) }))
    }
}
