import FluentKit
import FluentPostgresDriver
import Foundation
import KinerjaCore
import NIOCore
import PostgresKit
import SQLKit

/// A demo model that names its columns and values itself, so that the demo's rows are written without Fluent's
/// reflection: Fluent mirrors every model it creates (several times), which was 40% of the CPU of `demo --pemda`
/// in the profile and made the national build take hours. The values are the ones Fluent would bind.
protocol DemoRecord {
    static var schema: String { get }
    static var columns: [String] { get }
    /// In `columns` order.
    var values: [DemoValue] { get }
}

/// A model whose rows the demo writes as they are.
protocol DemoRow: Model, DemoRecord where IDValue == UUID {}

extension DemoRow {
    /// Whether `columns` are exactly the model's fields.
    static var namesEveryField: Bool { Set(keys.map(\.description)) == Set(columns) }
}

/// A column's value as Fluent binds it: text (enums by their raw value, as their `Codable` form is), whole numbers,
/// ids and moments.
enum DemoValue: Sendable, Equatable {
    case null
    case text(String)
    case int(Int64)
    case uuid(UUID)
    case date(Date)

    var sql: any SQLExpression {
        switch self {
        case .null: SQLLiteral.null
        case .text(let v): SQLBind(v)
        case .int(let v): SQLBind(v)
        case .uuid(let v): SQLBind(v)
        case .date(let v): SQLBind(v)
        }
    }

    /// The value in `COPY … FROM STDIN`'s text format.
    func copyText(into buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case .text(let v):
            for byte in v.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        case .int(let v): buffer.writeString(String(v))
        case .uuid(let v): buffer.writeString(v.uuidString)
        case .date(let v): buffer.writeString(Self.timestamp(v))
        }
    }

    /// `yyyy-mm-dd hh:mm:ss.uuuuuu+00`, the UTC moment to the microsecond.
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let (s, f) = fraction < 0 ? (seconds - 1, fraction + 1_000_000) : (seconds, fraction)
        let (days, second) = s.quotientAndRemainder(dividingBy: 86_400)
        let (d, sec) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
        let z = d + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let micro = String(f)
        return "\(year)-\(two(month))-\(two(day)) \(two(sec / 3_600)):\(two(sec / 60 % 60)):\(two(sec % 60))."
            + String(repeating: "0", count: 6 - micro.count) + micro + "+00"
    }
}

enum DemoInsert {
    /// Every model the demo writes, for the test that each names every field.
    static let models: [any DemoRow.Type] = [
        Unit.self, Pegawai.self, Jabatan.self, Penugasan.self, PeriodeRpjmd.self, Misi.self, Tujuan.self, SasaranRpjmd.self,
        Renstra.self, RenstraSasaran.self, RenstraItem.self, RenstraPagu.self, Rkt.self, RktSasaran.self, Indikator.self,
        IndikatorTarget.self, RenstraItemUnit.self, Dpa.self, DpaPagu.self, Jadwal.self, Pk.self, PkRow.self, PkLink.self,
        PkBudget.self, PkEvent.self, PkSignature.self, RealisasiEntry.self, RealisasiAnggaran.self,
    ]

    /// On PostgreSQL one `COPY … FROM STDIN` per table (the same rows and triggers as INSERTs, without parsing and
    /// binding tens of thousands of parameters); elsewhere multi-row INSERTs of at most 1,000 rows and 30,000 bound
    /// values. Should a model's fields ever differ from its `columns` (a field added without adding it here), its rows
    /// go through Fluent instead, slower but whole.
    static func write<M: DemoRow>(_ models: [M], on db: any Database) async throws {
        guard !models.isEmpty else { return }
        guard M.namesEveryField else {
            db.logger.warning("\(M.schema): the demo's columns differ from the model's fields; written through Fluent")
            try await BatchInsert.create(models, on: db)
            return
        }
        // A missing id is made here, as Fluent would make it, and kept on the model for the rows that refer to it.
        for model in models where model.id == nil { model.id = UUID() }
        try await write(records: models, on: db)
    }

    /// Rows made without a model (`EntryRow`, `AnggaranRow`: the many rows of the measured year).
    static func write<R: DemoRecord>(records: [R], on db: any Database) async throws {
        guard !records.isEmpty else { return }
        if let postgres = db as? any PostgresDatabase {
            try await copy(records, into: postgres, logger: db.logger)
            return
        }
        let sql = try db.sql
        let chunk = max(1, min(1_000, 30_000 / R.columns.count))
        var start = 0
        while start < records.count {
            let end = min(start + chunk, records.count)
            var insert = sql.insert(into: R.schema).columns(R.columns)
            for record in records[start..<end] { insert = insert.values(record.values.map(\.sql)) }
            try await insert.run()
            start = end
        }
    }

    /// The rows as `COPY` text, sent in pieces of about 256 KB, on the transaction's connection.
    private static func copy<R: DemoRecord>(_ records: [R], into postgres: any PostgresDatabase, logger: Logger) async throws {
        let rows = Rows(records: records)
        let (table, columns) = (R.schema, R.columns)
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(300_000)
                    for record in rows.records {
                        for (n, value) in record.values.enumerated() {
                            if n > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            value.copyText(into: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 256_000 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// The rows handed to the connection's task; nothing else touches them while it runs.
    private struct Rows<R: DemoRecord>: @unchecked Sendable {
        let records: [R]
    }
}

private func v(_ value: String) -> DemoValue { .text(value) }
private func v(_ value: String?) -> DemoValue { value.map { .text($0) } ?? .null }
private func v(_ value: Int) -> DemoValue { .int(Int64(value)) }
private func v(_ value: Int?) -> DemoValue { value.map { .int(Int64($0)) } ?? .null }
private func v(_ value: Int64) -> DemoValue { .int(value) }
private func v(_ value: UUID) -> DemoValue { .uuid(value) }
private func v(_ value: UUID?) -> DemoValue { value.map { .uuid($0) } ?? .null }
private func v(_ value: Date) -> DemoValue { .date(value) }
private func v(_ value: Date?) -> DemoValue { value.map { .date($0) } ?? .null }
private func v<E: RawRepresentable>(_ value: E) -> DemoValue where E.RawValue == String { .text(value.rawValue) }
private func v<E: RawRepresentable>(_ value: E?) -> DemoValue where E.RawValue == String { value.map { .text($0.rawValue) } ?? .null }
private func newID(_ value: UUID?) -> DemoValue { .uuid(value ?? UUID()) }

extension Unit: DemoRow {
    static let columns = ["id", "pemda_id", "parent_id", "code", "name", "kind", "bidang_codes", "sort_order"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($parent.id), v(code), v(name), v(kind), v(bidangCodes), v(sortOrder)] }
}

extension Pegawai: DemoRow {
    static let columns = ["id", "pemda_id", "nip", "name", "pangkat"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v(nip), v(name), v(pangkat)] }
}

extension Jabatan: DemoRow {
    static let columns = ["id", "pemda_id", "unit_id", "superior_id", "name", "level", "eselon"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($unit.id), v($superior.id), v(name), v(level), v(eselon)] }
}

extension Penugasan: DemoRow {
    static let columns = ["id", "pemda_id", "jabatan_id", "pegawai_id", "kind", "start_date", "end_date", "decree"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($jabatan.id), v($pegawai.id), v(kind), v(startDate), v(endDate), v(decree)]
    }
}

extension PeriodeRpjmd: DemoRow {
    static let columns = ["id", "pemda_id", "start_year", "end_year", "perda_number", "perda_date", "visi"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v(startYear), v(endYear), v(perdaNumber), v(perdaDate), v(visi)] }
}

extension Misi: DemoRow {
    static let columns = ["id", "pemda_id", "periode_id", "number", "text"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($periode.id), v(number), v(text)] }
}

extension Tujuan: DemoRow {
    static let columns = ["id", "pemda_id", "misi_id", "number", "text"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($misi.id), v(number), v(text)] }
}

extension SasaranRpjmd: DemoRow {
    static let columns = ["id", "pemda_id", "tujuan_id", "number", "text"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($tujuan.id), v(number), v(text)] }
}

extension Renstra: DemoRow {
    static let columns = ["id", "pemda_id", "unit_id", "periode_id", "legal_number", "legal_date", "nomenklatur_version_id"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($unit.id), v($periode.id), v(legalNumber), v(legalDate), v(nomenklaturVersionID)]
    }
}

extension RenstraSasaran: DemoRow {
    static let columns = ["id", "pemda_id", "renstra_id", "sasaran_rpjmd_id", "number", "text"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($renstra.id), v($sasaranRpjmd.id), v(number), v(text)] }
}

extension RenstraItem: DemoRow {
    static let columns = ["id", "pemda_id", "renstra_id", "parent_id", "sasaran_id", "level", "code", "name", "sort_order"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($renstra.id), v($parent.id), v($sasaran.id), v(level), v(code), v(name), v(sortOrder)]
    }
}

extension RenstraPagu: DemoRow {
    static let columns = ["id", "pemda_id", "item_id", "year", "amount"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($item.id), v(year), v(amount)] }
}

extension Rkt: DemoRow {
    static let columns = ["id", "pemda_id", "unit_id", "year", "renstra_id"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($unit.id), v(year), v($renstra.id)] }
}

extension RktSasaran: DemoRow {
    static let columns = ["id", "pemda_id", "rkt_id", "renstra_sasaran_id", "number", "text"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($rkt.id), v($renstraSasaran.id), v(number), v(text)] }
}

extension Indikator: DemoRow {
    static let columns = ["id", "pemda_id", "owner_kind", "owner_id", "code", "name", "satuan", "kind", "polarity",
                          "negative_formula", "aggregation", "entry_mode", "ordinal_levels", "ordinal_rule", "weight", "tags",
                          "definition", "measurement", "data_source", "responsible", "rationale", "baseline_value",
                          "baseline_year", "sort_order", "reporting_period"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v(ownerKind), v(ownerID), v(code), v(name), v(satuan), v(kind), v(polarity),
         v(negativeFormula), v(aggregation), v(entryMode), v(ordinalLevels), v(ordinalRule), v(weight), v(tags),
         v(definition), v(measurement), v(dataSource), v(responsible), v(rationale), v(baselineValue),
         v(baselineYear), v(sortOrder), v(reporting)]
    }
}

extension IndikatorTarget: DemoRow {
    static let columns = ["id", "pemda_id", "indikator_id", "year", "period", "value"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($indikator.id), v(year), v(period), v(value)] }
}

extension RenstraItemUnit: DemoRow {
    static let columns = ["id", "pemda_id", "item_id", "unit_id"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($item.id), v($unit.id)] }
}

extension Dpa: DemoRow {
    static let columns = ["id", "pemda_id", "unit_id", "year", "number", "ratified_on"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($unit.id), v(year), v(number), v(ratifiedOn)] }
}

extension DpaPagu: DemoRow {
    static let columns = ["id", "pemda_id", "dpa_id", "code", "name", "amount"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($dpa.id), v(code), v(name), v(amount)] }
}

// The measured year (`DemoMeasured`).

extension Jadwal: DemoRow {
    static let columns = ["id", "pemda_id", "year", "stage", "opens", "closes", "reopened_until", "reopen_reason"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v(year), v(stage), v(opens), v(closes), v(reopenedUntil), v(reopenReason)]
    }
}

extension Pk: DemoRow {
    static let columns = ["id", "pemda_id", "unit_id", "jabatan_id", "superior_jabatan_id", "year", "version", "level",
                          "status", "previous_id", "revision_ground", "legal_number", "legal_date", "submitted_by",
                          "signed_on", "created_at", "updated_at"]
    var values: [DemoValue] {
        let now = Date()
        return [newID(id), v($pemda.id), v($unit.id), v($jabatan.id), v($superiorJabatan.id), v(year), v(version), v(level),
                v(status), v($previous.id), v(revisionGround), v(legalNumber), v(legalDate), v(submittedBy),
                v(signedOn), v(createdAt ?? now), v(updatedAt ?? now)]
    }
}

extension PkRow: DemoRow {
    static let columns = ["id", "pemda_id", "pk_id", "key", "sort_order", "sasaran", "indikator", "satuan", "spec", "target",
                          "tw1", "tw2", "tw3", "tw4", "renstra_target", "source_indikator_id", "change_reason"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($pk.id), v(key), v(sortOrder), v(sasaran), v(indikator), v(satuan), v(specJSON), v(target),
         v(tw1), v(tw2), v(tw3), v(tw4), v(renstraTarget), v(sourceIndikatorID), v(changeReason)]
    }
}

extension PkLink: DemoRow {
    static let columns = ["id", "pemda_id", "row_id", "superior_row_id"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($row.id), v($superiorRow.id)] }
}

extension PkBudget: DemoRow {
    static let columns = ["id", "pemda_id", "pk_id", "sort_order", "code", "name", "amount"]
    var values: [DemoValue] { [newID(id), v($pemda.id), v($pk.id), v(sortOrder), v(code), v(name), v(amount)] }
}

extension PkEvent: DemoRow {
    static let columns = ["id", "pemda_id", "pk_id", "at", "seq", "user_id", "user_name", "action", "from_status", "to_status",
                          "reason"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($pk.id), v(at), v(seq), v(userID), v(userName), v(action), v(fromStatus), v(toStatus), v(reason)]
    }
}

extension PkSignature: DemoRow {
    static let columns = ["id", "pemda_id", "pk_id", "party", "user_id", "name", "nip", "pangkat", "jabatan", "signed_at",
                          "signed_on"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($pk.id), v(party), v(userID), v(name), v(nip), v(pangkat), v(jabatan), v(signedAt), v(signedOn)]
    }
}

extension RealisasiEntry: DemoRow {
    static let columns = ["id", "pemda_id", "pk_id", "jabatan_id", "year", "row_key", "period", "seq", "value", "tdi_reason",
                          "confidence", "forecast", "supporting", "obstacles", "follow_up", "status", "late_reason",
                          "author_id", "author_name", "entered_at", "judgement", "verifier_id", "verifier_name",
                          "verified_at", "return_reason", "month"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($pk.id), v($jabatan.id), v(year), v(rowKey), v(period), v(seq), v(value), v(tdiReason),
         v(confidence), v(forecast), v(supporting), v(obstacles), v(followUp), v(status), v(lateReason),
         v(authorID), v(authorName), v(enteredAt), v(judgement), v(verifierID), v(verifierName),
         v(verifiedAt), v(returnReason), v(month)]
    }
}

extension RealisasiAnggaran: DemoRow {
    static let columns = ["id", "pemda_id", "dpa_pagu_id", "year", "period", "seq", "amount", "late_reason", "author_id",
                          "author_name", "entered_at"]
    var values: [DemoValue] {
        [newID(id), v($pemda.id), v($line.id), v(year), v(period), v(seq), v(amount), v(lateReason), v(authorID),
         v(authorName), v(enteredAt)]
    }
}

/// A realisation entry of the measured year, a row of `realisasi` without its model: the year has twelve thousand a
/// Pemda. Its values follow `RealisasiEntry.columns`.
struct EntryRow: DemoRecord {
    static var schema: String { RealisasiEntry.schema }
    static var columns: [String] { RealisasiEntry.columns }

    var id: UUID
    var pemdaID: UUID
    var pkID: UUID
    var jabatanID: UUID
    var year: Int
    var rowKey: String
    var period: Int
    var seq: Int
    var value: String
    var tdiReason: String?
    var confidence: Int?
    var forecast: String?
    var supporting: String
    var obstacles: String
    var followUp: String
    var status: RealisasiStatus
    var authorName: String
    var enteredAt: Date
    var verifierName: String?
    var verifiedAt: Date?
    var returnReason: String?

    var values: [DemoValue] {
        [v(id), v(pemdaID), v(pkID), v(jabatanID), v(year), v(rowKey), v(period), v(seq), v(value), v(tdiReason),
         v(confidence), v(forecast), v(supporting), v(obstacles), v(followUp), v(status), .null,
         .null, v(authorName), v(enteredAt), .null, .null, v(verifierName),
         v(verifiedAt), v(returnReason), v(0)]
    }

    /// The same row as the model (for the test that both write the same values).
    var model: RealisasiEntry {
        let e = RealisasiEntry()
        (e.id, e.$pemda.id, e.$pk.id, e.$jabatan.id, e.year, e.rowKey, e.period, e.seq) = (id, pemdaID, pkID, jabatanID, year, rowKey, period, seq)
        (e.value, e.tdiReason, e.confidence, e.forecast) = (value, tdiReason, confidence, forecast)
        (e.supporting, e.obstacles, e.followUp, e.status) = (supporting, obstacles, followUp, status)
        (e.lateReason, e.authorID, e.authorName, e.enteredAt) = (nil, nil, authorName, enteredAt)
        (e.judgement, e.verifierID, e.verifierName, e.verifiedAt, e.returnReason) = (nil, nil, verifierName, verifiedAt, returnReason)
        e.month = 0
        return e
    }
}

/// A budget realisation of the measured year, a row of `realisasi_anggaran` without its model.
struct AnggaranRow: DemoRecord {
    static var schema: String { RealisasiAnggaran.schema }
    static var columns: [String] { RealisasiAnggaran.columns }

    var id: UUID
    var pemdaID: UUID
    var lineID: UUID
    var year: Int
    var period: Int
    var amount: Int64
    var authorName: String
    var enteredAt: Date

    var values: [DemoValue] {
        [v(id), v(pemdaID), v(lineID), v(year), v(period), v(1), v(amount), .null, .null, v(authorName), v(enteredAt)]
    }

    var model: RealisasiAnggaran {
        let e = RealisasiAnggaran()
        (e.id, e.$pemda.id, e.$line.id, e.year, e.period, e.seq, e.amount) = (id, pemdaID, lineID, year, period, 1, amount)
        (e.lateReason, e.authorID, e.authorName, e.enteredAt) = (nil, nil, authorName, enteredAt)
        return e
    }
}
