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
        Hex.lowercase(SHA256.hash(data: data))
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
