import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Creates accounts and records sign-in outcomes. Password hashing is the caller's (Vapor's Bcrypt): the store only
/// ever sees hashes.
public enum UserWriter {
    public struct NewUser: Sendable {
        public var pemdaID: UUID?
        public var username: String
        public var nip: String?
        public var displayName: String
        public var roles: Set<Role>
        public var jabatanID: UUID?
        /// The person this account is; when nil, the employee with the account's NIP (if there is one).
        public var pegawaiID: UUID?
        public var unitIDs: [UUID]

        public init(pemdaID: UUID?, username: String, nip: String? = nil, displayName: String, roles: Set<Role>,
                    jabatanID: UUID? = nil, pegawaiID: UUID? = nil, unitIDs: [UUID] = [])
        {
            self.pegawaiID = pegawaiID
            self.pemdaID = pemdaID
            self.username = username
            self.nip = nip
            self.displayName = displayName
            self.roles = roles
            self.jabatanID = jabatanID
            self.unitIDs = unitIDs
        }
    }

    /// Checks the account's shape; the password itself is checked by `PasswordRules` before hashing.
    public static func validate(_ user: NewUser) throws(RuleViolation) {
        let username = user.username
        guard (3...40).contains(username.count),
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            throw RuleViolation(code: "user.username", field: .username,
                message: Message(id: "Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung.",
                                 en: "A username has 3–40 characters: letters, digits, dot, underscore or hyphen."))
        }
        if let nip = user.nip { _ = try Nip(nip) }
        guard !user.roles.isEmpty else {
            throw RuleViolation(code: "user.noRole", field: .roles,
                message: Message(id: "Pilih paling sedikit satu peran.", en: "Choose at least one role."))
        }
        if user.roles.contains(.superAdmin) != (user.pemdaID == nil) {
            throw RuleViolation(code: "user.pemda", field: .pemda,
                message: Message(id: "Super Admin tidak terikat Pemda; peran lain harus terikat tepat satu Pemda.",
                                 en: "A super admin belongs to no Pemda; every other role belongs to exactly one."))
        }
        if user.roles.contains(.pejabat) && user.jabatanID == nil {
            throw RuleViolation(code: "user.pejabatNeedsJabatan", field: .position,
                message: Message(id: "Pengguna berperan Pejabat harus terikat pada jabatannya.",
                                 en: "A user with the official role must be bound to their position."))
        }
        if user.roles.contains(.operatorOpd) && user.unitIDs.isEmpty {
            throw RuleViolation(code: "user.operatorNeedsUnit", field: .unit,
                message: Message(id: "Operator OPD harus terikat pada paling sedikit satu unit kerja.",
                                 en: "An agency operator must be bound to at least one unit."))
        }
    }

    @discardableResult
    public static func create(_ user: NewUser, passwordHash: String, mustChangePassword: Bool = true,
                              audit: AuditContext = .system, on database: any Database) async throws -> UUID
    {
        try validate(user)
        return try await database.transaction { db in
            if try await AppUser.query(on: db).filter(\.$username == user.username).first() != nil {
                throw RuleViolation(.conflict, code: "user.duplicate", field: .username,
                    message: Message(id: "Nama pengguna \(user.username) sudah dipakai.",
                                     en: "Username \(user.username) is taken."))
            }
            if let nip = user.nip, let digits = try? Nip(nip).digits,
               try await AppUser.query(on: db).filter(\.$nip == digits).first() != nil
            {
                throw RuleViolation(.conflict, code: "user.nipTaken", field: .nip,
                    message: Message(id: "NIP \(Nip.group(digits)) sudah dipakai akun lain; satu orang satu akun.",
                                     en: "NIP \(Nip.group(digits)) is already used by another account; one account per person."))
            }
            if let pemdaID = user.pemdaID {
                for unitID in user.unitIDs {
                    guard let unit = try await Unit.find(unitID, on: db), unit.$pemda.id == pemdaID else {
                        throw RuleViolation(code: "reference.unknown", field: .unit,
                            message: Message(id: "Unit kerja yang dipilih tidak ada di Pemda ini.",
                                             en: "The chosen unit does not exist in this Pemda."))
                    }
                }
                if let jabatanID = user.jabatanID {
                    guard let jabatan = try await Jabatan.find(jabatanID, on: db), jabatan.$pemda.id == pemdaID else {
                        throw RuleViolation(code: "reference.unknown", field: .position,
                            message: Message(id: "Jabatan yang dipilih tidak ada di Pemda ini.",
                                             en: "The chosen position does not exist in this Pemda."))
                    }
                }
            }
            let pegawai = try await person(of: user, on: db)
            let record = AppUser(pemdaID: user.pemdaID, username: user.username,
                                 nip: try user.nip.map { nip throws(RuleViolation) in try Nip(nip).digits },
                                 displayName: user.displayName, passwordHash: passwordHash, roles: user.roles,
                                 jabatanID: user.jabatanID, pegawaiID: try pegawai?.requireID(),
                                 mustChangePassword: mustChangePassword)
            try await record.create(on: db)
            let id = try record.requireID()
            for unitID in user.unitIDs { try await UserUnit(userID: id, unitID: unitID).create(on: db) }
            try await AuditTrail.record(.create, entity: AppUser.schema, beforeSnapshot: nil,
                                        after: try AccountSnapshot(record).json, entityID: id, pemdaID: user.pemdaID,
                                        unitID: nil, reason: nil, context: audit, on: db)
            return id
        }
    }

    /// The employee an account is: the one chosen, or the one with its NIP. A person has at most one account, so
    /// that no admin can make a second account that signs in someone's name.
    static func person(of user: NewUser, on db: any Database) async throws -> Pegawai? {
        guard let pemdaID = user.pemdaID else { return nil }
        var found: Pegawai?
        if let id = user.pegawaiID {
            guard let pegawai = try await Pegawai.find(id, on: db), pegawai.$pemda.id == pemdaID else {
                throw RuleViolation(code: "reference.unknown", field: .pegawai,
                    message: Message(id: "Pegawai yang dipilih tidak ada di Pemda ini.", en: "The chosen employee does not exist in this Pemda."))
            }
            if let nip = user.nip, let digits = try? Nip(nip).digits, pegawai.nip != digits {
                throw RuleViolation(code: "user.nipMismatch", field: .nip,
                    message: Message(id: "NIP akun tidak sama dengan NIP pegawai yang dipilih.",
                                     en: "The account's NIP differs from the chosen employee's."))
            }
            found = pegawai
        } else if let nip = user.nip, let digits = try? Nip(nip).digits {
            found = try await Pegawai.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$nip == digits).first()
        }
        if let found, let existing = try await AppUser.query(on: db).filter(\.$pegawai.$id == found.requireID()).first() {
            throw RuleViolation(.conflict, code: "user.personTaken", field: user.pegawaiID == nil ? .nip : .pegawai,
                message: Message(id: "\(found.name) sudah punya akun (\(existing.username)); satu orang satu akun.",
                                 en: "\(found.name) already has an account (\(existing.username)); one account per person."))
        }
        return found
    }

    /// Counts a failed sign-in and locks the account when the throttle says so; returns the lock's end, if any.
    @discardableResult
    public static func recordFailure(userID: UUID, now: Date, throttle: LoginThrottle = .standard,
                                     on database: any Database) async throws -> Date?
    {
        // The count goes up in one UPDATE, so that guesses sent in parallel cannot overwrite each other's failures.
        guard let sql = database as? any SQLDatabase else { return nil }
        let row = try await sql.update(AppUser.schema)
            .set(SQLIdentifier("failed_logins"), to: SQLBinaryExpression(SQLIdentifier("failed_logins"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, userID)
            .returning("failed_logins")
            .first()
        guard let failures = try row?.decode(column: "failed_logins", as: Int.self),
              let seconds = throttle.lockSeconds(afterFailures: failures)
        else { return nil }
        let until = now.addingTimeInterval(TimeInterval(seconds))
        try await AppUser.query(on: database).filter(\.$id == userID).set(\.$lockedUntil, to: until).update()
        return until
    }

    /// Sets a new password hash: by the user themself (`mustChange` false) or by an admin as a temporary one that must
    /// be changed at the next sign-in. Audited without the hash. Every session of the account ends with the old
    /// password, but for `keepingSession`, the one the user changed it in.
    public static func setPassword(userID: UUID, passwordHash: String, mustChange: Bool, keepingSession: String? = nil,
                                   audit: AuditContext, on database: any Database) async throws
    {
        try await database.transaction { db in
            guard let user = try await AppUser.find(userID, on: db) else { return }
            user.passwordHash = passwordHash
            user.mustChangePassword = mustChange
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.update(on: db)
            try await WebSessions.end(userID: userID, except: keepingSession, on: db)
            var droppedTwoFactor = false
            if mustChange {
                // A reset is for someone who lost access; a lost phone is the same case, so the second factor goes too
                // (the user sets it up again after choosing a new password).
                droppedTwoFactor = try await UserTotp.query(on: db).filter(\.$user.$id == userID).count() > 0
                try await UserTotp.query(on: db).filter(\.$user.$id == userID).delete()
            }
            try await AuditTrail.record(.update, entity: AppUser.schema, beforeSnapshot: nil,
                                        after: try AccountSnapshot(user).json, entityID: userID,
                                        pemdaID: user.$pemda.id, unitID: nil,
                                        reason: !mustChange ? "kata sandi diganti" : droppedTwoFactor
                                            ? "kata sandi diatur ulang oleh admin; verifikasi dua langkah dilepas"
                                            : "kata sandi diatur ulang oleh admin",
                                        context: audit, on: db)
        }
    }

    /// Turns an account off (it can no longer sign in, and its sessions end) or on again (it signs in afresh).
    /// Audited with before and after and the reason given.
    public static func setActive(userID: UUID, active: Bool, reason: String, audit: AuditContext,
                                 on database: any Database) async throws
    {
        try Required.text(reason, field: .reason, label: Message(id: "Alasan", en: "The reason"))
        try await database.transaction { db in
            guard let user = try await AppUser.find(userID, on: db), user.active != active else { return }
            let before = try AccountSnapshot(user).json
            user.active = active
            try await user.update(on: db)
            try await WebSessions.end(userID: userID, on: db)
            try await AuditTrail.record(.update, entity: AppUser.schema, beforeSnapshot: before,
                                        after: try AccountSnapshot(user).json, entityID: userID,
                                        pemdaID: user.$pemda.id, unitID: nil, reason: reason, context: audit, on: db)
        }
    }

    public static func recordSuccess(userID: UUID, on database: any Database) async throws {
        try await AppUser.query(on: database).filter(\.$id == userID)
            .set(\.$failedLogins, to: 0).set(\.$lockedUntil, to: nil).update()
    }
}

/// What the audit trail keeps of an account: never the password hash.
struct AccountSnapshot: Encodable {
    var username: String
    var nip: String?
    var displayName: String
    var roles: String
    var active: Bool
    var mustChangePassword: Bool

    init(_ user: AppUser) {
        username = user.username
        nip = user.nip
        displayName = user.displayName
        roles = user.roles
        active = user.active
        mustChangePassword = user.mustChangePassword
    }

    var json: String {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        }
    }
}
