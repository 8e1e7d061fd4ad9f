import KinerjaCore
import Vapor

/// The signed-in person as pages see them, available to views for the duration of a request.
struct Viewer: Sendable {
    var displayName: String
    var principal: Principal
    /// The form token of this session, for the sign-out form in the page header.
    var csrfToken: String
    var mustChangePassword: Bool = false
    /// The user's own Pemda: its menu is in the header of every page.
    var pemda: PemdaRef?

    @TaskLocal static var current: Viewer?
}

/// A Pemda as the page frame names it.
struct PemdaRef: Sendable, Hashable {
    var code: String
    var name: String
}
