/// Trees of units and of positions: a node may not be moved under itself or under one of its descendants.
public enum Hierarchy {
    /// Whether making `parent` the parent of `node` would close a loop, given every node's current parent.
    public static func wouldCycle<ID: Hashable>(node: ID, parent: ID?, parentOf: [ID: ID]) -> Bool {
        var cursor = parent
        var seen: Set<ID> = []
        while let current = cursor {
            if current == node || !seen.insert(current).inserted { return true }
            cursor = parentOf[current]
        }
        return false
    }

    /// `root` and every node below it, breadth first, given each node's children.
    public static func subtree<ID: Hashable>(of root: ID, children: [ID: [ID]]) -> [ID] {
        var nodes = [root]
        var seen: Set<ID> = [root]
        var index = 0
        while index < nodes.count {
            for child in children[nodes[index]] ?? [] where seen.insert(child).inserted { nodes.append(child) }
            index += 1
        }
        return nodes
    }

    public static let cycle = RuleViolation(code: "hierarchy.cycle", field: .parent,
        message: Message(id: "Tidak dapat ditempatkan di bawah dirinya sendiri atau bawahannya.",
                         en: "It cannot be placed under itself or under one of its own descendants."))
}
