import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// What the evaluator sends for one official: the category (by name, as the form offers it) and the note.
public struct PenilaianInput: Sendable {
    public var year: Int
    public var jabatanID: UUID
    public var category: String
    public var note: String
    /// Who records, as the trail and the scorecard name them.
    public var recorderName: String

    public init(year: Int, jabatanID: UUID, category: String, note: String, recorderName: String) {
        self.year = year
        self.jabatanID = jabatanID
        self.category = category
        self.note = note
        self.recorderName = recorderName
    }
}

extension PemdaWriter {
    /// Records an official's evaluation of the year as a new row of history (the next `seq` of the position and
    /// year; nothing is updated): the PK in force and its capaian as `figures` read them (the same figures the page
    /// shows), the category the Pemda's bands suggest, the one chosen and the note, and who holds the position today.
    /// Every finding is checked before anything is written; audited.
    @discardableResult
    public func recordPenilaian(_ input: PenilaianInput, figures: KinerjaFigures) async throws -> UUID {
        let year = try Limits.year(input.year)
        guard year == figures.board.year,
              let pk = figures.board.pks.first(where: { $0.jabatanID == input.jabatanID && $0.level != .pemda })
        else {
            throw RuleViolation(.notFound, code: "penilaian.noPk", field: .position,
                message: Message(id: "Jabatan ini tidak memiliki PK \(year) yang berlaku untuk dinilai.",
                                 en: "This position has no PK in force for \(year) to evaluate."))
        }
        let capaian = figures.path(pk.id)?.at(figures.through).capaian
        let predikat = figures.predikat(capaian)
        let recorder = try Limits.text(input.recorderName.trimmingCharacters(in: .whitespacesAndNewlines), max: Limits.shortText, field: nil)
        return try await transaction { w in
            let sql = try w.database.sql
            let (categories, _) = try await PenilaianYear.categories(pemdaID: w.pemdaID, on: w.database)
            let suggested = categories.suggestion(for: capaian)
            let decision: PenilaianDecision
            switch PenilaianRules.check(category: input.category, note: input.note, categories: categories, suggested: suggested) {
            case .success(let checked): decision = checked
            case .failure(let violations): throw violations
            }
            // The PK read is still the one in force (a newer version signed since would be measured anew).
            let signed = PkStatus.allCases.filter(\.isSigned).map(\.rawValue)
            guard let current = try await sql.raw("""
                SELECT p.id, p.version FROM pk p WHERE p.pemda_id = \(bind: w.pemdaID) AND p.jabatan_id = \(bind: input.jabatanID)
                  AND p.year = \(bind: year) AND p.status IN (\(binds: signed)) ORDER BY p.version DESC LIMIT 1
                """).first(), try current.decode(column: "id", as: UUID.self) == pk.id
            else {
                throw RuleViolation(.conflict, code: "penilaian.stale", field: nil,
                    message: Message(id: "PK jabatan ini baru saja berubah: muat ulang halaman lalu nilai kembali.",
                                     en: "This position's PK has just changed: reload the page and evaluate again."))
            }
            let official = try await PositionHolder.find(jabatanID: input.jabatanID, on: w.audit.today, db: w.database)
            let jabatan = try await sql.raw("SELECT name FROM jabatan WHERE id = \(bind: input.jabatanID) AND pemda_id = \(bind: w.pemdaID)")
                .first()?.decode(column: "name", as: String.self) ?? ""
            let seq = (try await sql.raw("""
                SELECT MAX(seq) AS n FROM penilaian_pimpinan WHERE jabatan_id = \(bind: input.jabatanID) AND year = \(bind: year)
                """).first()?.decode(column: "n", as: Int?.self) ?? 0) + 1
            let id = UUID()
            let suggestedCategory = suggested.map { categories.bands[$0].name }
            let tone = categories.tone(of: decision.index)
            try await sql.raw("""
                INSERT INTO penilaian_pimpinan (id, pemda_id, year, jabatan_id, seq, pegawai_id, pegawai_name, pegawai_nip,
                    pk_id, pk_version, through_tw, capaian, predikat, suggested, suggested_en, category, category_en,
                    category_rank, tone, note, recorded_by, recorded_by_name, recorded_at)
                VALUES (\(bind: id), \(bind: w.pemdaID), \(bind: year), \(bind: input.jabatanID), \(bind: seq),
                    \(bind: official?.pegawaiID), \(bind: official?.name ?? "–"), \(bind: official?.nip),
                    \(bind: pk.id), \(bind: pk.version), \(bind: figures.through), \(bind: capaian?.description),
                    \(bind: predikat?.label.id), \(bind: suggestedCategory?.id), \(bind: suggestedCategory?.en),
                    \(bind: decision.category.name.id), \(bind: decision.category.name.en), \(bind: decision.index),
                    \(bind: tone.rawValue), \(bind: decision.note), \(bind: w.audit.userID), \(bind: recorder.isEmpty ? w.audit.username : recorder),
                    \(bind: w.audit.now))
                """).run()
            let after: [String: String?] = [
                "jabatan": jabatan, "pegawai": official.map { $0.kind.signaturePrefix + $0.name }, "nip": official?.nip,
                "year": String(year), "triwulan": String(figures.through), "pkVersion": String(pk.version),
                "capaian": capaian.map { IDFormat.number($0, maxFractionDigits: 2) }, "predikat": predikat?.label.id,
                "saran": suggestedCategory?.id ?? "Belum dapat dinilai", "kategori": decision.category.name.id, "note": decision.note,
            ]
            try await AuditTrail.record(.create, entity: "penilaian_pimpinan", beforeSnapshot: nil, after: Self.json(after.compactMapValues { $0 }),
                                        entityID: id, pemdaID: w.pemdaID, unitID: pk.unitID, reason: nil, context: w.audit, on: w.database)
            return id
        }
    }

    /// Sets the Pemda's category bands from the settings form, all or none: every row is checked (names, bounds in
    /// order and range, a last category without a bound) before any is kept. The bands are replaced whole and the
    /// change audited with the bands before and after; an unchanged form writes nothing. Returns whether they changed.
    @discardableResult
    public func setPenilaianCategories(rows: [(bound: String, name: String, nameEn: String)]) async throws -> Bool {
        let categories: PenilaianCategories
        switch PenilaianCategories.parse(rows: rows) {
        case .success(let parsed): categories = parsed
        case .failure(let violations): throw violations
        }
        return try await transaction { w in
            let sql = try w.database.sql
            // Without rows of its own the Pemda reads the standard bands: saving those unchanged writes nothing.
            let (current, _) = try await PenilaianYear.categories(pemdaID: w.pemdaID, on: w.database)
            guard current != categories else { return false }
            try await sql.raw("DELETE FROM penilaian_kategori WHERE pemda_id = \(bind: w.pemdaID)").run()
            for (order, band) in categories.bands.enumerated() {
                try await sql.raw("""
                    INSERT INTO penilaian_kategori (id, pemda_id, sort_order, lower_bound, name, name_en)
                    VALUES (\(bind: UUID()), \(bind: w.pemdaID), \(bind: order), \(bind: band.lowerBound?.description),
                            \(bind: band.name.id), \(bind: band.name.en))
                    """).run()
            }
            try await AuditTrail.record(.update, entity: "penilaian_kategori", beforeSnapshot: Self.json(["kategoriList": current.summary]),
                                        after: Self.json(["kategoriList": categories.summary]), entityID: w.pemdaID,
                                        pemdaID: w.pemdaID, unitID: nil, reason: nil, context: w.audit, on: w.database)
            return true
        }
    }

    /// A flat snapshot for the trail, keys sorted.
    static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
