import Foundation
import FluentKit
import KinerjaCore
import SQLKit

/// A published PK on the public portal.
public struct PublishedPk: Sendable, Hashable {
    public var pkID: UUID
    public var pemdaCode: String
    public var pemdaName: String
    public var year: Int
    public var version: Int
    public var unitName: String
    public var jabatanName: String
    public var level: PkLevel
    public var signedOn: String?
    public var pihakPertama: String
}

public struct PkVerificationView: Sendable {
    public var pkID: UUID
    public var status: PkStatus
    public var document: PkDocument?
    public var verification: PkCanonical.Verification
    public var sha256: String
    public var sealedAt: Date
    /// The Pemda's zone, in which the sealing time is shown.
    public var zone: ZonaWaktu
    public var publicKey: String
    /// Whether the deployment vouches for the key of this seal (see `SealKeyring`).
    public var keyTrust: SealKeyring.Trust
    /// The newest signed version, when this one has been superseded by a PK Perubahan.
    public var supersededBy: Int?
}

/// The public portal: published PKs, and the verification of a signed one.
public enum PkPublic {
    /// One Pemda at a time (the whole country is some 270,000 PKs a year), in one statement: the names are the
    /// snapshots taken at signing, not today's.
    public static func published(pemda: PemdaInfo, organisation o: PemdaOrganisation, year: Int?, unitID: UUID?, query: String?,
                                 on db: any Database) async throws -> [PublishedPk]
    {
        let sql = try db.sql
        let yearFilter: SQLQueryString = year.map { "AND pk.year = \(bind: $0)" } ?? ""
        let rows = try await sql.raw("""
            SELECT pk.id, pk.jabatan_id, pk.unit_id, pk.year, pk.version, pk.level, pk.signed_on,
                   sg.name AS signer, sg.jabatan AS signer_jabatan
            FROM pk LEFT JOIN pk_signature sg ON sg.pk_id = pk.id AND sg.party = 'pihakPertama'
            WHERE pk.pemda_id = \(bind: pemda.id) AND pk.status = 'diterbitkan' \(yearFilter)
            """).all()
        struct Found: PkVersioned {
            var id: UUID, jabatan: UUID, unit: UUID?, year: Int, version: Int, level: PkLevel, signedOn: String?
            var signer: String, signerJabatan: String
            var status: PkStatus { .diterbitkan }
        }
        let found = try rows.map { row in
            Found(id: try row.decode(column: "id", as: UUID.self), jabatan: try row.decode(column: "jabatan_id", as: UUID.self),
                  unit: try row.decode(column: "unit_id", as: UUID?.self), year: try row.decode(column: "year", as: Int.self),
                  version: try row.decode(column: "version", as: Int.self),
                  level: PkLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .pengawas,
                  signedOn: try row.decode(column: "signed_on", as: String?.self),
                  signer: try row.decode(column: "signer", as: String?.self) ?? "",
                  signerJabatan: try row.decode(column: "signer_jabatan", as: String?.self) ?? "")
        }
        // A Perangkat Daerah with everything inside it: its bidang and seksi sign PKs too.
        let inUnit: Set<UUID>? = unitID.map { id in
            let children = Dictionary(grouping: o.units.values.filter { $0.parent != nil }) { $0.parent! }.mapValues { $0.map(\.id) }
            return Set(Hierarchy.subtree(of: id, children: children))
        }
        let needle = query?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var out: [PublishedPk] = []
        // The version in force: the newest published one of each position and year.
        for pk in PkVersions.latestOfEach(found, by: { "\($0.jabatan)/\($0.year)" }) {
            if let inUnit, !(pk.unit.map(inUnit.contains) ?? false) { continue }
            let unitName = o.opd(of: pk.unit).flatMap { o.units[$0]?.name } ?? pemda.name
            let item = PublishedPk(pkID: pk.id, pemdaCode: pemda.code, pemdaName: pemda.name, year: pk.year, version: pk.version,
                                   unitName: unitName, jabatanName: pk.signerJabatan.isEmpty ? o.positions[pk.jabatan]?.name ?? "" : pk.signerJabatan,
                                   level: pk.level, signedOn: pk.signedOn, pihakPertama: pk.signer)
            if !needle.isEmpty {
                let haystack = [item.unitName, item.jabatanName, item.pihakPertama, item.pemdaName].joined(separator: " ").lowercased()
                guard needle.split(whereSeparator: \.isWhitespace).allSatisfy({ haystack.contains($0) }) else { continue }
            }
            out.append(item)
        }
        // The Kepala Daerah's own PK first, then down the levels.
        return out.sorted {
            ($0.year, $0.level.rank, $0.unitName, $0.jabatanName) < ($1.year, $1.level.rank, $1.unitName, $1.jabatanName)
        }
    }

    /// One statement: the sealed document, its seal and key, and whether a newer signed version exists.
    public static func verification(_ pkID: UUID, keyring: SealKeyring, on db: any Database) async throws -> PkVerificationView? {
        guard let row = try await db.sql.raw("""
            SELECT pk.status, s.document, s.sha256, s.seal, s.sealed_at, k.public_key, pd.time_zone,
                   (SELECT MAX(p2.version) FROM pk p2 WHERE p2.jabatan_id = pk.jabatan_id AND p2.year = pk.year
                      AND p2.version > pk.version AND p2.status IN ('ditandatangani', 'diterbitkan')) AS newer
            FROM pk JOIN pk_seal s ON s.pk_id = pk.id JOIN seal_key k ON k.id = s.key_id JOIN pemda pd ON pd.id = pk.pemda_id
            WHERE pk.id = \(bind: pkID)
            """).first()
        else { return nil }
        let document = try row.decode(column: "document", as: String.self)
        let sha = try row.decode(column: "sha256", as: String.self)
        let seal = try row.decode(column: "seal", as: String.self)
        let publicKey = try row.decode(column: "public_key", as: String.self)
        let checked = VerifiedSeals.shared.check(document: document, sha256: sha, seal: seal, publicKey: publicKey)
        return PkVerificationView(
            pkID: pkID, status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .diterbitkan,
            document: checked.document, verification: checked.verification, sha256: sha,
            sealedAt: try row.decode(column: "sealed_at", as: Date.self),
            zone: ZonaWaktu(rawValue: try row.decode(column: "time_zone", as: String.self)) ?? .wib, publicKey: publicKey,
            keyTrust: keyring.trust(of: publicKey), supersededBy: try row.decode(column: "newer", as: Int?.self))
    }
}

/// The outcome of checking a stored seal, remembered by the exact stored bytes: the document, its stored hash, the
/// seal and the key. The row is read on every request, so a changed byte is a new key here and is checked afresh.
final class VerifiedSeals: @unchecked Sendable {
    static let shared = VerifiedSeals()

    struct Outcome: Sendable {
        var document: PkDocument?
        var verification: PkCanonical.Verification
    }

    private let lock = NSLock()
    private var outcomes: [String: Outcome] = [:]

    func check(document: String, sha256: String, seal: String, publicKey: String) -> Outcome {
        let bytes = Data(document.utf8)
        let key = PkCanonical.sha256Hex(bytes) + "|" + sha256 + "|" + seal + "|" + publicKey
        lock.lock()
        let known = outcomes[key]
        lock.unlock()
        if let known { return known }
        let outcome = Outcome(document: try? PkCanonical.decode(bytes),
                              verification: PkCanonical.verify(document: bytes, sha256: sha256, seal: seal, publicKey: publicKey))
        lock.lock()
        // A few thousand seals at most per server; start again rather than grow without bound.
        if outcomes.count > 20_000 { outcomes.removeAll() }
        outcomes[key] = outcome
        lock.unlock()
        return outcome
    }
}
