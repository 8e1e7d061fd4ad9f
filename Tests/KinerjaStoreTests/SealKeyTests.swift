import Crypto
import FluentKit
import Foundation
import KinerjaCore
import Testing
@testable import KinerjaStore

/// Where the seal key comes from and which keys a deployment vouches for.
@Suite(.serialized)
struct SealKeyTests {
    @Test func a_key_is_made_once_and_kept_unless_the_deployment_brings_its_own() async throws {
        let test = try await TestDatabase.make()
        do {
            let first = try await SealKeys.current(environmentKey: nil, on: test.db)
            let again = try await SealKeys.current(environmentKey: nil, on: test.db)
            #expect(first.id == again.id && first.key.rawRepresentation == again.key.rawRepresentation)
            let own = Curve25519.Signing.PrivateKey()
            let supplied = try await SealKeys.current(environmentKey: own.rawRepresentation.base64EncodedString(), on: test.db)
            #expect(supplied.key.rawRepresentation == own.rawRepresentation && supplied.id != first.id)
            let row = try #require(try await SealKey.find(supplied.id, on: test.db))
            #expect(row.privateKey == nil, "a supplied private key never reaches the database")
            await #expect(throws: RuleViolation.self) { try await SealKeys.current(environmentKey: "bukan-kunci", on: test.db) }
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }

    @Test func pinned_keys_are_the_supplied_one_and_the_listed_earlier_ones() {
        #expect(SealKeys.pinnedPublicKeys(environment: [:]) == nil)
        let key = Curve25519.Signing.PrivateKey()
        let pinned = SealKeys.pinnedPublicKeys(environment: [
            "KINERJA_SEAL_KEY": key.rawRepresentation.base64EncodedString(), "KINERJA_SEAL_TRUSTED_KEYS": "AAAA, BBBB",
        ])
        #expect(pinned == [key.publicKey.rawRepresentation.base64EncodedString(), "AAAA", "BBBB"])
    }
}
