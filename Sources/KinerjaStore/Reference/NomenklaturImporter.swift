import CSV
import FluentKit
import Foundation
import KinerjaCore

/// A new nomenclature version from an uploaded CSV (the columns of the shipped files), by the super admin: all rows
/// or none, with every problem named by row and column.
public enum NomenklaturImporter {
    public struct Metadata: Sendable {
        public var code: String
        public var name: String
        public var legalBasis: String
        public var effectiveYear: Int
        public var source: String

        public init(code: String, name: String, legalBasis: String, effectiveYear: Int, source: String) {
            self.code = code
            self.name = name
            self.legalBasis = legalBasis
            self.effectiveYear = effectiveYear
            self.source = source
        }
    }

    /// The import was refused; nothing was written.
    public struct Refused: Error, Sendable {
        public var issues: [ImportIssue]
    }

    /// Returns the new version's id and the number of rows stored.
    public static func importVersion(csv text: String, metadata: Metadata, audit: AuditContext, on database: any Database)
        async throws -> (versionID: UUID, rows: Int)
    {
        try OrganisationInput.code(metadata.code, label: Message(id: "Kode versi", en: "The version code"))
        try Required.Optional.text(metadata.source, field: .note, label: Message(id: "Nama berkas", en: "The file name"))
        try Required.text(metadata.name, field: .name, label: Message(id: "Nama versi", en: "The version name"))
        try Required.text(metadata.legalBasis, field: .legalBasis, label: Message(id: "Dasar hukum", en: "The legal basis"))
        guard (2000...2100).contains(metadata.effectiveYear) else {
            throw RuleViolation(code: "form.year", field: .year,
                                message: Message(id: "Tulis tahun empat angka, mis. 2028.", en: "Write a four-digit year, e.g. 2028."))
        }
        let (header, records) = try parse(text)
        let result = NomenclatureImport.read(header: header, records: records)
        guard result.issues.isEmpty else { throw Refused(issues: result.issues) }
        return try await database.transaction { db in
            if try await NomenklaturVersion.query(on: db).filter(\.$code == metadata.code).first() != nil {
                throw RuleViolation(.conflict, code: "nomenklatur.versionExists", field: .code,
                    message: Message(id: "Versi \(metadata.code) sudah ada.", en: "Version \(metadata.code) already exists."))
            }
            let version = NomenklaturVersion(code: metadata.code, name: metadata.name, legalBasis: metadata.legalBasis,
                                             effectiveYear: metadata.effectiveYear, source: metadata.source)
            try await version.create(on: db)
            let versionID = try version.requireID()
            try await BatchInsert.create(result.rows.map {
                Nomenklatur(versionID: versionID, jenisPemda: $0.jenisPemda, code: $0.code, level: $0.level, name: $0.name,
                            kinerja: $0.kinerja, indikator: $0.indikator, satuan: $0.satuan)
            }, on: db)
            // One event for the version: the rows are its content, and the file they came from is named.
            try await AuditTrail.record(.create, before: nil as NomenklaturVersion?, after: version, entityID: versionID,
                                        pemdaID: nil, reason: "\(result.rows.count) baris dari \(metadata.source)",
                                        context: audit, on: db)
            return (versionID, result.rows.count)
        }
    }

    /// The header and the records of a CSV; a malformed file is one issue at the record where reading stopped.
    static func parse(_ text: String) throws(Refused) -> (header: [String], records: [[String]]) {
        do {
            let reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true)
            var records: [[String]] = []
            while let fields = reader.next() { records.append(fields) }
            if let error = reader.error {
                throw Refused(issues: [ImportIssue(row: records.count + 2, column: "–",
                                                   message: Message(id: "CSV tidak dapat dibaca: \(error).", en: "The CSV cannot be read: \(error)."))])
            }
            return (reader.headerRow ?? [], records)
        } catch let refused as Refused {
            throw refused
        } catch {
            throw Refused(issues: [ImportIssue(row: 1, column: "–",
                                               message: Message(id: "CSV tidak dapat dibaca: \(error).", en: "The CSV cannot be read: \(error)."))])
        }
    }
}
