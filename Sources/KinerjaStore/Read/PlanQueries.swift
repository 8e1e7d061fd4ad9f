import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The RPJMD tree and a Renstra, with their indicators and targets: a few SQLKit statements each, whatever the size
/// of the tree (the targets come in one statement joined to their indicators, not one per indicator).
public enum PlanQueries {
    public static func rpjmd(pemda: PemdaInfo, on db: any Database) async throws -> RpjmdTree? {
        let sql = try db.sql
        guard let periode = try await sql.raw("""
            SELECT id, start_year, end_year, perda_number, perda_date, visi FROM periode_rpjmd
            WHERE pemda_id = \(bind: pemda.id) ORDER BY start_year DESC LIMIT 1
            """).first()
        else { return nil }
        let periodeID = try periode.decode(column: "id", as: UUID.self)
        let ref = PeriodeRef(startYear: try periode.decode(column: "start_year", as: Int.self),
                             endYear: try periode.decode(column: "end_year", as: Int.self),
                             perdaNumber: try periode.decode(column: "perda_number", as: String.self),
                             perdaDate: try periode.decode(column: "perda_date", as: String.self))
        // The whole outline in one statement: misi, each with its tujuan, each with its sasaran.
        let outline = try await sql.raw("""
            SELECT m.id AS m_id, m.number AS m_number, m.text AS m_text, t.id AS t_id, t.number AS t_number,
                   t.text AS t_text, s.id AS s_id, s.number AS s_number, s.text AS s_text
            FROM misi m LEFT JOIN tujuan t ON t.misi_id = m.id LEFT JOIN sasaran_rpjmd s ON s.tujuan_id = t.id
            WHERE m.periode_id = \(bind: periodeID) ORDER BY m.number, t.number, s.number
            """).all()
        let indikator = try await indicators(
            pemdaID: pemda.id, where: "i.owner_kind = 'sasaranRpjmd'", on: sql)
        var misi: [RpjmdTree.MisiNode] = []
        for row in outline {
            let misiID = try row.decode(column: "m_id", as: UUID.self)
            if misi.last?.id != misiID {
                misi.append(.init(id: misiID, number: try row.decode(column: "m_number", as: Int.self),
                                  text: try row.decode(column: "m_text", as: String.self), tujuan: []))
            }
            guard let tujuanID = try row.decode(column: "t_id", as: UUID?.self) else { continue }
            if misi[misi.count - 1].tujuan.last?.id != tujuanID {
                misi[misi.count - 1].tujuan.append(.init(id: tujuanID, number: try row.decode(column: "t_number", as: Int.self),
                                                         text: try row.decode(column: "t_text", as: String.self), sasaran: []))
            }
            guard let sasaranID = try row.decode(column: "s_id", as: UUID?.self) else { continue }
            let t = misi[misi.count - 1].tujuan.count - 1
            misi[misi.count - 1].tujuan[t].sasaran.append(.init(
                id: sasaranID, number: try row.decode(column: "s_number", as: Int.self),
                text: try row.decode(column: "s_text", as: String.self), indikator: indikator[sasaranID] ?? []))
        }
        return RpjmdTree(pemdaCode: pemda.code, periodeID: periodeID, periode: ref, years: Array(ref.startYear...max(ref.startYear, ref.endYear)),
                         visi: try periode.decode(column: "visi", as: String.self), misi: misi)
    }

    public static func renstra(pemda: PemdaInfo, unitID: UUID, on db: any Database) async throws -> RenstraTree? {
        let sql = try db.sql
        guard let head = try await sql.raw("""
            SELECT r.id, r.legal_number, r.legal_date, u.name AS unit_name, p.start_year, p.end_year, v.code AS version
            FROM renstra r JOIN unit u ON u.id = r.unit_id JOIN periode_rpjmd p ON p.id = r.periode_id
            LEFT JOIN nomenklatur_version v ON v.id = r.nomenklatur_version_id
            WHERE r.unit_id = \(bind: unitID) AND r.pemda_id = \(bind: pemda.id) ORDER BY r.legal_date DESC LIMIT 1
            """).first()
        else { return nil }
        let renstraID = try head.decode(column: "id", as: UUID.self)
        let sasaran = try await sql.raw("""
            SELECT rs.id, rs.number, rs.text, sr.text AS rpjmd FROM renstra_sasaran rs
            LEFT JOIN sasaran_rpjmd sr ON sr.id = rs.sasaran_rpjmd_id
            WHERE rs.renstra_id = \(bind: renstraID) ORDER BY rs.number
            """).all()
        let items = try await sql.raw("""
            SELECT id, parent_id, level, code, name FROM renstra_item WHERE renstra_id = \(bind: renstraID) ORDER BY sort_order
            """).all()
        var pagu: [UUID: [PaguView]] = [:]
        for row in try await sql.raw("""
            SELECT rp.item_id, rp.year, rp.amount FROM renstra_pagu rp JOIN renstra_item ri ON ri.id = rp.item_id
            WHERE ri.renstra_id = \(bind: renstraID) ORDER BY rp.year
            """).all()
        {
            pagu[try row.decode(column: "item_id", as: UUID.self), default: []].append(
                PaguView(year: try row.decode(column: "year", as: Int.self), amount: try row.decode(column: "amount", as: Int64.self)))
        }
        let indikator = try await indicators(pemdaID: pemda.id, where: """
            ((i.owner_kind = 'renstraSasaran' AND i.owner_id IN (SELECT id FROM renstra_sasaran WHERE renstra_id = \(bind: renstraID)))
             OR (i.owner_kind = 'renstraItem' AND i.owner_id IN (SELECT id FROM renstra_item WHERE renstra_id = \(bind: renstraID))))
            """ as SQLQueryString, on: sql)
        struct Item { var id: UUID; var parent: UUID?; var level: NomenclatureLevel; var code: String; var name: String }
        let decoded = try items.map { row in
            Item(id: try row.decode(column: "id", as: UUID.self), parent: try row.decode(column: "parent_id", as: UUID?.self),
                 level: NomenclatureLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .program,
                 code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self))
        }
        let children = Dictionary(grouping: decoded) { $0.parent }
        var visited: Set<UUID> = []
        func node(_ item: Item) -> RenstraTree.ItemNode {
            visited.insert(item.id)
            return RenstraTree.ItemNode(
                id: item.id, level: item.level, code: item.code, name: item.name, pagu: pagu[item.id] ?? [],
                indikator: indikator[item.id] ?? [],
                children: (children[item.id] ?? []).filter { !visited.contains($0.id) }.map(node))
        }
        let start = try head.decode(column: "start_year", as: Int.self)
        let end = try head.decode(column: "end_year", as: Int.self)
        return RenstraTree(
            pemdaCode: pemda.code, renstraID: renstraID, unitID: unitID, unitName: try head.decode(column: "unit_name", as: String.self),
            legalNumber: try head.decode(column: "legal_number", as: String.self),
            legalDate: try head.decode(column: "legal_date", as: String.self),
            nomenklaturVersion: try head.decode(column: "version", as: String?.self) ?? "", years: Array(start...max(start, end)),
            sasaran: try sasaran.map { s in
                let id = try s.decode(column: "id", as: UUID.self)
                return RenstraTree.SasaranNode(id: id, number: try s.decode(column: "number", as: Int.self),
                                               text: try s.decode(column: "text", as: String.self),
                                               rpjmdSasaran: try s.decode(column: "rpjmd", as: String?.self),
                                               indikator: indikator[id] ?? [])
            },
            programs: (children[nil] ?? []).map(node))
    }

    /// The unit's Renstra in force: the one enacted last, when a new RPJMD period has brought a second.
    public static func current(renstraOf unitID: UUID, on db: any Database) async throws -> Renstra? {
        try await Renstra.query(on: db).filter(\.$unit.$id == unitID).sort(\.$legalDate, .descending).first()
    }

    static func indicators(pemdaID: UUID, where condition: String, on sql: any SQLDatabase) async throws -> [UUID: [IndikatorView]] {
        try await indicators(pemdaID: pemdaID, where: SQLQueryString(condition), on: sql)
    }

    /// Indicators chosen by `condition` (on `i`), grouped by owner, each with its targets in year and period order:
    /// two statements, the targets joined to the same choice.
    static func indicators(pemdaID: UUID, where condition: SQLQueryString, on sql: any SQLDatabase) async throws
        -> [UUID: [IndikatorView]]
    {
        var targets: [UUID: [(year: Int, period: Int, value: String)]] = [:]
        for row in try await sql.raw("""
            SELECT t.indikator_id, t.year, t.period, t.value FROM indikator_target t JOIN indikator i ON i.id = t.indikator_id
            WHERE i.pemda_id = \(bind: pemdaID) AND \(condition) ORDER BY t.year, t.period
            """).all()
        {
            targets[try row.decode(column: "indikator_id", as: UUID.self), default: []].append(
                (try row.decode(column: "year", as: Int.self), try row.decode(column: "period", as: Int.self),
                 try row.decode(column: "value", as: String.self)))
        }
        var result: [UUID: [IndikatorView]] = [:]
        for row in try await sql.raw("""
            SELECT i.id, i.owner_id, i.code, i.name, i.satuan, i.kind, i.polarity, i.negative_formula, i.aggregation,
                   i.entry_mode, i.ordinal_levels, i.ordinal_rule, i.reporting_period, i.tags, i.baseline_value, i.baseline_year,
                   i.definition, i.measurement, i.data_source
            FROM indikator i WHERE i.pemda_id = \(bind: pemdaID) AND \(condition) ORDER BY i.sort_order
            """).all()
        {
            let id = try row.decode(column: "id", as: UUID.self)
            let spec = try IndikatorColumns.spec(row)
            let views = (targets[id] ?? []).map {
                TargetView(year: $0.year, period: $0.period, value: $0.value, display: TargetDisplay.text($0.value, spec: spec))
            }
            result[try row.decode(column: "owner_id", as: UUID.self), default: []].append(IndikatorView(
                id: id, code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                satuan: try row.decode(column: "satuan", as: String.self), kind: spec.kind, polarity: spec.polarity,
                aggregation: spec.aggregation, entryMode: spec.entryMode, reporting: spec.reporting,
                tags: try row.decode(column: "tags", as: String.self).split(separator: ",").map(String.init),
                baselineValue: try row.decode(column: "baseline_value", as: String?.self).map { TargetDisplay.text($0, spec: spec) },
                baselineYear: try row.decode(column: "baseline_year", as: Int?.self),
                definition: try row.decode(column: "definition", as: String.self),
                measurement: try row.decode(column: "measurement", as: String.self),
                dataSource: try row.decode(column: "data_source", as: String.self), targets: views))
        }
        return result
    }
}

/// The settings of an indicator as stored in its columns, read back into the engine's `IndicatorSpec`.
enum IndikatorColumns {
    static func spec(_ row: any SQLRow) throws -> IndicatorSpec {
        let levels = try row.decode(column: "ordinal_levels", as: String.self)
        return IndicatorSpec(
            kind: IndicatorKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .numeric,
            polarity: Polarity(rawValue: try row.decode(column: "polarity", as: String.self)) ?? .positive,
            negativeFormula: NegativeFormula(rawValue: try row.decode(column: "negative_formula", as: String.self)) ?? .inverse,
            aggregation: Aggregation(rawValue: try row.decode(column: "aggregation", as: String.self)) ?? .last,
            entryMode: EntryMode(rawValue: try row.decode(column: "entry_mode", as: String.self)) ?? .perPeriod,
            ordinalScale: levels.isEmpty ? nil : try? OrdinalScale(levels: levels.split(separator: "|").map(String.init)),
            ordinalRule: IndicatorSpec.OrdinalRule(rawValue: try row.decode(column: "ordinal_rule", as: String.self)) ?? .rankRatio,
            reporting: ReportingPeriod(rawValue: try row.decode(column: "reporting_period", as: String.self)) ?? .quarterly)
    }
}

/// Writes a stored target the Indonesian way: `7,5`, `5–5,5`, `Ada`.
public enum TargetDisplay {
    public static func text(_ canonical: String, spec: IndicatorSpec) -> String {
        guard spec.kind.isQuantitative || spec.kind == .binary, let target = TargetInput.parseStored(canonical, for: spec)
        else { return canonical }
        return IDFormat.target(target)
    }
}
