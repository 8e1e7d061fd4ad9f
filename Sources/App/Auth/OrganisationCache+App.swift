import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

extension OrganisationCache {
    /// The policy's view of a signed-in account: its Pemda, roles and the units it may change, from the Pemda's
    /// cached organisation at the version the session saw.
    func principal(of account: SessionAccount, on db: any Database) async throws -> Principal {
        guard let pemda = account.pemda else { return Principal(pemdaCode: nil, roles: account.roles) }
        let units = try await unitCodes(account: account.id, position: account.jabatanID, pemda: pemda, on: db)
        return Principal(pemdaCode: pemda.code, roles: account.roles, units: units)
    }

    /// The positions an account may draft for: its own and every one below (empty without a position).
    func positionsInReach(of account: SessionAccount?, on db: any Database) async throws -> Set<UUID> {
        guard let account, let jabatanID = account.jabatanID, let pemda = account.pemda else { return [] }
        return try await organisation(of: pemda, on: db).scope.positions(under: jabatanID)
    }
}

extension Application {
    private struct OrganisationCacheKey: StorageKey { typealias Value = OrganisationCache }

    /// Set by `configure`; Application storage is not written while requests run.
    var organisations: OrganisationCache {
        get { storage[OrganisationCacheKey.self] ?? OrganisationCache() }
        set { storage[OrganisationCacheKey.self] = newValue }
    }
}

extension Request {
    /// The organisation of `pemda`, cached across requests.
    func organisation(of pemda: PemdaInfo) async throws -> PemdaOrganisation {
        try await application.organisations.organisation(of: pemda, on: db)
    }
}
