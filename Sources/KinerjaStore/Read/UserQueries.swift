import FluentKit
import Foundation
import KinerjaCore

/// Finds accounts and works out what their holders may touch.
public enum UserQueries {
    /// By username, or by NIP typed with or without spaces.
    public static func find(login: String, on db: any Database) async throws -> AppUser? {
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        if let user = try await AppUser.query(on: db).filter(\.$username == trimmed).first() { return user }
        guard let nip = try? Nip(trimmed) else { return nil }
        return try await AppUser.query(on: db).filter(\.$nip == nip.digits).first()
    }

    /// The policy's view of a user: their Pemda, roles and the codes of every unit they may change, sub-units
    /// included (an operator's bound units; a pejabat's position and the positions under it).
    public static func principal(of user: AppUser, on db: any Database) async throws -> Principal {
        guard user.active else { return .anonymous }
        guard let pemdaID = user.$pemda.id, let pemda = try await Pemda.find(pemdaID, on: db) else {
            return Principal(pemdaCode: nil, roles: user.roleSet)
        }
        let units = try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all()
        var roots = Set(try await UserUnit.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$unit.id })
        if let jabatanID = user.$jabatan.id {
            let positions = try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).all()
            let below = Dictionary(grouping: positions) { $0.$superior.id }
            var stack = [jabatanID]
            while let next = stack.popLast() {
                if let unit = positions.first(where: { $0.id == next })?.$unit.id { roots.insert(unit) }
                stack.append(contentsOf: (below[next] ?? []).compactMap(\.id))
            }
        }
        let children = Dictionary(grouping: units) { $0.$parent.id }
        var codes: Set<String> = []
        var stack = Array(roots)
        while let next = stack.popLast() {
            if let unit = units.first(where: { $0.id == next }) { codes.insert(unit.code) }
            stack.append(contentsOf: (children[next] ?? []).compactMap(\.id))
        }
        return Principal(pemdaCode: pemda.code, roles: user.roleSet, units: codes)
    }

    public struct AccountRow: Codable, Sendable, Equatable {
        public var id: UUID
        public var username: String
        public var displayName: String
        public var nip: String?
        public var roles: [Role]
        public var active: Bool
        public var locked: Bool
        public var mustChangePassword: Bool
    }

    public static func accounts(pemdaID: UUID, now: Date = Date(), on db: any Database) async throws -> [AccountRow] {
        try await AppUser.query(on: db).filter(\.$pemda.$id == pemdaID).sort(\.$username).all().map {
            AccountRow(id: try $0.requireID(), username: $0.username, displayName: $0.displayName, nip: $0.nip,
                       roles: $0.roleSet.sorted { $0.rawValue < $1.rawValue }, active: $0.active,
                       locked: ($0.lockedUntil ?? .distantPast) > now, mustChangePassword: $0.mustChangePassword)
        }
    }
}
