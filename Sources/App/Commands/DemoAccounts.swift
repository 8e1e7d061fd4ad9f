import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Sign-in accounts for Kota Contoh, so that the demo can be tried as each kind of user. Demo only: the password is
/// published in the README.
enum DemoAccounts {
    static let password = "KotaContoh2026"

    /// `jabatan` names the position a pejabat or the Kepala Daerah is bound to (they sign its PKs); nil otherwise.
    static let accounts: [(username: String, name: String, roles: Set<Role>, unitName: String?, jabatan: JabatanLevel?, jabatanName: String?)] = [
        ("admin", "Admin Bappeda Kota Contoh", [.adminPemda], nil, nil, nil),
        ("inspektorat", "Auditor Inspektorat Kota Contoh", [.inspektorat], nil, nil, nil),
        ("operator.dinkes", "Operator Dinas Kesehatan", [.operatorOpd], "Dinas Kesehatan", nil, nil),
        ("verifikator", "Verifikator Bappeda Kota Contoh", [.verifikator], nil, nil, nil),
        ("walikota", "Walikota Contoh", [.kepalaDaerah], nil, .kepalaDaerah, nil),
        ("kadinkes", "Kepala Dinas Kesehatan", [.pejabat], nil, .jpt, "Kepala Dinas Kesehatan"),
        ("sekdinkes", "Sekretaris Dinas Kesehatan", [.pejabat], nil, .administrator, "Sekretaris Dinas Kesehatan"),
    ]

    static func ensure(on app: Application) async throws {
        guard let pemda = try await PemdaQueries.info(code: DemoBuilder.kotaContohCode, on: app.db) else { return }
        let pemdaID = pemda.id
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
            var jabatanID: UUID?
            if let level = account.jabatan {
                var query = Jabatan.query(on: app.db).filter(\.$pemda.$id == pemdaID).filter(\.$level == level)
                if let name = account.jabatanName { query = query.filter(\.$name == name) }
                jabatanID = try await query.first()?.requireID()
            }
            // A pejabat's account is the person holding the post (the Walikota has no NIP): they sign as themselves.
            let day = AuditContext.system.at(app.clock.now(), zone: pemda.zone).today
            let holder = try await jabatanID.asyncMap { try await PositionHolder.find(jabatanID: $0, on: day, db: app.db) } ?? nil
            try await UserWriter.create(
                UserWriter.NewUser(pemdaID: pemdaID, username: account.username, nip: holder?.nip, displayName: account.name,
                                   roles: account.roles, jabatanID: jabatanID, pegawaiID: holder?.pegawaiID, unitIDs: units),
                passwordHash: hash, mustChangePassword: false, on: app.db)
        }
    }
}
