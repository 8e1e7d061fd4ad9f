import FluentKit
import SQLKit

/// The data revision and its triggers on every table (see `DataRevision`). A later migration that adds or rebuilds a
/// table calls `DataRevision.install` again; `DataRevisionTests` fails when one forgets.
struct M0021_TrackDataRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DataRevision.install(on: database)
        // The Renstra page reads its sasaran by Renstra; without this the read scans every Pemda's.
        try await database.sql.create(index: "idx_renstra_sasaran_renstra").on("renstra_sasaran").column("renstra_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "idx_renstra_sasaran_renstra").run()
        try await DataRevision.uninstall(on: database)
    }
}
