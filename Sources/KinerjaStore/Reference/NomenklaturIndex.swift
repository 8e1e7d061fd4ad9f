import FluentKit
import Foundation
import KinerjaCore

/// A version of the nomenclature in memory, for validating codes and naming items.
///
/// Penunjang programs are published once as generic `X.XX.01…` rows and used per bidang (`1.01.01.2.01.0001`), so
/// a code missing as written is looked up again in its generic form.
public struct NomenklaturIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var level: NomenclatureLevel
        public var name: String
        public var indikator: String?
        public var satuan: String?
        public var spm: Bool?
        public var definisi: String?
        /// The code this sub kegiatan had in the previous version.
        public var previousCode: String? = nil
    }

    public let versionID: UUID
    public let versionCode: String
    public let jenisPemda: JenisPemda
    let entries: [String: Entry]
    let childrenByParent: [String: [Entry]]

    init(versionID: UUID, versionCode: String, jenisPemda: JenisPemda, entries: [String: Entry]) {
        self.versionID = versionID
        self.versionCode = versionCode
        self.jenisPemda = jenisPemda
        self.entries = entries
        var children: [String: [Entry]] = [:]
        for entry in entries.values {
            if let parent = NomenclatureCode.parent(of: entry.code) { children[parent, default: []].append(entry) }
        }
        self.childrenByParent = children.mapValues { $0.sorted { $0.code < $1.code } }
    }

    public static func load(versionCode: String, jenisPemda: JenisPemda, on database: any Database) async throws
        -> NomenklaturIndex
    {
        guard let version = try await NomenklaturVersion.query(on: database).filter(\.$code == versionCode).first()
        else { throw RuleViolation.unknownVersion(versionCode) }
        let rows = try await Nomenklatur.query(on: database)
            .filter(\.$version.$id == version.requireID())
            .filter(\.$jenisPemda == jenisPemda)
            .all()
        var entries: [String: Entry] = [:]
        for row in rows {
            entries[row.code] = Entry(code: row.code, level: row.level, name: row.name, indikator: row.indikator,
                                      satuan: row.satuan, spm: row.spm, definisi: row.definisi)
        }
        return NomenklaturIndex(versionID: try version.requireID(), versionCode: versionCode, jenisPemda: jenisPemda,
                                entries: entries)
    }

    public var all: [Entry] { Array(entries.values) }

    public func lookup(_ code: String) -> Entry? {
        if let entry = entries[code] { return entry }
        let parts = code.split(separator: ".")
        guard parts.count >= 3 else { return nil }
        let generic = (["X", "XX"] + parts.dropFirst(2)).joined(separator: ".")
        guard var entry = entries[generic] else { return nil }
        entry.code = code
        return entry
    }

    /// The entry for `code` at `level`, or a violation that says what is wrong.
    public func require(_ code: String, level: NomenclatureLevel) throws(RuleViolation) -> Entry {
        try NomenclatureCode.checkFormat(code, expected: level)
        guard let entry = lookup(code) else {
            throw RuleViolation(code: "nomenklatur.unknown", field: .code,
                message: Message(
                    id: "Kode \(level.label.id.lowercased()) \"\(code)\" tidak ada dalam nomenklatur \(versionCode) untuk \(jenisPemda == .prov ? "provinsi" : "kabupaten/kota").",
                    en: "\(level.label.en) code \"\(code)\" is not in nomenclature \(versionCode) for \(jenisPemda == .prov ? "provinces" : "regencies/cities")."))
        }
        return entry
    }
}

extension RuleViolation {
    static func unknownVersion(_ code: String) -> RuleViolation {
        RuleViolation(code: "nomenklatur.unknownVersion", field: .version,
            message: Message(id: "Versi nomenklatur \"\(code)\" tidak dikenal.",
                             en: "Unknown nomenclature version \"\(code)\"."))
    }
}

extension NomenklaturIndex {
    /// The entries one level below `code`, in code order, including those published only in generic `X.XX` form.
    public func children(of code: String) -> [Entry] {
        var found: [String: Entry] = [:]
        let parts = code.split(separator: ".")
        if parts.count >= 3 {
            let generic = (["X", "XX"] + parts.dropFirst(2)).joined(separator: ".")
            for entry in childrenByParent[generic] ?? [] {
                var copy = entry
                copy.code = code + entry.code.dropFirst(generic.count)
                found[copy.code] = copy
            }
        }
        for entry in childrenByParent[code] ?? [] { found[entry.code] = entry }
        return found.values.sorted { $0.code < $1.code }
    }
}
