import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import NIOConcurrencyHelpers
import Vapor

/// Each Pemda's organisation as the policy needs it, and the scope of each account worked out from it, kept per
/// structure version: the session's one statement says which version is current, and a change of units, positions or
/// accounts (which raises the version in its transaction) makes every app server read it again.
final class ScopeCache: Sendable {
    struct Entry: Sendable {
        var structure: PemdaStructure
        var units: [UUID: Set<String>] = [:]
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func principal(of account: SessionAccount, on db: any Database) async throws -> Principal {
        guard let pemda = account.pemda else { return Principal(pemdaCode: nil, roles: account.roles) }
        let tree = try await structure(of: pemda, on: db)
        let cached = entries.withLockedValue { $0[pemda.id]?.units[account.id] }
        let units = cached ?? tree.scope.unitCodes(account: account.id, position: account.jabatanID)
        if cached == nil {
            entries.withLockedValue { entries in
                if entries[pemda.id]?.structure.version == tree.version { entries[pemda.id]?.units[account.id] = units }
            }
        }
        return Principal(pemdaCode: pemda.code, roles: account.roles, units: units)
    }

    /// The Pemda's structure at the version the session saw (or a newer one).
    func structure(of pemda: SessionPemda, on db: any Database) async throws -> PemdaStructure {
        if let entry = entries.withLockedValue({ $0[pemda.id] }), entry.structure.version >= pemda.structureVersion {
            return entry.structure
        }
        // Read outside the lock. The version is read before the rows, so a change committed in between can only
        // leave newer rows under an older version, which the next request reads again.
        let loaded = try await PemdaStructure.load(pemdaID: pemda.id, on: db)
        entries.withLockedValue { entries in
            if (entries[pemda.id]?.structure.version ?? -1) < loaded.version || entries[pemda.id] == nil {
                entries[pemda.id] = Entry(structure: loaded)
            }
        }
        return loaded
    }

    /// The positions an account may draft for: its own and every one below (empty without a position).
    func positionsInReach(of account: SessionAccount, on db: any Database) async throws -> Set<UUID> {
        guard let jabatanID = account.jabatanID, let pemda = account.pemda else { return [] }
        return try await structure(of: pemda, on: db).scope.positions(under: jabatanID)
    }
}

extension Application {
    private struct ScopeCacheKey: StorageKey { typealias Value = ScopeCache }

    /// Set by `configure`; Application storage is not written while requests run.
    var scopes: ScopeCache {
        get { storage[ScopeCacheKey.self] ?? ScopeCache() }
        set { storage[ScopeCacheKey.self] = newValue }
    }
}
