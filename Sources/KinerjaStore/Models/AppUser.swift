import FluentKit
import Foundation
import KinerjaCore

/// A person who signs in. A super admin has no Pemda; everyone else belongs to exactly one.
public final class AppUser: Model, @unchecked Sendable {
    public static let schema = "app_user"

    @ID public var id: UUID?
    @OptionalParent(key: "pemda_id") public var pemda: Pemda?
    @Field(key: "username") public var username: String
    /// Lets a civil servant sign in with their NIP.
    @OptionalField(key: "nip") public var nip: String?
    @Field(key: "display_name") public var displayName: String
    /// Bcrypt; never the password.
    @Field(key: "password_hash") public var passwordHash: String
    /// Comma separated `Role` raw values.
    @Field(key: "roles") public var roles: String
    /// For a pejabat: the position whose subtree they act for.
    @OptionalParent(key: "jabatan_id") public var jabatan: Jabatan?
    /// The person this account is: who signs a PK is known by this, the holder of the position that day.
    @OptionalParent(key: "pegawai_id") public var pegawai: Pegawai?
    @Field(key: "active") public var active: Bool
    @Field(key: "failed_logins") public var failedLogins: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, pemdaID: UUID?, username: String, nip: String?, displayName: String,
                passwordHash: String, roles: Set<Role>, jabatanID: UUID? = nil, pegawaiID: UUID? = nil,
                mustChangePassword: Bool = true)
    {
        self.id = id
        self.$pemda.id = pemdaID
        self.username = username
        self.nip = nip
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles.map(\.rawValue).sorted().joined(separator: ",")
        self.$jabatan.id = jabatanID
        self.$pegawai.id = pegawaiID
        self.active = true
        self.failedLogins = 0
        self.lockedUntil = nil
        self.mustChangePassword = mustChangePassword
    }

    public var roleSet: Set<Role> { Role.set(from: roles) }
}

/// The units an operator OPD is bound to (their sub-units included by the policy's scope).
public final class UserUnit: Model, @unchecked Sendable {
    public static let schema = "user_unit"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: AppUser
    @Parent(key: "unit_id") public var unit: Unit

    public init() {}

    public init(userID: UUID, unitID: UUID) {
        self.$user.id = userID
        self.$unit.id = unitID
    }
}
