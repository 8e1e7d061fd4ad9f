import Crypto
import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The server's seal key and the public keys the deployment vouches for. The private key lives outside the database
/// it protects: in `KINERJA_SEAL_KEY` (base64 of the raw 32-byte Ed25519 key) or in the file `seal-key` of the data
/// folder, made on first start with permissions 0600. The database keeps public keys only, so whoever can write the
/// database can add a key but not one the deployment trusts: a seal verifies only under a trusted key.
///
/// Trusted are the current key, the keys listed in `KINERJA_SEAL_TRUSTED_KEYS` (comma separated) and the lines of the
/// file `seal-keys-trusted` in the data folder (a key rotated out, or one that lived in the database before 2026-12;
/// those are marked `legacy`). See docs/documents.md on keeping and rotating the key.
public struct SealKeyring: Sendable {
    public let signingKey: Curve25519.Signing.PrivateKey
    /// Trusted public keys (base64) and whether each is a legacy key that was once kept in the database.
    public let trusted: [String: Bool]

    public var publicKey: String { signingKey.publicKey.rawRepresentation.base64EncodedString() }

    public init(signingKey: Curve25519.Signing.PrivateKey, earlier: [String: Bool] = [:]) {
        self.signingKey = signingKey
        var trusted = earlier
        trusted[signingKey.publicKey.rawRepresentation.base64EncodedString()] = false
        self.trusted = trusted
    }

    public enum Trust: Sendable, Hashable {
        case trusted, legacy, unknown
    }

    public func trust(of publicKey: String) -> Trust {
        switch trusted[publicKey] {
        case false?: .trusted
        case true?: .legacy
        case nil: .unknown
        }
    }

    public static let keyFile = "seal-key"
    public static let trustedFile = "seal-keys-trusted"

    public struct BadKey: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads the key from the environment or the data folder, making the file when there is neither.
    public static func load(environment: [String: String], dataDirectory: String) throws -> SealKeyring {
        var earlier = parseTrusted(environment["KINERJA_SEAL_TRUSTED_KEYS"]?.replacingOccurrences(of: ",", with: "\n") ?? "")
        let trustedPath = dataDirectory + "/" + trustedFile
        if let text = try? String(contentsOfFile: trustedPath, encoding: .utf8) {
            earlier.merge(parseTrusted(text)) { a, b in a && b }
        }
        if let text = environment["KINERJA_SEAL_KEY"], !text.isEmpty {
            return SealKeyring(signingKey: try key(from: text, source: "KINERJA_SEAL_KEY"), earlier: earlier)
        }
        let path = dataDirectory + "/" + keyFile
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return SealKeyring(signingKey: try key(from: text, source: path), earlier: earlier)
        }
        let key = Curve25519.Signing.PrivateKey()
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600])
        else { throw BadKey(description: "Berkas kunci segel \(path) tidak dapat dibuat.") }
        return SealKeyring(signingKey: key, earlier: earlier)
    }

    /// A key for one process only (tests, and `demo` runs that seal nothing lasting).
    public static func ephemeral() -> SealKeyring { SealKeyring(signingKey: Curve25519.Signing.PrivateKey()) }

    static func key(from text: String, source: String) throws -> Curve25519.Signing.PrivateKey {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw BadKey(description: "\(source) bukan kunci Ed25519 (base64, 32 bita).") }
        return key
    }

    /// `<base64 public key> [legacy]` per line; `#` starts a comment.
    static func parseTrusted(_ text: String) -> [String: Bool] {
        var out: [String: Bool] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: "#", maxSplits: 1).first?.split(whereSeparator: \.isWhitespace) ?? []
            guard let key = words.first, let raw = Data(base64Encoded: String(key)), raw.count == 32 else { continue }
            out[String(key)] = words.dropFirst().contains("legacy")
        }
        return out
    }

    /// The row naming this key's public half, made on first use.
    func keyID(on db: any Database) async throws -> UUID {
        if let row = try await SealKey.query(on: db).filter(\.$publicKey == publicKey).first() { return try row.requireID() }
        let row = SealKey(publicKey: publicKey)
        try await row.create(on: db)
        return try row.requireID()
    }

    /// Makes the next key: the current one moves to the trusted file, the new one into the key file. Not for a key
    /// that comes from the environment: there the deployment rotates it.
    public static func rotate(dataDirectory: String) throws -> (old: String, new: String) {
        let path = dataDirectory + "/" + keyFile
        let current = try key(from: try String(contentsOfFile: path, encoding: .utf8), source: path)
        let old = current.publicKey.rawRepresentation.base64EncodedString()
        let trustedPath = dataDirectory + "/" + trustedFile
        let existing = (try? String(contentsOfFile: trustedPath, encoding: .utf8)) ?? ""
        try (existing + old + "\n").write(toFile: trustedPath, atomically: true, encoding: .utf8)
        let next = Curve25519.Signing.PrivateKey()
        try FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data((next.rawRepresentation.base64EncodedString() + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600])
        else { throw BadKey(description: "Berkas kunci segel \(path) tidak dapat dibuat.") }
        return (old, next.publicKey.rawRepresentation.base64EncodedString())
    }
}
