import KinerjaCore
import Vapor

extension Request {
    /// Asks the one policy; a refusal is 401 for the anonymous and 403 for everyone else, with the policy's reason.
    func authorize(_ operation: AccessAction, _ subject: Subject) throws {
        if case .deny(let reason) = Policy.decide(principal, operation, subject) {
            throw Abort(principal.roles.isEmpty ? .unauthorized : .forbidden, reason: reason.text)
        }
    }
}
