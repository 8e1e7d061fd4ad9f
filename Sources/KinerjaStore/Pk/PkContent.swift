import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Everything stored about one PK version and around it, read through SQLKit in a fixed number of statements however
/// many rows, links or versions it has: the PK page, the print view, the PDF and the workflow's checks all start from
/// it, so that they cannot disagree.
public struct PkContent: Sendable {
    public struct Version: PkVersioned, Sendable, Hashable {
        public var id: UUID
        public var version: Int
        public var status: PkStatus
        public var signedOn: CalendarDate?
        public var sha256: String?
        public var signatures: [PkParty: PkSigner]
        public var signedDays: [PkParty: CalendarDate]
    }

    public struct Row: Sendable, Hashable {
        public var id: UUID
        public var pkID: UUID
        public var key: String
        public var sasaran: String
        public var indikator: String
        public var satuan: String
        public var spec: IndicatorSpec
        /// Canonical, as stored.
        public var target: String
        /// Canonical targets of TW I–IV; empty where none is planned.
        public var quarterly: [String]
        public var renstraTarget: String?
        public var changeReason: String?
        /// Some indicator of a subordinate's PK serves this row's key.
        public var served: Bool
        /// The weight of the indicator the row was drawn from (Manual IKU), 1 when none is set: the roll-up's weight.
        public var weight: FixedDecimal = FixedDecimal(1)
    }

    public struct Link: Sendable, Hashable {
        public var rowID: UUID
        public var superiorRowID: UUID
        public var superiorIndikator: String
        public var superiorJabatanID: UUID
    }

    public struct Budget: Sendable, Hashable {
        public var id: UUID
        public var pkID: UUID
        public var code: String
        public var name: String
        public var amount: Int64
        /// The DPA's budget realisation of TW I–IV under this code (its own line, or the sum of the sub kegiatan
        /// under it), of the PK's Perangkat Daerah or, for the Kepala Daerah, of all of them.
        public var realised: [Int64]
    }

    public struct Event: Sendable, Hashable {
        public var at: Date
        public var by: String
        public var action: String
        public var from: PkStatus
        public var to: PkStatus
        public var reason: String?
    }

    /// An indicator of another PK a row may serve.
    public struct Option: Sendable, Hashable {
        public var rowID: UUID
        public var jabatanID: UUID
        public var sasaran: String
        public var indikator: String
    }

    public var id: UUID
    public var pemdaID: UUID
    public var year: Int
    public var level: PkLevel
    public var unitID: UUID?
    public var jabatanID: UUID
    public var superiorID: UUID?
    public var previousID: UUID?
    public var revision: PkRevision?
    public var submittedBy: UUID?
    public var updatedAt: Date?
    /// Every version of the position's PK for the year, oldest first; `current` is this one.
    public var versions: [Version]
    public var rows: [Row]
    public var previousRows: [Row]
    public var links: [Link]
    public var budget: [Budget]
    public var previousBudget: [Budget]
    /// The DPA pagu of each budget code: of the PK's Perangkat Daerah, or of all of them for the Kepala Daerah.
    public var dpaAmounts: [String: Int64]
    public var hasDpa: Bool
    public var events: [Event]
    /// The superior's PK of the year (its newest version), for the link choice; empty when not asked for.
    public var options: [Option]
    /// Positions directly under this one that have a PK of the year.
    public var subordinatesWithPk: Set<UUID>

    public var current: Version { versions.first { $0.id == id } ?? versions[versions.count - 1] }
    public var status: PkStatus { current.status }
    public var version: Int { current.version }
    public var isLatest: Bool { PkVersions.latest(versions)?.id == id }
    /// This version is the PK in force: the one measured through the year.
    public var isInForce: Bool { PkVersions.inForce(versions)?.id == id }

    /// - Parameter page: whether to read what only the page shows (history, link choices, cascade).
    public static func load(_ pkID: UUID, pemdaID: UUID, organisation o: PemdaOrganisation, page: Bool = true,
                            on db: any Database) async throws -> PkContent?
    {
        let sql = try db.sql
        // 1. Every version of this position's PK for the year, with seals and signatures.
        let versionRows = try await sql.raw("""
            SELECT p.id, p.version, p.status, p.signed_on, p.level, p.year, p.unit_id, p.jabatan_id, p.superior_jabatan_id,
                   p.previous_id, p.revision_ground, p.legal_number, p.legal_date, p.submitted_by, p.updated_at, s.sha256,
                   a.name AS a_name, a.nip AS a_nip, a.pangkat AS a_pangkat, a.jabatan AS a_jabatan, a.signed_on AS a_on,
                   b.name AS b_name, b.nip AS b_nip, b.pangkat AS b_pangkat, b.jabatan AS b_jabatan, b.signed_on AS b_on
            FROM pk p JOIN pk q ON q.jabatan_id = p.jabatan_id AND q.year = p.year
            LEFT JOIN pk_seal s ON s.pk_id = p.id
            LEFT JOIN pk_signature a ON a.pk_id = p.id AND a.party = 'pihakPertama'
            LEFT JOIN pk_signature b ON b.pk_id = p.id AND b.party = 'pihakKedua'
            WHERE q.id = \(bind: pkID) AND q.pemda_id = \(bind: pemdaID) AND p.pemda_id = \(bind: pemdaID)
            ORDER BY p.version
            """).all()
        guard let head = try versionRows.first(where: { try $0.decode(column: "id", as: UUID.self) == pkID }) else { return nil }
        let versions = try versionRows.map { row in
            var signatures: [PkParty: PkSigner] = [:]
            var days: [PkParty: CalendarDate] = [:]
            for (party, p) in [(PkParty.pihakPertama, "a_"), (.pihakKedua, "b_")] {
                guard let name = try row.decode(column: p + "name", as: String?.self) else { continue }
                signatures[party] = PkSigner(name: name, nip: try row.decode(column: p + "nip", as: String?.self),
                                             pangkat: try row.decode(column: p + "pangkat", as: String?.self) ?? "",
                                             jabatan: try row.decode(column: p + "jabatan", as: String?.self) ?? "")
                days[party] = try row.decode(column: p + "on", as: String?.self).flatMap(CalendarDate.init(iso:))
            }
            return Version(id: try row.decode(column: "id", as: UUID.self), version: try row.decode(column: "version", as: Int.self),
                           status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draf,
                           signedOn: try row.decode(column: "signed_on", as: String?.self).flatMap(CalendarDate.init(iso:)),
                           sha256: try row.decode(column: "sha256", as: String?.self), signatures: signatures, signedDays: days)
        }
        let level = PkLevel(rawValue: try head.decode(column: "level", as: String.self)) ?? .pengawas
        let year = try head.decode(column: "year", as: Int.self)
        let unitID = try head.decode(column: "unit_id", as: UUID?.self)
        let jabatanID = try head.decode(column: "jabatan_id", as: UUID.self)
        let superiorID = try head.decode(column: "superior_jabatan_id", as: UUID?.self)
        let previousID = try head.decode(column: "previous_id", as: UUID?.self)
        var revision: PkRevision?
        if let ground = try head.decode(column: "revision_ground", as: String?.self).flatMap(PerubahanGround.init(rawValue:)),
           let number = try head.decode(column: "legal_number", as: String?.self),
           let date = try head.decode(column: "legal_date", as: String?.self).flatMap(CalendarDate.init(iso:))
        {
            revision = PkRevision(ground: ground, legalNumber: number, legalDate: date)
        }
        let both: [any Encodable & Sendable] = [pkID] + (previousID.map { [$0] } ?? [])

        // 2. The rows of this version and the one before, each knowing whether a subordinate serves its key.
        var rows: [Row] = []
        var previousRows: [Row] = []
        for row in try await sql.raw("""
            SELECT r.id, r.pk_id, r.key, r.sasaran, r.indikator, r.satuan, r.spec, r.target, r.tw1, r.tw2, r.tw3, r.tw4,
                   r.renstra_target, r.change_reason, i.weight,
                   EXISTS (SELECT 1 FROM pk_link l JOIN pk_indikator sr ON sr.id = l.superior_row_id
                           JOIN pk sp ON sp.id = sr.pk_id
                           WHERE sp.jabatan_id = \(bind: jabatanID) AND sp.year = \(bind: year) AND sr.key = r.key) AS served
            FROM pk_indikator r LEFT JOIN indikator i ON i.id = r.source_indikator_id
            WHERE r.pk_id IN (\(binds: both)) ORDER BY r.sort_order
            """).all()
        {
            let decoded = Row(
                id: try row.decode(column: "id", as: UUID.self), pkID: try row.decode(column: "pk_id", as: UUID.self),
                key: try row.decode(column: "key", as: String.self), sasaran: try row.decode(column: "sasaran", as: String.self),
                indikator: try row.decode(column: "indikator", as: String.self), satuan: try row.decode(column: "satuan", as: String.self),
                spec: PkRow.decodeSpec(try row.decode(column: "spec", as: String.self)),
                target: try row.decode(column: "target", as: String.self),
                quarterly: try ["tw1", "tw2", "tw3", "tw4"].map { try row.decode(column: $0, as: String.self) },
                renstraTarget: try row.decode(column: "renstra_target", as: String?.self),
                changeReason: try row.decode(column: "change_reason", as: String?.self),
                served: try row.decode(column: "served", as: Bool.self),
                weight: try row.decode(column: "weight", as: String?.self).flatMap(FixedDecimal.init(canonical:)) ?? FixedDecimal(1))
            if decoded.pkID == pkID { rows.append(decoded) } else { previousRows.append(decoded) }
        }

        // 3. The superior indicators each row serves, with their names: no lookup per link.
        let links = try await sql.raw("""
            SELECT l.row_id, l.superior_row_id, sr.indikator, sp.jabatan_id
            FROM pk_link l JOIN pk_indikator r ON r.id = l.row_id JOIN pk_indikator sr ON sr.id = l.superior_row_id
            JOIN pk sp ON sp.id = sr.pk_id
            WHERE r.pk_id = \(bind: pkID)
            """).all().map { row in
            Link(rowID: try row.decode(column: "row_id", as: UUID.self), superiorRowID: try row.decode(column: "superior_row_id", as: UUID.self),
                 superiorIndikator: try row.decode(column: "indikator", as: String.self),
                 superiorJabatanID: try row.decode(column: "jabatan_id", as: UUID.self))
        }

        // 4. The budget lines of this version and the one before, each with the pagu of its code in the year's DPA
        // (summed in SQL over every Perangkat Daerah for the Kepala Daerah's PK, which spans them all), and whether
        // the DPA is there at all. The DPA is grouped once and joined, not summed again per line: the Kepala Daerah's
        // PK has a line per program of the Pemda. The budget realisation is summed the same way, per code and quarter
        // from the newest entries, and each line takes the codes at or under its own.
        let opd = level == .pemda ? nil : o.opd(of: unitID)
        let allUnits = level == .pemda
        var budget: [Budget] = []
        var previousBudget: [Budget] = []
        var dpaAmounts: [String: Int64] = [:]
        var dpaCount: Int?
        for row in try await sql.raw("""
            SELECT b.id, b.pk_id, b.code, b.name, b.amount, b.sort_order, t.amount AS dpa_amount, c.n AS dpa_count,
                   CAST(COALESCE(SUM(ra.tw1), 0) AS BIGINT) AS tw1, CAST(COALESCE(SUM(ra.tw2), 0) AS BIGINT) AS tw2,
                   CAST(COALESCE(SUM(ra.tw3), 0) AS BIGINT) AS tw3, CAST(COALESCE(SUM(ra.tw4), 0) AS BIGINT) AS tw4
            FROM pk_anggaran b
            LEFT JOIN (SELECT dp.code, CAST(SUM(dp.amount) AS BIGINT) AS amount FROM dpa d JOIN dpa_pagu dp ON dp.dpa_id = d.id
                       WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
                         AND (\(bind: allUnits) OR d.unit_id = \(bind: opd)) GROUP BY dp.code) t ON t.code = b.code
            CROSS JOIN (SELECT COUNT(*) AS n FROM dpa d WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
                          AND (\(bind: allUnits) OR d.unit_id = \(bind: opd))) c
            LEFT JOIN (SELECT dp.code,
                              SUM(CASE WHEN r.period = 1 THEN r.amount ELSE 0 END) AS tw1, SUM(CASE WHEN r.period = 2 THEN r.amount ELSE 0 END) AS tw2,
                              SUM(CASE WHEN r.period = 3 THEN r.amount ELSE 0 END) AS tw3, SUM(CASE WHEN r.period = 4 THEN r.amount ELSE 0 END) AS tw4
                       FROM realisasi_anggaran r JOIN dpa_pagu dp ON dp.id = r.dpa_pagu_id JOIN dpa d ON d.id = dp.dpa_id
                       WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year) AND (\(bind: allUnits) OR d.unit_id = \(bind: opd))
                         AND \(unsafeRaw: AnggaranQueries.newest)
                       GROUP BY dp.code) ra ON ra.code = b.code OR ra.code LIKE b.code || '.%'
            WHERE b.pk_id IN (\(binds: both))
            GROUP BY b.id, b.pk_id, b.code, b.name, b.amount, b.sort_order, t.amount, c.n
            ORDER BY b.sort_order
            """).all()
        {
            let line = Budget(id: try row.decode(column: "id", as: UUID.self), pkID: try row.decode(column: "pk_id", as: UUID.self),
                              code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                              amount: try row.decode(column: "amount", as: Int64.self),
                              realised: try ["tw1", "tw2", "tw3", "tw4"].map { try row.decode(column: $0, as: Int64.self) })
            dpaCount = try row.decode(column: "dpa_count", as: Int.self)
            if line.pkID == pkID {
                budget.append(line)
                if let amount = try row.decode(column: "dpa_amount", as: Int64?.self) { dpaAmounts[line.code] = amount }
            } else {
                previousBudget.append(line)
            }
        }
        if dpaCount == nil {
            // No budget lines: whether the DPA exists still decides a check.
            dpaCount = try await sql.raw("""
                SELECT COUNT(*) AS n FROM dpa d WHERE d.pemda_id = \(bind: pemdaID) AND d.year = \(bind: year)
                  AND (\(bind: allUnits) OR d.unit_id = \(bind: opd))
                """).first()?.decode(column: "n", as: Int.self)
        }
        let hasDpa = (dpaCount ?? 0) > 0

        var events: [Event] = []
        var options: [Option] = []
        var subordinatesWithPk: Set<UUID> = []
        if page {
            // 6. The history, with people's names.
            events = try await sql.raw("""
                SELECT e.at, COALESCE(u.display_name, e.user_name) AS by_name, e.action, e.from_status, e.to_status, e.reason
                FROM pk_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.pk_id = \(bind: pkID) ORDER BY e.seq
                """).all().map { row in
                Event(at: try row.decode(column: "at", as: Date.self), by: try row.decode(column: "by_name", as: String.self),
                      action: try row.decode(column: "action", as: String.self),
                      from: PkStatus(rawValue: try row.decode(column: "from_status", as: String.self)) ?? .draf,
                      to: PkStatus(rawValue: try row.decode(column: "to_status", as: String.self)) ?? .draf,
                      reason: try row.decode(column: "reason", as: String?.self))
            }
            // 7. The superior's PK (its newest version): the indicators a row is linked to first.
            if let superiorID, level != .pemda {
                options = try await sql.raw("""
                    SELECT r.id, r.sasaran, r.indikator FROM pk_indikator r JOIN pk p ON p.id = r.pk_id
                    WHERE p.jabatan_id = \(bind: superiorID) AND p.year = \(bind: year)
                      AND p.version = (SELECT MAX(version) FROM pk WHERE jabatan_id = \(bind: superiorID) AND year = \(bind: year))
                    ORDER BY r.sort_order
                    """).all().map { row in
                    Option(rowID: try row.decode(column: "id", as: UUID.self), jabatanID: superiorID,
                           sasaran: try row.decode(column: "sasaran", as: String.self),
                           indikator: try row.decode(column: "indikator", as: String.self))
                }
            }
            // 8. The positions under this one that have a PK of the year.
            if !(o.subordinates[jabatanID] ?? []).isEmpty {
                subordinatesWithPk = Set(try await sql.raw("""
                    SELECT DISTINCT jabatan_id FROM pk
                    WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year) AND superior_jabatan_id = \(bind: jabatanID)
                    """).all().map { try $0.decode(column: "jabatan_id", as: UUID.self) })
            }
        }
        return PkContent(
            id: pkID, pemdaID: pemdaID, year: year, level: level, unitID: unitID, jabatanID: jabatanID, superiorID: superiorID,
            previousID: previousID, revision: revision, submittedBy: try head.decode(column: "submitted_by", as: UUID?.self),
            updatedAt: try head.decode(column: "updated_at", as: Date?.self), versions: versions, rows: rows,
            previousRows: previousRows, links: links, budget: budget, previousBudget: previousBudget, dpaAmounts: dpaAmounts,
            hasDpa: hasDpa, events: events, options: options, subordinatesWithPk: subordinatesWithPk)
    }

    /// Indicators of other PKs at the superior's level whose name or sasaran holds every word of `query`: the
    /// crosscutting links, found by search rather than listed whole.
    public static func searchOptions(for content: PkContent, query: String, organisation o: PemdaOrganisation,
                                     on db: any Database) async throws -> [Option]
    {
        guard let superiorID = content.superiorID, let superiorLevel = o.pkLevel(of: superiorID) else { return [] }
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).prefix(5).map(String.init)
        guard !words.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT r.id, r.sasaran, r.indikator, p.jabatan_id, p.version,
                   (SELECT MAX(version) FROM pk p2 WHERE p2.jabatan_id = p.jabatan_id AND p2.year = p.year) AS newest
            FROM pk_indikator r JOIN pk p ON p.id = r.pk_id
            WHERE p.pemda_id = \(bind: content.pemdaID) AND p.year = \(bind: content.year) AND p.level = \(bind: superiorLevel.rawValue)
              AND p.jabatan_id <> \(bind: superiorID)
            ORDER BY p.jabatan_id, r.sort_order
            """).all()
        var out: [Option] = []
        for row in rows where try row.decode(column: "version", as: Int.self) == row.decode(column: "newest", as: Int.self) {
            let option = Option(rowID: try row.decode(column: "id", as: UUID.self), jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                                sasaran: try row.decode(column: "sasaran", as: String.self),
                                indikator: try row.decode(column: "indikator", as: String.self))
            let haystack = (option.indikator + " " + option.sasaran + " " + (o.positions[option.jabatanID]?.name ?? "")).lowercased()
            if words.allSatisfy({ haystack.contains($0) }) { out.append(option) }
            if out.count >= 50 { break }
        }
        return out
    }
}

extension PkContent.Row {
    /// The row as the drafting checks see it.
    func checkRow(superiorLinks: Int) -> PkCheckRow {
        PkCheckRow(indikator: indikator, satuan: satuan, spec: spec, target: target,
                   quarterly: quarterly.map { $0.isEmpty ? nil : $0 }, renstraTarget: renstraTarget, superiorLinks: superiorLinks)
    }

    /// The row as printed: targets displayed the Indonesian way.
    public var performanceRow: PkPerformanceRow {
        PkPerformanceRow(key: key, sasaran: sasaran, indikator: indikator, satuan: satuan,
                         target: TargetDisplay.text(target, spec: spec),
                         quarterly: quarterly.map { $0.isEmpty ? "" : TargetDisplay.text($0, spec: spec) })
    }
}
