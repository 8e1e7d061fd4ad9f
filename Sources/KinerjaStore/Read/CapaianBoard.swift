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
    private let entries: [String: QuarterEntries]
    private let bukti: [String: Int]

    static func entryKey(_ jabatanID: UUID, _ rowKey: String, _ period: Int, _ month: Int = 0) -> String {
        "\(jabatanID)|\(rowKey)|\(period)|\(month)"
    }

    /// The entries of a quarter's own value (month 0), or of one month of a monthly indicator.
    public func quarter(_ row: Row, _ period: Int, month: Int = 0) -> QuarterEntries {
        entries[Self.entryKey(row.jabatanID, row.key, period, month)] ?? QuarterEntries()
    }

    /// The entries of the year in the order the engine reads them: four quarters, or twelve months.
    public func slots(_ row: Row) -> [QuarterEntries] {
        row.spec.reporting == .monthly
            ? Bulan.all.map { quarter(row, Bulan.quarter(of: $0), month: $0) }
            : Triwulan.all.map { quarter(row, $0) }
    }

    public func buktiCount(_ row: Row, _ period: Int) -> Int { bukti[Self.entryKey(row.jabatanID, row.key, period)] ?? 0 }

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
        func seen(_ e: QuarterEntries, _ q: Int) -> IndicatorWatch.Quarter {
            IndicatorWatch.Quarter(latest: e.latestStatus, isTdi: e.latestIsTdi, bukti: buktiCount(row, q))
        }
        return IndicatorWatch(key: row.key, quarters: Triwulan.all.map { q in
            monthly ? .combining(months: Bulan.of(quarter: q).map { seen(quarter(row, q, month: $0), q) }, bukti: buktiCount(row, q))
                : seen(quarter(row, q), q)
        }, capaian: capaian, forecastPeriod: Triwulan.all.last { q in
            (monthly ? Array(Bulan.of(quarter: q)) : [0]).contains { quarter(row, q, month: $0).acceptedForecast != nil }
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
        i.weight, i.owner_kind, i.owner_id
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
        let sql = try db.sql
        let signed = PkStatus.allCases.filter(\.isSigned).map(\.rawValue)
        // 1. The rows of every PK in force (the newest signed version of each position), with their PK and the weight
        // and RPJMD place of the indicator they were drawn from. A position, its PKs and the indicators they draw from
        // are all the Pemda's: saying so in every join lets PostgreSQL read this Pemda's rows only, where it otherwise
        // hashed the whole country's indicators and versions for each Pemda.
        var pks: [Pk] = []
        var seen: Set<UUID> = []
        var rows: [Row] = []
        for row in try await sql.raw("""
            SELECT \(unsafeRaw: rowColumns)
            FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
            LEFT JOIN indikator i ON i.id = r.source_indikator_id AND i.pemda_id = p.pemda_id
            WHERE p.pemda_id = \(bind: pemdaID) AND p.year = \(bind: year) AND p.status IN (\(binds: signed))
              AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.pemda_id = p.pemda_id AND n.jabatan_id = p.jabatan_id AND n.year = p.year
                              AND n.version > p.version AND n.status IN (\(binds: signed)))
            ORDER BY p.level, p.unit_id, p.jabatan_id, r.sort_order
            """).all()
        {
            let (pk, decoded) = try decodeRow(row)
            if seen.insert(pk.id).inserted { pks.append(pk) }
            rows.append(decoded)
        }

        // 2. Of each indicator and quarter, the newest entry and the newest accepted one, nothing older, with the
        // quarter's evidence counted (only a quarter with an entry can lack evidence). Entries are the Pemda's (as in
        // 1): without `n.pemda_id` the anti-join hashed every entry of the year in the country, for each Pemda.
        var entries: [String: QuarterEntries] = [:]
        var bukti: [String: Int] = [:]
        for row in try await sql.raw("""
            SELECT r.jabatan_id, r.row_key, r.period, r.month, r.seq, r.status, r.value, r.judgement, r.forecast,
                   COALESCE(b.n, 0) AS bukti
            FROM realisasi r
            LEFT JOIN (SELECT jabatan_id, row_key, period, COUNT(*) AS n FROM realisasi_bukti
                       WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year) GROUP BY jabatan_id, row_key, period) b
              ON b.jabatan_id = r.jabatan_id AND b.row_key = r.row_key AND b.period = r.period
            WHERE r.pemda_id = \(bind: pemdaID) AND r.year = \(bind: year)
              AND NOT EXISTS (SELECT 1 FROM realisasi n WHERE n.pemda_id = r.pemda_id AND n.jabatan_id = r.jabatan_id AND n.year = r.year
                              AND n.row_key = r.row_key AND n.period = r.period AND n.month = r.month AND n.seq > r.seq
                              AND (n.status = 'diterima' OR r.status <> 'diterima'))
            ORDER BY r.seq
            """).all()
        {
            let jabatanID = try row.decode(column: "jabatan_id", as: UUID.self)
            let rowKey = try row.decode(column: "row_key", as: String.self)
            let period = try row.decode(column: "period", as: Int.self)
            let key = entryKey(jabatanID, rowKey, period, try row.decode(column: "month", as: Int.self))
            let status = RealisasiStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .diajukan
            let value = try row.decode(column: "value", as: String.self)
            var quarter = entries[key] ?? QuarterEntries()
            // Ordered by seq: the last row read is the newest.
            quarter.latestStatus = status
            quarter.latestIsTdi = value == RealisasiEntryRules.tdiWord
            if status == .diterima {
                quarter.acceptedValue = value
                quarter.acceptedJudgement = try row.decode(column: "judgement", as: String?.self).flatMap(FixedDecimal.init(canonical:))
                quarter.acceptedForecast = try row.decode(column: "forecast", as: String?.self)
            }
            entries[key] = quarter
            bukti[entryKey(jabatanID, rowKey, period)] = try row.decode(column: "bukti", as: Int.self)
        }

        // 3. The windows.
        let windows = try await RealisasiLedger.windows(pemdaID: pemdaID, year: year, on: db)

        guard plans else {
            return CapaianBoard(year: year, pks: pks, rows: rows, windows: windows, strategic: [], pagu: [:],
                                budgetRealised: [:], entries: entries, bukti: bukti)
        }
        // 4. The RPJMD whose period holds the year: misi, tujuan and sasaran with their weights.
        let strategic = try await strategic(pemdaID: pemdaID, year: year, on: db)

        // 5. The DPA's pagu (its programs) and realisation per unit and quarter, summed in SQL, in one answer.
        var pagu: [UUID: Int64] = [:]
        var budgetRealised: [UUID: [Int64]] = [:]
        for row in try await sql.raw("""
            SELECT d.unit_id, 0 AS period,
                   \(unsafeRaw: DpaQueries.programTotal) AS total
            FROM dpa d LEFT JOIN dpa_pagu p ON p.dpa_id = d.id
            WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
            GROUP BY d.unit_id
            UNION ALL
            SELECT d.unit_id, r.period, CAST(SUM(r.amount) AS BIGINT) AS total FROM realisasi_anggaran r
            JOIN dpa_pagu dp ON dp.id = r.dpa_pagu_id JOIN dpa d ON d.id = dp.dpa_id
            WHERE r.pemda_id = \(bind: pemdaID) AND r.year = \(bind: year) AND \(unsafeRaw: AnggaranQueries.newest)
            GROUP BY d.unit_id, r.period
            """).all()
        {
            let unit = try row.decode(column: "unit_id", as: UUID.self)
            let period = try row.decode(column: "period", as: Int.self)
            let total = try row.decode(column: "total", as: Int64.self)
            if period == 0 { pagu[unit] = total; continue }
            guard Triwulan.all.contains(period) else { continue }
            var quarters = budgetRealised[unit] ?? [0, 0, 0, 0]
            quarters[period - 1] = total
            budgetRealised[unit] = quarters
        }
        return CapaianBoard(year: year, pks: pks, rows: rows, windows: windows, strategic: strategic, pagu: pagu,
                            budgetRealised: budgetRealised, entries: entries, bukti: bukti)
    }
}
