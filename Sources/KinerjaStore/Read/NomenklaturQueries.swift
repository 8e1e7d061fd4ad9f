import FluentKit
import Foundation
import KinerjaCore

public struct NomenklaturVersionSummary: Sendable {
    public var id: UUID
    public var code: String
    public var name: String
    public var legalBasis: String
    public var effectiveYear: Int
    public var source: String
    /// Rows per level, over both kinds of Pemda.
    public var counts: [NomenclatureLevel: Int]
}

/// The shipped nomenclature versions and a search over one of them.
public enum NomenklaturQueries {
    public static func versions(on db: any Database) async throws -> [NomenklaturVersionSummary] {
        var result: [NomenklaturVersionSummary] = []
        for version in try await NomenklaturVersion.query(on: db).sort(\.$effectiveYear, .descending).all() {
            var counts: [NomenclatureLevel: Int] = [:]
            for level in NomenclatureLevel.allCases {
                counts[level] = try await Nomenklatur.query(on: db).filter(\.$version.$id == version.requireID())
                    .filter(\.$level == level).count()
            }
            result.append(NomenklaturVersionSummary(id: try version.requireID(), code: version.code, name: version.name,
                                                    legalBasis: version.legalBasis, effectiveYear: version.effectiveYear,
                                                    source: version.source, counts: counts))
        }
        return result
    }

    /// Rows whose code starts with `query` or whose name contains it (any case), in code order, at most `limit`.
    /// An empty query lists the programs.
    public static func search(versionID: UUID, jenis: JenisPemda, query: String, limit: Int = 200, on db: any Database)
        async throws -> (rows: [NomenklaturIndex.Entry], total: Int)
    {
        let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
        let rows = try await Nomenklatur.query(on: db).filter(\.$version.$id == versionID).filter(\.$jenisPemda == jenis)
            .sort(\.$code).all()
        // Matched in memory: one version and kind is a few thousand rows, and LIKE differs in case between engines.
        let matches = rows.filter { row in
            needle.isEmpty ? row.level == .program
                : row.code.hasPrefix(needle.uppercased()) || row.name.lowercased().contains(needle)
        }
        return (matches.prefix(limit).map {
            NomenklaturIndex.Entry(code: $0.code, level: $0.level, name: $0.name, indikator: $0.indikator,
                                   satuan: $0.satuan, spm: $0.spm, definisi: $0.definisi, previousCode: $0.previousCode)
        }, matches.count)
    }
}
