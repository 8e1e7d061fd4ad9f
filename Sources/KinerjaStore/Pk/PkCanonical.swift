import Crypto
import FluentKit
import Foundation
import KinerjaCore

/// The canonical bytes of a signed PK and their seal. Canonical means: JSON with sorted keys and unescaped slashes,
/// so that the same document always gives the same bytes and the same SHA-256.
public enum PkCanonical {
    public static func encode(_ document: PkDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    public static func decode(_ data: Data) throws -> PkDocument {
        try JSONDecoder().decode(PkDocument.self, from: data)
    }

    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The Ed25519 seal over the SHA-256 digest, base64.
    public static func seal(_ data: Data, with key: Curve25519.Signing.PrivateKey) throws -> String {
        try key.signature(for: Data(SHA256.hash(data: data))).base64EncodedString()
    }

    public struct Verification: Sendable, Hashable {
        /// The stored hash matches the stored document.
        public var hashMatches: Bool
        /// The seal is the server key's signature of that hash.
        public var sealValid: Bool

        public var isValid: Bool { hashMatches && sealValid }
    }

    public static func verify(document: Data, sha256: String, seal: String, publicKey: String) -> Verification {
        let digest = Data(SHA256.hash(data: document))
        let hashMatches = sha256Hex(document) == sha256.lowercased()
        guard let keyBytes = Data(base64Encoded: publicKey), let signature = Data(base64Encoded: seal),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return Verification(hashMatches: hashMatches, sealValid: false) }
        // The seal is checked against the digest of the document as stored, not the stored hash text: a document
        // changed together with its hash still fails.
        return Verification(hashMatches: hashMatches, sealValid: key.isValidSignature(signature, for: digest))
    }
}

/// The server's seal key: from `KINERJA_SEAL_KEY` (base64 raw 32-byte Ed25519 private key) when the deployment
/// supplies one, otherwise generated once and kept in the database, so that every app server seals alike.
public enum SealKeys {
    /// The public keys a deployment vouches for, when it supplies its key: the one of `KINERJA_SEAL_KEY` and any
    /// earlier ones in `KINERJA_SEAL_TRUSTED_KEYS` (comma separated, base64). A seal made with a key outside this set
    /// is not trusted even if it verifies, since whoever can write the database could have added that key. Nil when
    /// the key lives in the database and the database is the only witness.
    public static func pinnedPublicKeys(environment: [String: String] = ProcessInfo.processInfo.environment) -> Set<String>? {
        guard let text = environment["KINERJA_SEAL_KEY"], !text.isEmpty, let raw = Data(base64Encoded: text),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { return nil }
        let earlier = (environment["KINERJA_SEAL_TRUSTED_KEYS"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Set([key.publicKey.rawRepresentation.base64EncodedString()] + earlier)
    }

    public static func current(environmentKey: String? = ProcessInfo.processInfo.environment["KINERJA_SEAL_KEY"],
                               on db: any Database) async throws -> (id: UUID, key: Curve25519.Signing.PrivateKey)
    {
        if let text = environmentKey, !text.isEmpty {
            guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else {
                throw RuleViolation(code: "seal.badKey", field: nil,
                    message: Message(id: "KINERJA_SEAL_KEY bukan kunci Ed25519 (base64, 32 bita).",
                                     en: "KINERJA_SEAL_KEY is not an Ed25519 key (base64, 32 bytes)."))
            }
            let publicKey = key.publicKey.rawRepresentation.base64EncodedString()
            if let row = try await SealKey.query(on: db).filter(\.$publicKey == publicKey).first() {
                return (try row.requireID(), key)
            }
            let row = SealKey(publicKey: publicKey, privateKey: nil)
            try await row.create(on: db)
            return (try row.requireID(), key)
        }
        for row in try await SealKey.query(on: db).sort(\.$createdAt, .descending).all() {
            if let text = row.privateKey, let raw = Data(base64Encoded: text),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            {
                return (try row.requireID(), key)
            }
        }
        let key = Curve25519.Signing.PrivateKey()
        let row = SealKey(publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                          privateKey: key.rawRepresentation.base64EncodedString())
        try await row.create(on: db)
        return (try row.requireID(), key)
    }
}
