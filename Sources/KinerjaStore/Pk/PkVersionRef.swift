import Foundation
import KinerjaCore

/// A version of a position's PK, as lists link to it.
public struct PkVersionRef: Sendable, Hashable {
    public var id: UUID
    public var version: Int
    public var status: PkStatus
    public var signedOn: String?
}
