import Fluent
import KinerjaStore
import Vapor

/// `kinerja migrate [--revert]`: the schema and the shipped nomenclature, without questions.
struct KinerjaMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Undo every migration (drops all tables).")
        var revert: Bool
    }

    var help: String { "Brings the database schema and reference data up to date." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.revert {
            try await context.application.autoRevert()
            context.console.print("Semua migrasi dibatalkan.")
        } else {
            try await context.application.prepareDatabase()
            context.console.print("Basis data mutakhir.")
        }
    }
}
