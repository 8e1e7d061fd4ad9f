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

    public static let cycle = RuleViolation(code: "hierarchy.cycle", field: "induk",
        message: Message(id: "Tidak dapat ditempatkan di bawah dirinya sendiri atau bawahannya.",
                         en: "It cannot be placed under itself or under one of its own descendants."))
}
