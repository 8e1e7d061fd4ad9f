import CSV
import FluentKit
import Foundation
import KinerjaCore

/// The nomenclature versions shipped with Kinerja (sources in Resources/nomenklatur/SOURCES.md).
public enum NomenklaturCatalog {
    public struct Shipped: Sendable {
        public var code: String
        public var name: String
        public var legalBasis: String
        public var effectiveYear: Int
        public var file: String
        /// Extra sub kegiatan metadata (SPM, jenis, pelaksana, definisi operasional), keyed by (jenis pemda, code).
        public var detailsFile: String? = nil
    }

    public static let sipd2027 = Shipped(
        code: "SIPD-2027", name: "Nomenklatur Sub Kegiatan SIPD, pemutakhiran TA 2027",
        legalBasis: "Kepmendagri 900.1.15.5-1317/2023 beserta pemutakhirannya (SIPD, TA 2027)", effectiveYear: 2027,
        file: "nomenklatur.csv", detailsFile: "nomenklatur_subkegiatan_2027_ext.csv")
    public static let kepmendagri2023 = Shipped(
        code: "KEPMENDAGRI-1317-2023", name: "Kepmendagri 900.1.15.5-1317/2023 (kab/kota)",
        legalBasis: "Kepmendagri 900.1.15.5-1317/2023", effectiveYear: 2024,
        file: "nomenklatur_kepmendagri_1317_2023_kabkota.csv")
    public static let shipped = [kepmendagri2023, sipd2027]

    /// A row as the importer reads it, with the sub kegiatan metadata of the extended file where there is some.
    @dynamicMemberLookup
    public struct Row: Sendable, Hashable {
        public var entry: NomenclatureImport.Row
        public var details: Details?

        public subscript<T>(dynamicMember key: KeyPath<NomenclatureImport.Row, T>) -> T { entry[keyPath: key] }
    }

    public struct Details: Sendable, Hashable {
        public var spm: Bool?
        public var jenisLayanan: String?
        public var pelaksana: String?
        public var definisi: String?
        public var previousCode: String?
    }

    /// Reads a shipped CSV with the same checks as an uploaded version; a row whose `jenis_pemda` is `PROV|KABKOT`
    /// becomes one row for each.
    public static func rows(of version: Shipped) throws -> [Row] {
        let details = try version.detailsFile.map(readDetails) ?? [:]
        let result: (rows: [NomenclatureImport.Row], issues: [ImportIssue])
        do {
            let table = try NomenklaturImporter.parse(try text(of: version.file))
            result = NomenclatureImport.read(header: table.header, records: table.records)
        } catch let refused as NomenklaturImporter.Refused {
            result = ([], refused.issues)
        }
        if let issue = result.issues.first {
            throw CatalogError.badRow(file: version.file, line: issue.row, fields: [issue.column, issue.message.en])
        }
        return result.rows.map { Row(entry: $0, details: details[DetailsKey(jenis: $0.jenisPemda, code: $0.code)]) }
    }

    struct DetailsKey: Hashable {
        var jenis: JenisPemda
        var code: String
    }

    static func readDetails(_ file: String) throws -> [DetailsKey: Details] {
        var details: [DetailsKey: Details] = [:]
        try forEachRecord(in: file) { line, field, fields in
            guard let jenisText = field("jenis_pemda"), let code = field("code") else {
                throw CatalogError.badRow(file: file, line: line, fields: fields)
            }
            let entry = Details(spm: field("spm").map { $0 == "SPM" }, jenisLayanan: field("jenis"),
                                pelaksana: field("pelaksana"), definisi: field("definisi_operasional"),
                                previousCode: field("subkegiatan_sebelumnya"))
            for jenis in jenisText.split(separator: "|") {
                guard let jenisPemda = JenisPemda(rawValue: String(jenis)) else {
                    throw CatalogError.badRow(file: file, line: line, fields: fields)
                }
                details[DetailsKey(jenis: jenisPemda, code: code)] = entry
            }
        }
        return details
    }

    /// Calls `body` for every record of a shipped CSV with its line number and a trimmed, empty-as-nil field reader.
    static func forEachRecord(in file: String,
                              _ body: (Int, (String) -> String?, [String]) throws -> Void) throws
    {
        let reader = try CSVReader(string: try text(of: file), hasHeaderRow: true)
        var record = 1
        while let fields = reader.next() {
            record += 1
            try body(record, { name in
                let value = reader[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
                return value?.isEmpty == false ? value : nil
            }, fields)
        }
    }

    /// A shipped file's text, from the bundle (the running program never reads ../shared).
    static func text(of file: String) throws -> String {
        guard let folder = Bundle.module.url(forResource: "nomenklatur", withExtension: nil) else {
            throw CatalogError.missing("nomenklatur")
        }
        return try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    /// Loads every shipped version that the database does not have yet, each in one transaction.
    public static func ensureLoaded(on database: any Database) async throws {
        for version in shipped {
            if try await NomenklaturVersion.query(on: database).filter(\.$code == version.code).first() != nil {
                continue
            }
            let rows = try rows(of: version)
            try await database.transaction { db in
                let record = NomenklaturVersion(code: version.code, name: version.name, legalBasis: version.legalBasis,
                                                effectiveYear: version.effectiveYear,
                                                source: "Resources/nomenklatur/\(version.file)")
                try await record.create(on: db)
                let versionID = try record.requireID()
                let models = rows.map { Nomenklatur(versionID: versionID, row: $0) }
                try await BatchInsert.create(models, on: db)
            }
        }
    }

    public enum CatalogError: Error, CustomStringConvertible {
        case missing(String)
        /// `line` counts CSV records (header = 1); a record may span several text lines.
        case badRow(file: String, line: Int, fields: [String])

        public var description: String {
            switch self {
            case .missing(let name): "reference data \(name) is missing from the bundle"
            case .badRow(let file, let line, let fields): "\(file) line \(line) is malformed: \(fields)"
            }
        }
    }
}
