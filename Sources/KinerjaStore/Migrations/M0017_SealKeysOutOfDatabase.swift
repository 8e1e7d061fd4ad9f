import FluentKit
import Foundation
import SQLKit

/// Until this version a seal key could be generated and kept, private half included, in the database it protects.
/// Such keys' public halves are written to the trusted file of the data folder as `legacy` (their seals still
/// verify, marked so), and the private halves are removed: they sign nothing any more.
struct M0017_SealKeysOutOfDatabase: AsyncMigration {
    /// Where the trusted file goes; nil in tests that run on a database in memory.
    var dataDirectory: String?

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let legacy = try await sql.raw("SELECT public_key FROM seal_key WHERE private_key IS NOT NULL").all()
            .map { try $0.decode(column: "public_key", as: String.self) }
        if !legacy.isEmpty, let dataDirectory {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let path = dataDirectory + "/" + SealKeyring.trustedFile
            let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let lines = legacy.map { "\($0) legacy # kunci lama yang dahulu disimpan di basis data" }
            try (existing + lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try await sql.raw("ALTER TABLE seal_key DROP COLUMN private_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("seal_key").field("private_key", .string).update()
    }
}
