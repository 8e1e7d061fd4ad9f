import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// One recording of an official's evaluation, as it was made: never rewritten, the newest of a position and year
/// counts.
public struct PenilaianRecord: Sendable, Hashable {
    public var id: UUID
    public var year: Int
    public var jabatanID: UUID
    public var seq: Int
    public var pegawaiID: UUID?
    public var pegawaiName: String
    public var pegawaiNip: String?
    public var pkID: UUID
    public var pkVersion: Int
    /// The quarter the capaian was read through.
    public var through: Int
    public var capaian: FixedDecimal?
    public var predikat: String?
    /// The category the Pemda's bands gave the capaian; nil when it could not be judged.
    public var suggested: Message?
    public var category: Message
    /// The category's place among the Pemda's categories when it was recorded (0 = the best).
    public var categoryRank: Int
    public var tone: Tone
    public var note: String
    public var recordedBy: UUID?
    public var recordedByName: String
    public var recordedAt: Date

    /// Whether the evaluator chose otherwise than the bands suggested.
    public var differs: Bool { suggested?.id != category.id }
}

/// A Pemda's evaluations of a year and the category bands they are read against.
public struct PenilaianYear: Sendable {
    public var categories: PenilaianCategories
    /// Whether the Pemda has set none and the standard bands apply.
    public var isStandard: Bool
    /// Every recording of the year by position, newest first.
    public var records: [UUID: [PenilaianRecord]]

    public func newest(_ jabatanID: UUID) -> PenilaianRecord? { records[jabatanID]?.first }

    public func history(_ jabatanID: UUID) -> [PenilaianRecord] { records[jabatanID] ?? [] }

    /// The Pemda's categories and every recording of the year, in one statement (the categories ride in the same
    /// columns: `name` as `category`, `lower_bound` as `capaian`, `sort_order` as `seq`).
    public static func load(pemdaID: UUID, year: Int, on db: any Database) async throws -> PenilaianYear {
        var bands: [(order: Int, band: PenilaianCategory)] = []
        var records: [UUID: [PenilaianRecord]] = [:]
        for row in try await db.sql.raw("""
            SELECT 'p' AS t, id, jabatan_id, seq, pegawai_id, pegawai_name, pegawai_nip, pk_id, pk_version, through_tw,
                   capaian, predikat, suggested, suggested_en, category, category_en, category_rank, tone, note,
                   recorded_by, recorded_by_name, recorded_at
            FROM penilaian_pimpinan WHERE pemda_id = \(bind: pemdaID) AND year = \(bind: year)
            UNION ALL
            SELECT 'k', id, NULL, sort_order, NULL, '', NULL, NULL, 0, 0,
                   lower_bound, NULL, NULL, NULL, name, name_en, 0, '', '',
                   NULL, '', NULL
            FROM penilaian_kategori WHERE pemda_id = \(bind: pemdaID)
            """).all()
        {
            let category = Message(id: try row.decode(column: "category", as: String.self),
                                   en: try row.decode(column: "category_en", as: String.self))
            let seq = try row.decode(column: "seq", as: Int.self)
            let capaian = try row.decode(column: "capaian", as: String?.self).flatMap(FixedDecimal.init(canonical:))
            if try row.decode(column: "t", as: String.self) == "k" {
                bands.append((seq, PenilaianCategory(from: capaian, name: category)))
                continue
            }
            guard let jabatanID = try row.decode(column: "jabatan_id", as: UUID?.self),
                  let pkID = try row.decode(column: "pk_id", as: UUID?.self),
                  let recordedAt = try row.decode(column: "recorded_at", as: Date?.self)
            else { continue }
            let suggested = try row.decode(column: "suggested", as: String?.self)
            let record = PenilaianRecord(
                id: try row.decode(column: "id", as: UUID.self), year: year, jabatanID: jabatanID, seq: seq,
                pegawaiID: try row.decode(column: "pegawai_id", as: UUID?.self),
                pegawaiName: try row.decode(column: "pegawai_name", as: String.self),
                pegawaiNip: try row.decode(column: "pegawai_nip", as: String?.self),
                pkID: pkID, pkVersion: try row.decode(column: "pk_version", as: Int.self),
                through: try row.decode(column: "through_tw", as: Int.self), capaian: capaian,
                predikat: try row.decode(column: "predikat", as: String?.self),
                suggested: suggested.map { Message(id: $0, en: (try? row.decode(column: "suggested_en", as: String?.self)) ?? $0) },
                category: category, categoryRank: try row.decode(column: "category_rank", as: Int.self),
                tone: Tone(rawValue: try row.decode(column: "tone", as: String.self)) ?? .fair,
                note: try row.decode(column: "note", as: String.self),
                recordedBy: try row.decode(column: "recorded_by", as: UUID?.self),
                recordedByName: try row.decode(column: "recorded_by_name", as: String.self), recordedAt: recordedAt)
            records[jabatanID, default: []].append(record)
        }
        for key in records.keys { records[key]?.sort { $0.seq > $1.seq } }
        let stored = bands.sorted { $0.order < $1.order }.map(\.band)
        // Rows that no longer make a valid whole (never written so, but read defensively) fall back to the standard.
        let categories = stored.isEmpty ? nil : try? PenilaianCategories(stored)
        return PenilaianYear(categories: categories ?? .standard, isStandard: categories == nil, records: records)
    }

    /// The Pemda's categories alone (the writer's check, inside its transaction).
    static func categories(pemdaID: UUID, on db: any Database) async throws -> (PenilaianCategories, stored: Bool) {
        let rows = try await db.sql.raw("""
            SELECT sort_order, lower_bound, name, name_en FROM penilaian_kategori WHERE pemda_id = \(bind: pemdaID) ORDER BY sort_order
            """).all()
        let bands = try rows.map { row in
            PenilaianCategory(from: try row.decode(column: "lower_bound", as: String?.self).flatMap(FixedDecimal.init(canonical:)),
                              name: Message(id: try row.decode(column: "name", as: String.self),
                                            en: try row.decode(column: "name_en", as: String.self)))
        }
        guard !bands.isEmpty, let categories = try? PenilaianCategories(bands) else { return (.standard, false) }
        return (categories, true)
    }
}

extension PenilaianCategories {
    /// The bands in words, for the audit trail: "Penghargaan: mulai 90%; Pembinaan: mulai 60%; Sanksi: di bawahnya".
    public var summary: String {
        bands.map { band in band.name.id + ": " + (band.lowerBound.map { "mulai " + IDFormat.number($0) + "%" } ?? "di bawahnya") }
            .joined(separator: "; ")
    }
}
