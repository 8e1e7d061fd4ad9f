import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Sign-in accounts for Kota Contoh, so that the demo can be tried as each kind of user. Demo only: the password is
/// published in the README.
enum DemoAccounts {
    static let password = "KotaContoh2026"

    static let accounts: [(username: String, name: String, roles: Set<Role>, unitName: String?)] = [
        ("admin", "Admin Bappeda Kota Contoh", [.adminPemda], nil),
        ("inspektorat", "Auditor Inspektorat Kota Contoh", [.inspektorat], nil),
        ("operator.dinkes", "Operator Dinas Kesehatan", [.operatorOpd], "Dinas Kesehatan"),
    ]

    static func ensure(on app: Application) async throws {
        guard let pemda = try await PemdaQueries.find(code: DemoBuilder.kotaContohCode, on: app.db) else { return }
        let pemdaID = try pemda.requireID()
        let hash = try await app.password.async.hash(password)
        for account in accounts {
            if try await UserQueries.find(login: account.username, on: app.db) != nil { continue }
            var units: [UUID] = []
            if let unitName = account.unitName,
                let unit = try await Unit.query(on: app.db).filter(\.$pemda.$id == pemdaID)
                    .filter(\.$name == unitName).first()
            {
                units.append(try unit.requireID())
            }
            try await UserWriter.create(
                UserWriter.NewUser(pemdaID: pemdaID, username: account.username, displayName: account.name,
                                   roles: account.roles, unitIDs: units),
                passwordHash: hash, mustChangePassword: false, on: app.db)
        }
    }
}
