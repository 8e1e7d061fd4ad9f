import Crypto
import FluentKit
import Foundation
import KinerjaCore
import NIOPosix
import SQLKit
import Testing
@testable import KinerjaStore

/// Where the seal key comes from, which keys a deployment vouches for, and that the private key never reaches the
/// database.
@Suite(.serialized)
struct SealKeyTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "kinerja-seal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func a_key_file_is_made_once_with_owner_only_permissions_and_kept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try SealKeyring.load(environment: [:], dataDirectory: dir)
        let again = try SealKeyring.load(environment: [:], dataDirectory: dir)
        #expect(first.publicKey == again.publicKey)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/" + SealKeyring.keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(first.trust(of: first.publicKey) == .trusted)
        #expect(first.trust(of: Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()) == .unknown)
    }

    @Test func a_key_from_the_environment_wins_and_a_bad_one_is_refused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let own = Curve25519.Signing.PrivateKey()
        let earlier = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        let ring = try SealKeyring.load(environment: ["KINERJA_SEAL_KEY": own.rawRepresentation.base64EncodedString(),
                                                      "KINERJA_SEAL_TRUSTED_KEYS": "\(earlier), bukan-kunci"], dataDirectory: dir)
        #expect(ring.publicKey == own.publicKey.rawRepresentation.base64EncodedString())
        #expect(ring.trust(of: earlier) == .trusted)
        #expect(ring.trusted.count == 2, "the malformed entry is ignored")
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + SealKeyring.keyFile), "no file when the environment has the key")
        #expect(throws: SealKeyring.BadKey.self) { try SealKeyring.load(environment: ["KINERJA_SEAL_KEY": "bukan-kunci"], dataDirectory: dir) }
    }

    @Test func rotation_keeps_the_old_key_trusted() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try SealKeyring.load(environment: [:], dataDirectory: dir)
        let (old, new) = try SealKeyring.rotate(dataDirectory: dir)
        let after = try SealKeyring.load(environment: [:], dataDirectory: dir)
        #expect(old == before.publicKey && new == after.publicKey && old != new)
        #expect(after.trust(of: old) == .trusted)
    }

    @Test func sealing_stores_the_public_key_only() async throws {
        let test = try await TestDatabase.make()
        do {
            let ring = SealKeyring.ephemeral()
            let id = try await ring.keyID(on: test.db)
            #expect(try await ring.keyID(on: test.db) == id, "one row per key")
            let columns = try await (test.db as! any SQLDatabase).select().column("*").from("seal_key").all()
                .first?.allColumns ?? []
            #expect(Set(columns) == ["id", "public_key", "created_at"], "\(columns)")
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }

    @Test func a_legacy_key_kept_in_the_database_becomes_a_trusted_legacy_key_and_leaves_the_database() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let test = try await TestDatabase.empty()
        do {
            let migrations = Migrations()
            migrations.add(Array(KinerjaMigrations.all(dataDirectory: dir).prefix(13)))
            try await Migrator(databases: test.databases, migrations: migrations, logger: test.logger,
                               on: MultiThreadedEventLoopGroup.singleton.any()).setupIfNeeded().get()
            try await Migrator(databases: test.databases, migrations: migrations, logger: test.logger,
                               on: MultiThreadedEventLoopGroup.singleton.any()).prepareBatch().get()
            let legacy = Curve25519.Signing.PrivateKey()
            let publicKey = legacy.publicKey.rawRepresentation.base64EncodedString()
            try await (test.db as! any SQLDatabase).insert(into: "seal_key").columns("id", "public_key", "private_key")
                .values(SQLBind(UUID()), SQLBind(publicKey), SQLBind(legacy.rawRepresentation.base64EncodedString())).run()
            let all = Migrations()
            all.add(KinerjaMigrations.all(dataDirectory: dir))
            try await Migrator(databases: test.databases, migrations: all, logger: test.logger,
                               on: MultiThreadedEventLoopGroup.singleton.any()).prepareBatch().get()
            let ring = try SealKeyring.load(environment: [:], dataDirectory: dir)
            #expect(ring.trust(of: publicKey) == .legacy)
            // The table's definition, from the catalogue: an in-memory SQLite connection of the pool may still expand
            // `SELECT *` by the schema it read before the column was dropped.
            let sql = test.db as! any SQLDatabase
            let catalogue: SQLQueryString = TestDatabase.isPostgres
                ? "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'seal_key'"
                : "SELECT name FROM pragma_table_info('seal_key')"
            let columns = try await sql.raw(catalogue).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(columns) == ["id", "public_key", "created_at"], "\(columns)")
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }
}
