import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A Pemda's PK round of one year, as the board, the inbox and the Beranda need it: every version (not their rows),
/// the signatures of approved ones, the reasons of returns, hardcopies, DPA dates and the deadline rule. Six
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
        let versions = try await sql.raw("""
            SELECT id, jabatan_id, unit_id, superior_jabatan_id, version, level, status, submitted_by, signed_on, updated_at
            FROM pk WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            """).all().map { row in
            Version(id: try row.decode(column: "id", as: UUID.self), jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                    unitID: try row.decode(column: "unit_id", as: UUID?.self),
                    superiorID: try row.decode(column: "superior_jabatan_id", as: UUID?.self),
                    version: try row.decode(column: "version", as: Int.self),
                    level: PkLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .pengawas,
                    status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draf,
                    submittedBy: try row.decode(column: "submitted_by", as: UUID?.self),
                    signedOn: try row.decode(column: "signed_on", as: String?.self).flatMap(CalendarDate.init(iso:)),
                    updatedAt: try row.decode(column: "updated_at", as: Date?.self))
        }
        var signed: [UUID: Set<PkParty>] = [:]
        for row in try await sql.raw("""
            SELECT s.pk_id, s.party FROM pk_signature s JOIN pk ON pk.id = s.pk_id
            WHERE pk.pemda_id = \(bind: pemdaID) AND pk.year = \(bind: year) AND pk.status = 'disetujui'
            """).all()
        {
            if let party = PkParty(rawValue: try row.decode(column: "party", as: String.self)) {
                signed[try row.decode(column: "pk_id", as: UUID.self), default: []].insert(party)
            }
        }
        var returns: [UUID: (reason: String, at: Date, by: String)] = [:]
        for row in try await sql.raw("""
            SELECT e.pk_id, e.reason, e.at, COALESCE(u.display_name, e.user_name) AS by_name
            FROM pk_event e JOIN pk ON pk.id = e.pk_id LEFT JOIN app_user u ON u.id = e.user_id
            WHERE pk.pemda_id = \(bind: pemdaID) AND pk.year = \(bind: year) AND pk.status = 'dikembalikan'
              AND e.action = 'kembalikan' ORDER BY e.at
            """).all()
        {
            returns[try row.decode(column: "pk_id", as: UUID.self)] = (
                try row.decode(column: "reason", as: String?.self) ?? "", try row.decode(column: "at", as: Date.self),
                try row.decode(column: "by_name", as: String.self))
        }
        var hardcopies: [UUID: CalendarDate] = [:]
        for row in try await sql.raw("""
            SELECT jabatan_id, received_on FROM pk_hardcopy WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            """).all()
        {
            if let day = CalendarDate(iso: try row.decode(column: "received_on", as: String.self)) {
                hardcopies[try row.decode(column: "jabatan_id", as: UUID.self)] = day
            }
        }
        var dpaDates: [UUID: CalendarDate] = [:]
        for row in try await sql.raw("""
            SELECT unit_id, ratified_on FROM dpa WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            """).all()
        {
            if let day = CalendarDate(iso: try row.decode(column: "ratified_on", as: String.self)) {
                dpaDates[try row.decode(column: "unit_id", as: UUID.self)] = day
            }
        }
        return PkYear(year: year, versions: versions, signed: signed, returns: returns, hardcopies: hardcopies,
                      dpaDates: dpaDates, rule: try await PkSettings.rule(pemdaID: pemdaID, on: db))
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
