import KinerjaCore
import Vapor

extension RuleViolation.Kind {
    /// The one mapping of a refusal to HTTP: pages and the API answer alike.
    var status: HTTPResponseStatus {
        switch self {
        case .badInput: .unprocessableEntity
        case .conflict: .conflict
        case .forbidden: .forbidden
        case .notFound: .notFound
        }
    }
}

extension RuleViolation {
    var status: HTTPResponseStatus { kind.status }
}

extension Refusal {
    var status: HTTPResponseStatus { refusalKind.status }
}
