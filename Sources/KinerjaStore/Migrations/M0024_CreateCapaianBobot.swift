import FluentKit

/// The weights of the RPJMD's misi, tujuan and sasaran in the Pemda's capaian roll-up. A node without a row weighs 1:
/// equal weights are the default (sakip-rules §2), and a Pemda that sets none never needs the table.
struct M0024_CreateCapaianBobot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("capaian_bobot")
            .id()
            .field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
            .field("node_kind", .string, .required)
            .field("node_id", .uuid, .required)
            .field("weight", .string, .required)
            .unique(on: "node_id")
            .create()
        try await DataRevision.install(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("capaian_bobot").delete()
    }
}
