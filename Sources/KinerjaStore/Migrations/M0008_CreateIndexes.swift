import FluentKit
import SQLKit

/// Indexes for the lookups every page makes: by tenant, by owner, by parent. Created through SQLKit, which both
/// engines accept (Fluent's schema builder cannot add an index after creation on SQLite).
struct M0008_CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_unit_pemda", "unit", ["pemda_id", "sort_order"]),
        ("idx_jabatan_pemda", "jabatan", ["pemda_id"]),
        ("idx_jabatan_superior", "jabatan", ["superior_id"]),
        ("idx_pegawai_pemda", "pegawai", ["pemda_id"]),
        ("idx_penugasan_jabatan", "penugasan", ["jabatan_id"]),
        ("idx_penugasan_pegawai", "penugasan", ["pegawai_id"]),
        ("idx_indikator_owner", "indikator", ["owner_kind", "owner_id"]),
        ("idx_indikator_pemda", "indikator", ["pemda_id"]),
        ("idx_renstra_item_renstra", "renstra_item", ["renstra_id", "sort_order"]),
        ("idx_nomenklatur_level", "nomenklatur", ["version_id", "jenis_pemda", "level"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
