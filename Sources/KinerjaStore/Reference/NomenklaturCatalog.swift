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
    }

    public static let sipd2027 = Shipped(
        code: "SIPD-2027", name: "Nomenklatur Sub Kegiatan SIPD, pemutakhiran TA 2027",
        legalBasis: "Kepmendagri 900.1.15.5-1317/2023 beserta pemutakhirannya (SIPD, TA 2027)", effectiveYear: 2027,
        file: "nomenklatur.csv")
    public static let kepmendagri2023 = Shipped(
        code: "KEPMENDAGRI-1317-2023", name: "Kepmendagri 900.1.15.5-1317/2023 (kab/kota)",
        legalBasis: "Kepmendagri 900.1.15.5-1317/2023", effectiveYear: 2024,
        file: "nomenklatur_kepmendagri_1317_2023_kabkota.csv")
    public static let shipped = [kepmendagri2023, sipd2027]

    public struct Row: Sendable, Hashable {
        public var jenisPemda: JenisPemda
        public var code: String
        public var level: NomenclatureLevel
        public var name: String
        public var kinerja: String?
        public var indikator: String?
        public var satuan: String?
    }

    /// Reads a shipped CSV; a row whose `jenis_pemda` is `PROV|KABKOT` becomes one row for each.
    public static func rows(of version: Shipped) throws -> [Row] {
        guard let folder = Bundle.module.url(forResource: "nomenklatur", withExtension: nil) else {
            throw CatalogError.missing("nomenklatur")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(version.file), encoding: .utf8)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            func field(_ name: String) -> String? {
                let value = reader[name]?.trimmingCharacters(in: .whitespaces)
                return value?.isEmpty == false ? value : nil
            }
            guard let code = field("code"), let levelText = field("level"),
                let level = NomenclatureLevel(rawValue: levelText), let name = field("name"),
                let jenisText = field("jenis_pemda")
            else { throw CatalogError.badRow(file: version.file, line: line, fields: fields) }
            for jenis in jenisText.split(separator: "|") {
                guard let jenisPemda = JenisPemda(rawValue: String(jenis)) else {
                    throw CatalogError.badRow(file: version.file, line: line, fields: fields)
                }
                rows.append(Row(jenisPemda: jenisPemda, code: code, level: level, name: name,
                                kinerja: field("kinerja"), indikator: field("indikator"), satuan: field("satuan")))
            }
        }
        return rows
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
                let models = rows.map {
                    Nomenklatur(versionID: versionID, jenisPemda: $0.jenisPemda, code: $0.code, level: $0.level,
                                name: $0.name, kinerja: $0.kinerja, indikator: $0.indikator, satuan: $0.satuan)
                }
                try await BatchInsert.create(models, on: db)
            }
        }
    }

    public enum CatalogError: Error, CustomStringConvertible {
        case missing(String)
        case badRow(file: String, line: Int, fields: [String])

        public var description: String {
            switch self {
            case .missing(let name): "reference data \(name) is missing from the bundle"
            case .badRow(let file, let line, let fields): "\(file) line \(line) is malformed: \(fields)"
            }
        }
    }
}
