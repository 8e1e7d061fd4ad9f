/// The units a user may change, worked out from the organisation: an operator's bound units with everything inside
/// them, and a pejabat's position with every position under it and the units those sit in (with theirs).
public struct ScopeTree<ID: Hashable & Sendable>: Sendable {
    public struct UnitNode: Sendable {
        public var parent: ID?
        public var code: String
        public init(parent: ID?, code: String) {
            self.parent = parent
            self.code = code
        }
    }

    public struct PositionNode: Sendable {
        public var superior: ID?
        public var unit: ID?
        public init(superior: ID?, unit: ID?) {
            self.superior = superior
            self.unit = unit
        }
    }

    public var units: [ID: UnitNode]
    public var positions: [ID: PositionNode]
    /// Per account: the units it is bound to.
    public var boundUnits: [ID: [ID]]
    let unitChildren: [ID: [ID]]
    let positionChildren: [ID: [ID]]

    public init(units: [ID: UnitNode], positions: [ID: PositionNode], boundUnits: [ID: [ID]]) {
        self.units = units
        self.positions = positions
        self.boundUnits = boundUnits
        var unitChildren: [ID: [ID]] = [:]
        for (id, node) in units { if let parent = node.parent { unitChildren[parent, default: []].append(id) } }
        var positionChildren: [ID: [ID]] = [:]
        for (id, node) in positions { if let superior = node.superior { positionChildren[superior, default: []].append(id) } }
        self.unitChildren = unitChildren
        self.positionChildren = positionChildren
    }

    /// The position and every position below it (a loop in the data cannot make this run forever).
    public func positions(under position: ID) -> Set<ID> {
        var reach: Set<ID> = [position]
        var stack = [position]
        while let next = stack.popLast() {
            for child in positionChildren[next] ?? [] where reach.insert(child).inserted { stack.append(child) }
        }
        return reach
    }

    /// The codes of the units `account` may change.
    public func unitCodes(account: ID, position: ID?) -> Set<String> {
        var roots = Set(boundUnits[account] ?? [])
        if let position {
            for id in positions(under: position) { if let unit = positions[id]?.unit { roots.insert(unit) } }
        }
        var codes: Set<String> = []
        var seen: Set<ID> = []
        var stack = Array(roots)
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            if let unit = units[next] { codes.insert(unit.code) }
            stack.append(contentsOf: unitChildren[next] ?? [])
        }
        return codes
    }
}
