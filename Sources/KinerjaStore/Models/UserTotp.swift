import FluentKit
import Foundation

/// A user's second factor: the shared secret of their authenticator app, once they have confirmed it with a code.
/// Kept apart from `AppUser` so that no account snapshot or query of accounts ever carries the secret.
public final class UserTotp: Model, @unchecked Sendable {
    public static let schema = "user_totp"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: AppUser
    /// RFC 4648 Base32, as authenticator apps take it.
    @Field(key: "secret") public var secret: String
    /// The last 30-second step a code was accepted for: a code is good once.
    @Field(key: "last_step") public var lastStep: Int64
    @Field(key: "confirmed_at") public var confirmedAt: Date

    public init() {}

    public init(userID: UUID, secret: String, lastStep: Int64, confirmedAt: Date) {
        self.$user.id = userID
        self.secret = secret
        self.lastStep = lastStep
        self.confirmedAt = confirmedAt
    }
}
