import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Everything the Pemda's figures of a year are computed from, in a fixed number of statements however many PKs,
/// indicators or entries it has: the rows of every PK in force, the newest and the newest accepted entry of each
/// indicator and quarter, the evidence counted, the windows, the RPJMD tree with its weights, and the DPA's pagu and
/// realisation per unit. The dashboards, the early warning and the API all start from it, so they cannot disagree.
public struct CapaianBoard: Sendable {
    public struct Pk: Sendable, Hashable {
        public var id: UUID
        public var jabatanID: UUID
        public var unitID: UUID?
        public var level: PkLevel
        public var version: Int
        public var status: PkStatus
    }

    public struct Row: Sendable, Hashable {
        public var pkID: UUID
        public var jabatanID: UUID
        public var key: String
        public var sasaran: String
        public var indikator: String
        public var satuan: String
        public var spec: IndicatorSpec
        public var target: String
        public var quarterly: [String]
        public var weight: FixedDecimal
        /// The RPJMD sasaran or tujuan the row's indicator belongs to, where it comes from the RPJMD.
        public var strategicNode: UUID?
        /// Its place in the board's entry table; -1 for a row the board did not load (then found by position and key).
        public internal(set) var slot: Int = -1
    }

    /// A PK series' row: the position and the row key, stable from version to version.
    struct RowRef: Hashable {
        var jabatanID: UUID
        var key: String
    }

    /// The newest entry of an indicator's quarter, and the newest accepted one (the quarter's figure).
    public struct QuarterEntries: Sendable, Hashable {
        public var latestStatus: RealisasiStatus?
        public var latestIsTdi = false
        /// The newest accepted entry's value (canonical), verifier's judgement and forecast.
        public var acceptedValue: String?
        public var acceptedJudgement: FixedDecimal?
        public var acceptedForecast: String?
    }

    public struct StrategicNode: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case misi, tujuan, sasaran

            /// As a table names the node: "Misi 1. …".
            public var label: String {
                switch self {
                case .misi: "Misi"
                case .tujuan: "Tujuan"
                case .sasaran: "Sasaran"
                }
            }
        }
        public var id: UUID
        public var kind: Kind
        public var parent: UUID?
        public var number: Int
        public var text: String
        /// 1 unless the Pemda set another.
        public var weight: FixedDecimal
    }

    public let year: Int
    public let pks: [Pk]
    /// In PK order, each PK's rows in their order.
    public let rows: [Row]
    public let windows: [JadwalWindow?]
    /// Misi, then tujuan, then sasaran, each by number.
    public let strategic: [StrategicNode]
    /// Each Perangkat Daerah's DPA total (its programs) and budget realisation through TW IV.
    public let pagu: [UUID: Int64]
    public let budgetRealised: [UUID: [Int64]]
    /// The entries of each row, `perSlot` to a row: TW I–IV (month 0), then January–December. A national year has
    /// some 140 000 rows a Pemda batch: a table by position, not a dictionary of text keys, keeps reading them cheap.
    let table: EntryTable

    struct EntryTable: Sendable {
        static let perSlot = 16
        var slotOf: [RowRef: Int] = [:]
        /// Each slot's row, to check a row's `slot` against: a row of another board never reads this one's entries.
        var refs: [RowRef] = []
        var entries: [QuarterEntries] = []
        /// Evidence files per row and quarter, 4 to a row.
        var bukti: [Int] = []

        /// The row's slot, made when it is new.
        mutating func slot(_ ref: RowRef) -> Int {
            if let slot = slotOf[ref] { return slot }
            let slot = refs.count
            slotOf[ref] = slot
            refs.append(ref)
            entries.append(contentsOf: repeatElement(QuarterEntries(), count: Self.perSlot))
            bukti.append(contentsOf: repeatElement(0, count: 4))
            return slot
        }

        /// Folds in one answer of the entries statement, which come ordered by seq: the last one read is the newest.
        mutating func record(_ entry: EntryRecord, at offset: Int) {
            let slot = slot(RowRef(jabatanID: entry.jabatanID, key: entry.rowKey))
            let at = slot * Self.perSlot + offset
            let status = RealisasiStatus(rawValue: entry.status) ?? .diajukan
            entries[at].latestStatus = status
            entries[at].latestIsTdi = entry.value == RealisasiEntryRules.tdiWord
            if status == .diterima {
                entries[at].acceptedValue = entry.value
                entries[at].acceptedJudgement = entry.judgement.flatMap(FixedDecimal.init(canonical:))
                entries[at].acceptedForecast = entry.forecast
            }
            bukti[slot * 4 + entry.period - 1] = entry.bukti
        }

        /// Where a quarter's own entry (month 0) or a month's sits within a slot; nil outside TW I–IV and 0–12.
        static func offset(period: Int, month: Int) -> Int? {
            guard Triwulan.all.contains(period) else { return nil }
            if month == 0 { return period - 1 }
            return Bulan.of(quarter: period).contains(month) ? 3 + month : nil
        }
    }

    private func slot(of row: Row) -> Int? {
        if table.refs.indices.contains(row.slot), table.refs[row.slot].jabatanID == row.jabatanID, table.refs[row.slot].key == row.key {
            return row.slot
        }
        return table.slotOf[RowRef(jabatanID: row.jabatanID, key: row.key)]
    }

    /// The entries of a quarter's own value (month 0), or of one month of a monthly indicator.
    public func quarter(_ row: Row, _ period: Int, month: Int = 0) -> QuarterEntries {
        guard let slot = slot(of: row), let offset = EntryTable.offset(period: period, month: month) else { return QuarterEntries() }
        return table.entries[slot * EntryTable.perSlot + offset]
    }

    /// The entries of the year in the order the engine reads them: four quarters, or twelve months.
    public func slots(_ row: Row) -> [QuarterEntries] {
        let monthly = row.spec.reporting == .monthly
        guard let slot = slot(of: row) else { return Array(repeating: QuarterEntries(), count: monthly ? 12 : 4) }
        let start = slot * EntryTable.perSlot + (monthly ? 4 : 0)
        return Array(table.entries[start..<(start + (monthly ? 12 : 4))])
    }

    public func buktiCount(_ row: Row, _ period: Int) -> Int {
        guard let slot = slot(of: row), Triwulan.all.contains(period) else { return 0 }
        return table.bukti[slot * 4 + period - 1]
    }

    /// What the engine measures a row by: accepted values only, and the newest accepted forecast. The same reading as
    /// `RealisasiLedger.measurement`, which the PK's own page uses.
    public func measurement(_ row: Row) -> IndicatorMeasurement {
        let quarters = slots(row)
        let forecast = quarters.reversed().lazy.compactMap(\.acceptedForecast).first
            .flatMap { RealisasiEntryRules.parseStored($0, spec: row.spec) }
        return IndicatorMeasurement(
            key: row.key, sasaran: row.sasaran, spec: row.spec, weight: row.weight,
            yearTarget: TargetInput.parseStored(row.target, for: row.spec),
            periodTargets: row.quarterly.map { TargetInput.parseStored($0, for: row.spec) },
            accepted: quarters.map { q in
                q.acceptedValue.flatMap { RealisasiEntryRules.parseStored($0, spec: row.spec, judgement: q.acceptedJudgement) }
            },
            forecast: forecast)
    }

    /// The accepted value of one quarter alone (its months combined for a monthly indicator): a quarterly table's cell.
    public func accepted(_ row: Row, quarter q: Int) -> Realisasi? {
        PeriodAggregation.quarterValue(measurement(row).accepted, quarter: q, spec: row.spec)
    }

    public func watch(_ row: Row, capaian: IndicatorCapaian) -> IndicatorWatch {
        let monthly = row.spec.reporting == .monthly
        let year = slots(row)
        let bukti = Triwulan.all.map { buktiCount(row, $0) }
        func seen(_ e: QuarterEntries, _ q: Int) -> IndicatorWatch.Quarter {
            IndicatorWatch.Quarter(latest: e.latestStatus, isTdi: e.latestIsTdi, bukti: bukti[q - 1])
        }
        // `year` holds 4 quarters or 12 months, so a quarter's entries are its 1 or 3 slots.
        let per = monthly ? 3 : 1
        return IndicatorWatch(key: row.key, quarters: Triwulan.all.map { q in
            let own = year[((q - 1) * per)..<(q * per)]
            return monthly ? .combining(months: own.map { seen($0, q) }, bukti: bukti[q - 1]) : seen(own[own.startIndex], q)
        }, capaian: capaian, forecastPeriod: Triwulan.all.last { q in
            year[((q - 1) * per)..<(q * per)].contains { $0.acceptedForecast != nil }
        })
    }

    /// The PKs as the engine takes them: ids as text, each PK under its Perangkat Daerah (`opd`: a Bidang's PK
    /// belongs to its Dinas), each Kepala Daerah row placed on its RPJMD node.
    public func measuredPks(opd: (UUID?) -> UUID?) -> [MeasuredPk] {
        let byPk = Dictionary(grouping: rows, by: \.pkID)
        return pks.map { pk in
            let rows = byPk[pk.id] ?? []
            var placement: [String: String] = [:]
            for row in rows { if let node = row.strategicNode { placement[row.key] = node.uuidString } }
            return MeasuredPk(id: pk.id.uuidString, unit: opd(pk.unitID)?.uuidString, level: pk.level,
                              measurements: rows.map(measurement), strategicNode: placement)
        }
    }

    /// The RPJMD depth first (misi, its tujuan, their sasaran), each with its depth: how a table lists the tree.
    public var strategicOrder: [(node: StrategicNode, depth: Int)] { Self.depthFirst(strategic) }

    public static func depthFirst(_ strategic: [StrategicNode]) -> [(node: StrategicNode, depth: Int)] {
        var children: [UUID: [StrategicNode]] = [:]
        for node in strategic { if let parent = node.parent { children[parent, default: []].append(node) } }
        var ordered: [(StrategicNode, Int)] = []
        var seen: Set<UUID> = []
        func walk(_ node: StrategicNode, _ depth: Int) {
            guard seen.insert(node.id).inserted else { return }
            ordered.append((node, depth))
            for child in children[node.id] ?? [] { walk(child, depth + 1) }
        }
        for root in strategic where root.kind == .misi { walk(root, 0) }
        return ordered
    }

    public var strategicNodes: [CapaianTree.Node] {
        strategic.map { CapaianTree.Node(id: $0.id.uuidString, parent: $0.parent?.uuidString, weight: $0.weight) }
    }

    /// The RPJMD whose period holds the year: misi, then tujuan, then sasaran, each by number, with its weight (1
    /// unless set). One statement.
    public static func strategic(pemdaID: UUID, year: Int, on db: any Database) async throws -> [StrategicNode] {
        try await db.sql.raw("""
            SELECT x.kind, x.id, x.parent, x.number, x.text, b.weight FROM (
                SELECT 'misi' AS kind, m.id, NULL AS parent, m.number, m.text, 0 AS depth FROM misi m
                  JOIN periode_rpjmd pr ON pr.id = m.periode_id
                  WHERE pr.pemda_id = \(bind: pemdaID) AND pr.start_year <= \(bind: year) AND pr.end_year >= \(bind: year)
                UNION ALL
                SELECT 'tujuan', t.id, t.misi_id, t.number, t.text, 1 FROM tujuan t JOIN misi m ON m.id = t.misi_id
                  JOIN periode_rpjmd pr ON pr.id = m.periode_id
                  WHERE pr.pemda_id = \(bind: pemdaID) AND pr.start_year <= \(bind: year) AND pr.end_year >= \(bind: year)
                UNION ALL
                SELECT 'sasaran', s.id, s.tujuan_id, s.number, s.text, 2 FROM sasaran_rpjmd s JOIN tujuan t ON t.id = s.tujuan_id
                  JOIN misi m ON m.id = t.misi_id JOIN periode_rpjmd pr ON pr.id = m.periode_id
                  WHERE pr.pemda_id = \(bind: pemdaID) AND pr.start_year <= \(bind: year) AND pr.end_year >= \(bind: year)
            ) x LEFT JOIN capaian_bobot b ON b.node_id = x.id
            ORDER BY x.depth, x.number
            """).all().compactMap { row -> StrategicNode? in
            guard let kind = StrategicNode.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return StrategicNode(id: try row.decode(column: "id", as: UUID.self), kind: kind,
                                 parent: try row.decode(column: "parent", as: UUID?.self),
                                 number: try row.decode(column: "number", as: Int.self), text: try row.decode(column: "text", as: String.self),
                                 weight: try row.decode(column: "weight", as: String?.self).flatMap(FixedDecimal.init(canonical:)) ?? FixedDecimal(1))
        }
    }

    static let rowColumns = """
        p.id AS pk_id, p.jabatan_id, p.unit_id, p.level, p.version, p.status,
        r.key, r.sasaran, r.indikator, r.satuan, r.spec, r.target, r.tw1, r.tw2, r.tw3, r.tw4,
        i.weight, i.owner_kind, i.owner_id, p.pemda_id
        """

    /// A PK row as read by `rowColumns`, with its PK.
    static func decodeRow(_ row: any SQLRow) throws -> (Pk, Row) {
        let pkID = try row.decode(column: "pk_id", as: UUID.self)
        let jabatanID = try row.decode(column: "jabatan_id", as: UUID.self)
        let pk = Pk(id: pkID, jabatanID: jabatanID, unitID: try row.decode(column: "unit_id", as: UUID?.self),
                    level: PkLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .pengawas,
                    version: try row.decode(column: "version", as: Int.self),
                    status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .ditandatangani)
        let owner = try row.decode(column: "owner_kind", as: String?.self).flatMap(IndikatorOwner.init(rawValue:))
        let decoded = Row(
            pkID: pkID, jabatanID: jabatanID, key: try row.decode(column: "key", as: String.self),
            sasaran: try row.decode(column: "sasaran", as: String.self), indikator: try row.decode(column: "indikator", as: String.self),
            satuan: try row.decode(column: "satuan", as: String.self),
            spec: PkRow.decodeSpec(try row.decode(column: "spec", as: String.self)),
            target: try row.decode(column: "target", as: String.self),
            quarterly: try ["tw1", "tw2", "tw3", "tw4"].map { try row.decode(column: $0, as: String.self) },
            weight: try row.decode(column: "weight", as: String?.self).flatMap(FixedDecimal.init(canonical:)) ?? FixedDecimal(1),
            strategicNode: owner == .sasaranRpjmd || owner == .tujuan ? try row.decode(column: "owner_id", as: UUID?.self) : nil)
        return (pk, decoded)
    }

    /// - Parameter plans: whether to read the RPJMD tree and the DPA too; the early warning of an inbox needs neither
    ///   and is then three statements.
    public static func load(pemdaID: UUID, year: Int, plans: Bool = true, on db: any Database) async throws -> CapaianBoard {
        try await loadMany(pemdaIDs: [pemdaID], year: year, plans: plans, on: db)[0]
    }

    /// The boards of several Pemda, in their order, with the rows and entries of all of them read in one statement
    /// each: a national recompute reads a batch at a time. A statement a Pemda made PostgreSQL read the country's PK
    /// rows again for each one (its plan at 50 Pemda), where one for the batch reads them once.
    public static func loadMany(pemdaIDs: [UUID], year: Int, plans: Bool = true, on db: any Database) async throws -> [CapaianBoard] {
        guard !pemdaIDs.isEmpty else { return [] }
        struct Parts {
            var pks: [Pk] = []
            var seen: Set<UUID> = []
            var rows: [Row] = []
            var table = EntryTable()
        }
        var parts: [UUID: Parts] = [:]
        // 1. The rows of every PK in force (`rowsStatement`).
        for (pemda, pk, decoded) in try await loadRows(pemdaIDs: pemdaIDs, year: year, on: db) {
            var placed = decoded
            placed.slot = parts[pemda, default: Parts()].table.slot(RowRef(jabatanID: decoded.jabatanID, key: decoded.key))
            if parts[pemda, default: Parts()].seen.insert(pk.id).inserted { parts[pemda, default: Parts()].pks.append(pk) }
            parts[pemda, default: Parts()].rows.append(placed)
        }

        // 2. The newest and newest accepted entry of each indicator and quarter (`entriesStatement`).
        for entry in try await loadEntries(pemdaIDs: pemdaIDs, year: year, on: db) {
            // Bounded before it indexes: a stored period or month out of range is skipped, never trapped on.
            guard let offset = EntryTable.offset(period: entry.period, month: entry.month) else { continue }
            parts[entry.pemdaID, default: Parts()].table.record(entry, at: offset)
        }

        var boards: [CapaianBoard] = []
        for pemdaID in pemdaIDs {
            let part = parts[pemdaID] ?? Parts()
            boards.append(try await finish(pemdaID: pemdaID, year: year, plans: plans, pks: part.pks, rows: part.rows,
                                           table: part.table, on: db))
        }
        return boards
    }

    /// Statements 3 to 5 of one Pemda, which are small: its windows, RPJMD and DPA.
    private static func finish(pemdaID: UUID, year: Int, plans: Bool, pks: [Pk], rows: [Row], table: EntryTable,
                               on db: any Database) async throws -> CapaianBoard
    {
        let sql = try db.sql
        // 3. The windows.
        let windows = try await RealisasiLedger.windows(pemdaID: pemdaID, year: year, on: db)

        guard plans else {
            return CapaianBoard(year: year, pks: pks, rows: rows, windows: windows, strategic: [], pagu: [:],
                                budgetRealised: [:], table: table)
        }
        // 4. The RPJMD whose period holds the year: misi, tujuan and sasaran with their weights.
        let strategic = try await strategic(pemdaID: pemdaID, year: year, on: db)

        // 5. Each DPA's pagu (its programs) and realisation per quarter, summed in SQL, one row a unit. Correlated
        // per DPA: `dpa_pagu` has no Pemda of its own, and joined whole PostgreSQL hashed the country's lines for
        // each Pemda (36 ms a Pemda of a national recompute, where these index lookups take under one).
        func realisedIn(_ quarter: Int) -> String {
            """
            (SELECT CAST(COALESCE(SUM(r.amount), 0) AS BIGINT) FROM dpa_pagu dp JOIN realisasi_anggaran r ON r.dpa_pagu_id = dp.id
             WHERE dp.dpa_id = d.id AND r.period = \(quarter) AND r.year = d.year AND \(AnggaranQueries.newest)) AS tw\(quarter)
            """
        }
        var pagu: [UUID: Int64] = [:]
        var budgetRealised: [UUID: [Int64]] = [:]
        for row in try await sql.raw("""
            SELECT d.unit_id, (SELECT \(unsafeRaw: DpaQueries.programTotal) FROM dpa_pagu p WHERE p.dpa_id = d.id) AS pagu,
                   \(unsafeRaw: Triwulan.all.map(realisedIn).joined(separator: ", "))
            FROM dpa d
            WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
            """).all()
        {
            let unit = try row.decode(column: "unit_id", as: UUID.self)
            pagu[unit] = try row.decode(column: "pagu", as: Int64.self)
            budgetRealised[unit] = try Triwulan.all.map { try row.decode(column: "tw\($0)", as: Int64.self) }
        }
        return CapaianBoard(year: year, pks: pks, rows: rows, windows: windows, strategic: strategic, pagu: pagu,
                            budgetRealised: budgetRealised, table: table)
    }
}
