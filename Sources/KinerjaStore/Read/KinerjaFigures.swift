import Foundation
import KinerjaCore

/// A Pemda's year measured through one quarter, computed once by `KinerjaCore` from a `CapaianBoard`: what the
/// executive view, the unit views, the early warning and the API show. No figure is computed anywhere else.
public struct KinerjaFigures: Sendable {
    public struct UnitLine: Sendable, Hashable {
        public var unitID: UUID
        public var path: CapaianPath
        public var capaian: RollupResult
        public var predikat: PredikatBand?
        public var pagu: Int64
        /// Budget realisation through the quarter read.
        public var realised: Int64
        public var serapan: FixedDecimal?
        public var efficiency: FixedDecimal?
    }

    public struct Warning: Sendable, Hashable {
        public var pk: CapaianBoard.Pk
        public var row: CapaianBoard.Row
        public var signal: EarlyWarningSignal
    }

    public let board: CapaianBoard
    public let engine: CapaianEngine
    public let capaian: PemdaCapaian
    public let through: Int
    public let today: CalendarDate
    /// Measured units first, best first; then units with no figure yet, by name order of their ids' PKs.
    public let units: [UnitLine]
    /// The Pemda's serapan of the APBD through the quarter (every DPA's programs).
    public let pagu: Int64
    public let realised: Int64
    public let warnings: [Warning]
    /// By PK and row key as values, not as text: a national recompute looks up some 140 000 rows a Pemda batch.
    private struct RowID: Hashable {
        var pkID: UUID
        var key: String
    }
    private let indicatorIndex: [RowID: IndicatorCapaian]
    private let rowsByPk: [UUID: [CapaianBoard.Row]]

    /// - Parameter opd: the Perangkat Daerah a unit belongs to (`PemdaOrganisation.opd(of:)`).
    public init(board: CapaianBoard, engine: CapaianEngine, through period: Int, today: CalendarDate,
                opd: (UUID?) -> UUID?)
    {
        let through = min(max(period, 1), 4)
        self.board = board
        self.engine = engine
        self.through = through
        self.today = today
        let capaian = PemdaCapaian(engine: engine, pks: board.measuredPks(opd: opd), strategicNodes: board.strategicNodes, through: through)
        self.capaian = capaian

        func realisedThrough(_ quarters: [Int64]) -> Int64 {
            quarters.prefix(through).reduce(Int64(0)) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 }
        }
        var units: [UnitLine] = []
        var unitIDs = Set(board.pks.compactMap { $0.level == .pemda ? nil : opd($0.unitID) })
        unitIDs.formUnion(board.pagu.keys)
        for unit in unitIDs {
            let path = capaian.units[unit.uuidString] ?? CapaianPath(quarters: [], forecast: Rollup.mean([]))
            let figure = path.at(through)
            let pagu = board.pagu[unit] ?? 0
            let realised = realisedThrough(board.budgetRealised[unit] ?? [])
            let serapan = Serapan(pagu: pagu, realised: realised).percent
            units.append(UnitLine(unitID: unit, path: path, capaian: figure, predikat: figure.capaian.map { engine.scale.band(for: $0) },
                                  pagu: pagu, realised: realised, serapan: serapan,
                                  efficiency: Anggaran.efficiency(capaian: figure.capaian, serapan: serapan)))
        }
        self.units = units.sorted { a, b in a.capaian.ranks(before: b.capaian) ?? (a.unitID.uuidString < b.unitID.uuidString) }
        pagu = units.reduce(Int64(0)) { $0.addingReportingOverflow($1.pagu).overflow ? .max : $0 + $1.pagu }
        realised = units.reduce(Int64(0)) { $0.addingReportingOverflow($1.realised).overflow ? .max : $0 + $1.realised }

        var index: [RowID: IndicatorCapaian] = [:]
        for pk in board.pks {
            for indicator in capaian.sheets[pk.id.uuidString]?.indicators ?? [] { index[RowID(pkID: pk.id, key: indicator.key)] = indicator }
        }
        indicatorIndex = index
        rowsByPk = Dictionary(grouping: board.rows, by: \.pkID)
        let pkByID = Dictionary(uniqueKeysWithValues: board.pks.map { ($0.id, $0) })
        var warnings: [Warning] = []
        for row in board.rows {
            guard let pk = pkByID[row.pkID], let measured = index[RowID(pkID: row.pkID, key: row.key)] else { continue }
            for signal in EarlyWarning.signals(board.watch(row, capaian: measured), windows: board.windows, today: today) {
                warnings.append(Warning(pk: pk, row: row, signal: signal))
            }
        }
        self.warnings = warnings
    }

    public var serapan: FixedDecimal? { Serapan(pagu: pagu, realised: realised).percent }

    public func indicator(_ row: CapaianBoard.Row) -> IndicatorCapaian? { indicatorIndex[RowID(pkID: row.pkID, key: row.key)] }

    public func sheet(_ pkID: UUID) -> CapaianSheet? { capaian.sheets[pkID.uuidString] }

    public func path(_ pkID: UUID) -> CapaianPath? { capaian.pkPaths[pkID.uuidString] }

    public var ikuPk: CapaianBoard.Pk? { board.pks.first { $0.level == .pemda } }

    /// A PK's rows in their order; indexed once, since the API and the report ask for every PK's.
    public func rows(of pkID: UUID) -> [CapaianBoard.Row] { rowsByPk[pkID] ?? [] }

    public func predikat(_ value: FixedDecimal?) -> PredikatBand? { value.map { engine.scale.band(for: $0) } }

    /// The Pemda's serapan through each quarter: the trend beside capaian.
    public var serapanPath: [FixedDecimal?] {
        Triwulan.all.map { q in
            let realised = board.budgetRealised.values.reduce(Int64(0)) { total, quarters in
                let sum = quarters.prefix(q).reduce(Int64(0)) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 }
                return total.addingReportingOverflow(sum).overflow ? .max : total + sum
            }
            return Serapan(pagu: pagu, realised: realised).percent
        }
    }
}
