/// A PK in force with what the engine measures it by.
public struct MeasuredPk: Sendable, Hashable {
    public var id: String
    public var unit: String?
    public var level: PkLevel
    public var measurements: [IndicatorMeasurement]
    /// For the Kepala Daerah's PK: the RPJMD node (a sasaran) each indicator key measures, where the row is linked.
    public var strategicNode: [String: String]

    public init(id: String, unit: String?, level: PkLevel, measurements: [IndicatorMeasurement],
                strategicNode: [String: String] = [:])
    {
        self.id = id
        self.unit = unit
        self.level = level
        self.measurements = measurements
        self.strategicNode = strategicNode
    }
}

/// A roll-up read at TW I … IV: the trend of a unit or the Pemda.
public struct CapaianPath: Sendable, Hashable {
    /// To date through TW I, II, III, IV.
    public var quarters: [RollupResult]
    public var forecast: RollupResult

    public init(quarters: [RollupResult], forecast: RollupResult) {
        self.quarters = quarters
        self.forecast = forecast
    }

    public func at(_ quarter: Int) -> RollupResult {
        quarters.indices.contains(quarter - 1) ? quarters[quarter - 1] : Rollup.mean([])
    }
}

/// Every figure of a Pemda's year, computed once from accepted values: each PK's sheet, each unit, the RPJMD's
/// sasaran, tujuan and misi, and the Pemda as a whole, to date and forecast, with the path quarter by quarter.
public struct PemdaCapaian: Sendable {
    public var through: Int
    /// Each PK's sheet read at `through`.
    public var sheets: [String: CapaianSheet]
    /// Each PK's total at TW I–IV.
    public var pkPaths: [String: CapaianPath]
    /// A unit is measured by the PKs at its highest level (its head's), so a Dinas is not averaged with its own
    /// Eselon IV; their PKs are measured on their own.
    public var units: [String: CapaianPath]
    /// The Kepala Daerah's PK (the IKU), if one is in force.
    public var iku: String?
    /// The RPJMD nodes read at `through`.
    public var strategic: [String: CapaianTree.Figures]
    /// The Pemda as a whole at TW I–IV: the RPJMD tree over the IKU where there is one, else the mean of its units.
    public var pemda: CapaianPath

    public init(engine: CapaianEngine, pks: [MeasuredPk], strategicNodes: [CapaianTree.Node], through period: Int) {
        let through = min(max(period, 1), 4)
        self.through = through
        var sheets: [String: CapaianSheet] = [:]
        var pkPaths: [String: CapaianPath] = [:]
        var measuredOf: [String: [IndicatorCapaian]] = [:]
        for pk in pks {
            let measured = pk.measurements.map { engine.measure($0, through: through) }
            measuredOf[pk.id] = measured
            let quarterSheets = Triwulan.all.map { engine.sheet(pk.measurements, measured: measured, through: $0) }
            sheets[pk.id] = quarterSheets[through - 1]
            pkPaths[pk.id] = CapaianPath(quarters: quarterSheets.map(\.total), forecast: quarterSheets[through - 1].forecastTotal)
        }
        self.sheets = sheets
        self.pkPaths = pkPaths

        let rank: [PkLevel: Int] = [.pemda: 0, .jpt: 1, .administrator: 2, .pengawas: 3]
        var heads: [String: [MeasuredPk]] = [:]
        for pk in pks where pk.level != .pemda {
            guard let unit = pk.unit else { continue }
            let current = heads[unit]?.first.map { rank[$0.level] ?? 9 } ?? Int.max
            let mine = rank[pk.level] ?? 9
            if mine < current { heads[unit] = [pk] } else if mine == current { heads[unit, default: []].append(pk) }
        }
        var units: [String: CapaianPath] = [:]
        for (unit, members) in heads {
            let paths = members.compactMap { pkPaths[$0.id] }
            units[unit] = CapaianPath(quarters: Triwulan.all.map { q in Rollup.mean(paths.map { $0.at(q) }) },
                                      forecast: Rollup.mean(paths.map(\.forecast)))
        }
        self.units = units

        let iku = pks.first { $0.level == .pemda }
        self.iku = iku?.id
        guard let iku, let measured = measuredOf[iku.id] else {
            strategic = [:]
            pemda = CapaianPath(quarters: Triwulan.all.map { q in Rollup.mean(units.values.map { $0.at(q) }) },
                                forecast: Rollup.mean(units.values.map(\.forecast)))
            return
        }
        // An IKU row without an RPJMD link still counts: it stands for its own sasaran at the top of the tree.
        var nodes = strategicNodes
        let known = Set(strategicNodes.map(\.id))
        var placed: [String] = []
        for m in iku.measurements {
            if let node = iku.strategicNode[m.key], known.contains(node) { placed.append(node); continue }
            let own = "pk-sasaran:" + m.sasaran
            if !nodes.contains(where: { $0.id == own }) { nodes.append(CapaianTree.Node(id: own, parent: nil)) }
            placed.append(own)
        }
        let trees = Triwulan.all.map { q in
            CapaianTree(nodes: nodes, leaves: zip(iku.measurements, zip(measured, placed)).map { m, pair in
                CapaianTree.Leaf(node: pair.1, weight: m.weight,
                                 toDate: RollupResult(pair.0.path.indices.contains(q - 1) ? pair.0.path[q - 1].capaian : .pending),
                                 forecast: RollupResult(pair.0.forecast))
            })
        }
        strategic = trees[through - 1].nodes
        pemda = CapaianPath(quarters: trees.map(\.total.toDate), forecast: trees[through - 1].total.forecast)
    }
}
