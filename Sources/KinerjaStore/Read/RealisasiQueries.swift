import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The realisation of one PK series (a position's PK for a year, whichever version): every history row, the evidence
/// files without their bytes, and the year's "Realisasi TW" windows, in three statements however many rows.
public struct RealisasiLedger: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var pkID: UUID
        public var rowKey: String
        public var period: Int
        /// 0 for a quarter's entry; 1–12 for a month of a monthly indicator.
        public var month: Int
        public var seq: Int
        public var value: String
        public var tdiReason: String?
        public var confidence: Int?
        public var forecast: String?
        public var narrative: RealisasiNarrative
        public var status: RealisasiStatus
        public var lateReason: String?
        public var authorID: UUID?
        public var authorName: String
        public var enteredAt: Date
        public var judgement: FixedDecimal?
        public var verifierName: String?
        public var verifiedAt: Date?
        public var returnReason: String?

        public func realisasi(spec: IndicatorSpec) -> Realisasi? {
            RealisasiEntryRules.parseStored(value, spec: spec, judgement: judgement)
        }

        /// Whether a new save says what this entry says: saving an unchanged screen again adds no history row.
        func says(_ record: RealisasiRecord) -> Bool {
            value == record.canonical && tdiReason == record.tdiReason && confidence == record.confidence
                && forecast == record.forecastCanonical && narrative == record.narrative
        }
    }

    public struct Bukti: Sendable, Hashable {
        public var id: UUID
        public var rowKey: String
        public var period: Int
        public var fileName: String
        public var kind: BuktiKind
        public var size: Int
        public var uploaderName: String
        public var uploadedAt: Date
    }

    public let jabatanID: UUID
    public let year: Int
    /// Oldest first within each indicator, quarter and month.
    public let entries: [Entry]
    public let bukti: [Bukti]
    /// TW I–IV; nil where no window is set.
    public let windows: [JadwalWindow?]
    /// Positions in `entries` by indicator, quarter and month: a page asks for every row and quarter.
    private let index: [String: [Int]]
    /// The highest sequence number of each indicator and quarter, over its months.
    private let lastSeq: [String: Int]

    init(jabatanID: UUID, year: Int, entries: [Entry], bukti: [Bukti], windows: [JadwalWindow?]) {
        self.jabatanID = jabatanID
        self.year = year
        self.entries = entries
        self.bukti = bukti
        self.windows = windows
        var index: [String: [Int]] = [:]
        var lastSeq: [String: Int] = [:]
        for (n, entry) in entries.enumerated() {
            index["\(entry.rowKey)|\(entry.period)|\(entry.month)", default: []].append(n)
            lastSeq["\(entry.rowKey)|\(entry.period)"] = max(lastSeq["\(entry.rowKey)|\(entry.period)"] ?? 0, entry.seq)
        }
        self.index = index
        self.lastSeq = lastSeq
    }

    /// The history of one indicator and quarter (or one month of it), oldest first.
    public func history(key: String, period: Int, month: Int = 0) -> [Entry] {
        (index["\(key)|\(period)|\(month)"] ?? []).map { entries[$0] }
    }

    /// Every entry of an indicator's quarter, its months' included, oldest first.
    public func quarterHistory(key: String, period: Int) -> [Entry] {
        ([0] + Array(Bulan.of(quarter: period))).flatMap { history(key: key, period: period, month: $0) }.sorted { $0.seq < $1.seq }
    }

    /// The sequence number the next entry of an indicator and quarter takes (months of a quarter share one run).
    func nextSeq(key: String, period: Int) -> Int { (lastSeq["\(key)|\(period)"] ?? 0) + 1 }

    public func latest(key: String, period: Int, month: Int = 0) -> Entry? { history(key: key, period: period, month: month).last }

    /// The figure of the quarter (or month): the newest accepted entry.
    public func accepted(key: String, period: Int, month: Int = 0) -> Entry? {
        history(key: key, period: period, month: month).last { $0.status == .diterima }
    }

    /// The newest entries of a row's quarter as they are entered: the quarter itself (month 0), or each of its three
    /// months for a monthly indicator.
    public func slots(_ reporting: ReportingPeriod, period: Int) -> [Int] {
        reporting == .monthly ? Array(Bulan.of(quarter: period)) : [0]
    }

    /// The newest entry of each slot of a row's quarter that has one: the quarter's, or each entered month's.
    public func latestEntries(key: String, period: Int, reporting: ReportingPeriod) -> [Entry] {
        slots(reporting, period: period).compactMap { latest(key: key, period: period, month: $0) }
    }

    /// The accepted value of one quarter alone, its months combined for a monthly indicator.
    public func acceptedValue(key: String, period: Int, spec: IndicatorSpec) -> Realisasi? {
        guard spec.reporting == .monthly else { return accepted(key: key, period: period)?.realisasi(spec: spec) }
        let year = Triwulan.all.flatMap { q in slots(.monthly, period: q).map { accepted(key: key, period: q, month: $0)?.realisasi(spec: spec) } }
        return PeriodAggregation.quarterValue(year, quarter: period, spec: spec)
    }

    /// The newest entry of each slot of the year in order (quarters, or months), for the checks of a new value.
    public func latestOfYear(key: String, reporting: ReportingPeriod) -> [Entry?] {
        Triwulan.all.flatMap { q in slots(reporting, period: q).map { latest(key: key, period: q, month: $0) } }
    }

    public func bukti(key: String, period: Int) -> [Bukti] {
        bukti.filter { $0.rowKey == key && $0.period == period }
    }

    /// What the engine measures a row by: accepted values only, and the newest accepted forecast.
    public func measurement(key: String, sasaran: String, spec: IndicatorSpec, target: String, quarterly: [String],
                            weight: FixedDecimal = FixedDecimal(1)) -> IndicatorMeasurement
    {
        let accepted = Triwulan.all.flatMap { q in slots(spec.reporting, period: q).map { self.accepted(key: key, period: q, month: $0) } }
        let forecast = accepted.reversed().lazy.compactMap { $0?.forecast }.first
            .flatMap { RealisasiEntryRules.parseStored($0, spec: spec) }
        return IndicatorMeasurement(
            key: key, sasaran: sasaran, spec: spec, weight: weight, yearTarget: TargetInput.parseStored(target, for: spec),
            periodTargets: quarterly.map { TargetInput.parseStored($0, for: spec) },
            accepted: accepted.map { $0?.realisasi(spec: spec) }, forecast: forecast)
    }

    public static func load(pemdaID: UUID, jabatanID: UUID, year: Int, on db: any Database) async throws -> RealisasiLedger {
        let sql = try db.sql
        let entries = try await sql.raw("""
            SELECT id, pk_id, row_key, period, month, seq, value, tdi_reason, confidence, forecast, supporting, obstacles,
                   follow_up, status, late_reason, author_id, author_name, entered_at, judgement, verifier_name,
                   verified_at, return_reason
            FROM realisasi WHERE pemda_id = \(bind: pemdaID) AND jabatan_id = \(bind: jabatanID) AND year = \(bind: year)
            ORDER BY row_key, period, month, seq
            """).all().map { row in
            Entry(id: try row.decode(column: "id", as: UUID.self), pkID: try row.decode(column: "pk_id", as: UUID.self),
                  rowKey: try row.decode(column: "row_key", as: String.self), period: try row.decode(column: "period", as: Int.self),
                  month: try row.decode(column: "month", as: Int.self), seq: try row.decode(column: "seq", as: Int.self), value: try row.decode(column: "value", as: String.self),
                  tdiReason: try row.decode(column: "tdi_reason", as: String?.self),
                  confidence: try row.decode(column: "confidence", as: Int?.self),
                  forecast: try row.decode(column: "forecast", as: String?.self),
                  narrative: RealisasiNarrative(supporting: try row.decode(column: "supporting", as: String.self),
                                                obstacles: try row.decode(column: "obstacles", as: String.self),
                                                followUp: try row.decode(column: "follow_up", as: String.self)),
                  status: RealisasiStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .diajukan,
                  lateReason: try row.decode(column: "late_reason", as: String?.self),
                  authorID: try row.decode(column: "author_id", as: UUID?.self),
                  authorName: try row.decode(column: "author_name", as: String.self),
                  enteredAt: try row.decode(column: "entered_at", as: Date.self),
                  judgement: try row.decode(column: "judgement", as: String?.self).flatMap(FixedDecimal.init(canonical:)),
                  verifierName: try row.decode(column: "verifier_name", as: String?.self),
                  verifiedAt: try row.decode(column: "verified_at", as: Date?.self),
                  returnReason: try row.decode(column: "return_reason", as: String?.self))
        }
        let bukti = try await sql.raw("""
            SELECT id, row_key, period, file_name, kind, size, uploader_name, uploaded_at FROM realisasi_bukti
            WHERE pemda_id = \(bind: pemdaID) AND jabatan_id = \(bind: jabatanID) AND year = \(bind: year)
            ORDER BY uploaded_at, file_name
            """).all().map { row in
            Bukti(id: try row.decode(column: "id", as: UUID.self), rowKey: try row.decode(column: "row_key", as: String.self),
                  period: try row.decode(column: "period", as: Int.self), fileName: try row.decode(column: "file_name", as: String.self),
                  kind: BuktiKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pdf,
                  size: try row.decode(column: "size", as: Int.self),
                  uploaderName: try row.decode(column: "uploader_name", as: String.self),
                  uploadedAt: try row.decode(column: "uploaded_at", as: Date.self))
        }
        let windows = try await windows(pemdaID: pemdaID, year: year, on: db)
        return RealisasiLedger(jabatanID: jabatanID, year: year, entries: entries, bukti: bukti, windows: windows)
    }

    /// The year's "Realisasi TW" windows, TW I–IV; nil where none is set. One statement.
    public static func windows(pemdaID: UUID, year: Int, on db: any Database) async throws -> [JadwalWindow?] {
        let sql = try db.sql
        var windows: [JadwalWindow?] = [nil, nil, nil, nil]
        let stages = Triwulan.all.map { Triwulan.stage($0).rawValue }
        for row in try await sql.raw("""
            SELECT stage, opens, closes, reopened_until FROM jadwal
            WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year) AND stage IN (\(binds: stages))
            """).all()
        {
            guard let stage = JadwalStage(rawValue: try row.decode(column: "stage", as: String.self)),
                let index = stages.firstIndex(of: stage.rawValue),
                let opens = CalendarDate(iso: try row.decode(column: "opens", as: String.self)),
                let closes = CalendarDate(iso: try row.decode(column: "closes", as: String.self))
            else { continue }
            windows[index] = try? JadwalWindow(stage: stage, opens: opens, closes: closes,
                                               reopenedUntil: try row.decode(column: "reopened_until", as: String?.self).flatMap(CalendarDate.init(iso:)))
        }
        return windows
    }

    /// One evidence file with its bytes, if it belongs to the Pemda.
    public static func buktiFile(_ id: UUID, pemdaID: UUID, on db: any Database) async throws
        -> (jabatanID: UUID, year: Int, fileName: String, kind: BuktiKind, content: Data)?
    {
        guard let row = try await db.sql.raw("""
            SELECT jabatan_id, year, file_name, kind, content FROM realisasi_bukti
            WHERE id = \(bind: id) AND pemda_id = \(bind: pemdaID)
            """).first()
        else { return nil }
        return (try row.decode(column: "jabatan_id", as: UUID.self), try row.decode(column: "year", as: Int.self),
                try row.decode(column: "file_name", as: String.self),
                BuktiKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pdf,
                try row.decode(column: "content", as: Data.self))
    }
}

extension PemdaInfo {
    /// The Pemda's engine: its cap and its predikat scale.
    public var capaianEngine: CapaianEngine {
        CapaianEngine(policy: CapaianPolicy(cap: capaianCap),
                      scale: PredikatScale.builtin.first { $0.id == predikatScale } ?? .permendagri86)
    }
}
