import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A Pemda's PK round of one year, as the board, the inbox and the Beranda need it: every version (not their rows),
/// the signatures of approved ones, the reasons of returns, hardcopies, DPA dates and the deadline rule. Two
/// statements, whatever the number of positions.
public struct PkYear: Sendable {
    public struct Version: PkVersioned, Sendable, Hashable {
        public var id: UUID
        public var jabatanID: UUID
        public var unitID: UUID?
        public var superiorID: UUID?
        public var version: Int
        public var level: PkLevel
        public var status: PkStatus
        public var submittedBy: UUID?
        public var signedOn: CalendarDate?
        public var updatedAt: Date?

        public var ref: PkVersionRef {
            PkVersionRef(id: id, version: version, status: status, signedOn: signedOn?.description)
        }
    }

    public var year: Int
    public var versions: [Version]
    /// The parties that have signed, for approved PKs (the only ones waiting for signatures).
    public var signed: [UUID: Set<PkParty>]
    /// Why a returned PK came back, and when: the last return of each.
    public var returns: [UUID: (reason: String, at: Date, by: String)]
    public var hardcopies: [UUID: CalendarDate]
    /// The ratification day of each Perangkat Daerah's DPA of the year.
    public var dpaDates: [UUID: CalendarDate]
    public var rule: PkDeadlineRule

    public var byPosition: [UUID: [Version]] { Dictionary(grouping: versions) { $0.jabatanID } }

    public static func load(pemdaID: UUID, year: Int, on db: any Database) async throws -> PkYear {
        let sql = try db.sql
        // Every version with, beside it, the parties that signed it (approved ones wait for signatures) and the
        // last return (returned ones show why).
        var signed: [UUID: Set<PkParty>] = [:]
        var returns: [UUID: (reason: String, at: Date, by: String)] = [:]
        let versions = try await sql.raw("""
            SELECT p.id, p.jabatan_id, p.unit_id, p.superior_jabatan_id, p.version, p.level, p.status, p.submitted_by,
                   p.signed_on, p.updated_at,
                   CASE WHEN p.status = 'disetujui' AND EXISTS (SELECT 1 FROM pk_signature s WHERE s.pk_id = p.id
                        AND s.party = \(bind: PkParty.pihakPertama.rawValue)) THEN 1 ELSE 0 END AS signed_first,
                   CASE WHEN p.status = 'disetujui' AND EXISTS (SELECT 1 FROM pk_signature s WHERE s.pk_id = p.id
                        AND s.party = \(bind: PkParty.pihakKedua.rawValue)) THEN 1 ELSE 0 END AS signed_second,
                   e.reason AS return_reason, e.at AS return_at, COALESCE(u.display_name, e.user_name) AS return_by
            FROM pk p
            LEFT JOIN pk_event e ON p.status = 'dikembalikan' AND e.id = (
                SELECT e2.id FROM pk_event e2 WHERE e2.pk_id = p.id AND e2.action = 'kembalikan' ORDER BY e2.seq DESC LIMIT 1)
            LEFT JOIN app_user u ON u.id = e.user_id
            WHERE p.pemda_id = \(bind: pemdaID) AND p.year = \(bind: year)
            """).all().map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            var parties: Set<PkParty> = []
            if try row.decode(column: "signed_first", as: Int.self) == 1 { parties.insert(.pihakPertama) }
            if try row.decode(column: "signed_second", as: Int.self) == 1 { parties.insert(.pihakKedua) }
            if !parties.isEmpty { signed[id] = parties }
            if let at = try row.decode(column: "return_at", as: Date?.self) {
                returns[id] = (try row.decode(column: "return_reason", as: String?.self) ?? "", at,
                               try row.decode(column: "return_by", as: String?.self) ?? "")
            }
            return Version(
                id: id, jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                unitID: try row.decode(column: "unit_id", as: UUID?.self),
                superiorID: try row.decode(column: "superior_jabatan_id", as: UUID?.self),
                version: try row.decode(column: "version", as: Int.self),
                level: PkLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .pengawas,
                status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draf,
                submittedBy: try row.decode(column: "submitted_by", as: UUID?.self),
                signedOn: try row.decode(column: "signed_on", as: String?.self).flatMap(CalendarDate.init(iso:)),
                updatedAt: try row.decode(column: "updated_at", as: Date?.self))
        }
        // Hardcopies, DPA dates and the deadline rule: three small tables, one statement.
        var hardcopies: [UUID: CalendarDate] = [:]
        var dpaDates: [UUID: CalendarDate] = [:]
        var rule = PkDeadlineRule()
        for row in try await sql.raw("""
            SELECT 'h' AS t, jabatan_id AS id, received_on AS day, CAST(NULL AS INTEGER) AS months, CAST(NULL AS INTEGER) AS remind
            FROM pk_hardcopy WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            UNION ALL
            SELECT 'd', unit_id, ratified_on, NULL, NULL FROM dpa WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            UNION ALL
            SELECT 's', NULL, NULL, months_after_dpa, remind_days_before FROM pk_setting WHERE pemda_id = \(bind: pemdaID)
            """).all()
        {
            switch try row.decode(column: "t", as: String.self) {
            case "s":
                rule = PkDeadlineRule(monthsAfterDpa: try row.decode(column: "months", as: Int.self),
                                      remindDaysBefore: try row.decode(column: "remind", as: Int.self))
            case let kind:
                guard let id = try row.decode(column: "id", as: UUID?.self),
                      let day = try row.decode(column: "day", as: String?.self).flatMap(CalendarDate.init(iso:))
                else { continue }
                if kind == "h" { hardcopies[id] = day } else { dpaDates[id] = day }
            }
        }
        return PkYear(year: year, versions: versions, signed: signed, returns: returns, hardcopies: hardcopies,
                      dpaDates: dpaDates, rule: rule)
    }
}

/// The PK settings a page needs, without the emblem's bytes.
public enum PkSettings {
    public static func rule(pemdaID: UUID, on db: any Database) async throws -> PkDeadlineRule {
        guard let row = try await db.sql.raw("""
            SELECT months_after_dpa, remind_days_before FROM pk_setting WHERE pemda_id = \(bind: pemdaID)
            """).first()
        else { return PkDeadlineRule() }
        return PkDeadlineRule(monthsAfterDpa: try row.decode(column: "months_after_dpa", as: Int.self),
                              remindDaysBefore: try row.decode(column: "remind_days_before", as: Int.self))
    }
}
