/// A sentence in both interface languages; Bahasa Indonesia first.
public struct Message: Sendable, Hashable, Codable {
    public var id: String
    public var en: String
    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }
}

/// A rule of SAKIP or of the data model that an input broke, with a plain explanation for the form or the import
/// report. `field` names the offending input (a domain field, not an HTML name) so that a form can put the message
/// beside it; `kind` says what sort of refusal it is, which the web layer turns into a status in one place.
public struct RuleViolation: Error, Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// What was typed or sent is wrong: fix it and send again.
        case badInput
        /// The input is fine but the data is not in a state that allows it (already signed, window closed, taken).
        case conflict
        /// Who is asking may not do this.
        case forbidden
        /// What the request names does not exist here.
        case notFound
    }

    public var kind: Kind
    public var code: String
    public var field: InputField?
    public var message: Message

    public init(_ kind: Kind = .badInput, code: String, field: InputField? = nil, message: Message) {
        self.kind = kind
        self.code = code
        self.field = field
        self.message = message
    }

    /// The same refusal about another field: a rule checked on one value, reported for the field it came from.
    public func at(_ field: InputField) -> RuleViolation {
        var copy = self
        copy.field = field
        return copy
    }
}

/// Every refusal of a change of many rows at once (a whole PK table, an import), so that all can be shown together
/// and nothing is written while one stands.
public struct RuleViolations: Error, Sendable, Hashable {
    public var all: [RuleViolation]

    public init(_ all: [RuleViolation]) { self.all = all }
}

/// What a write refuses with: one violation, or all of a validated whole. Callers that show a form catch this, so that
/// one finding and many are shown the same way.
public protocol Refusal: Error, Sendable {
    var violations: [RuleViolation] { get }
}

extension Refusal {
    /// The kind of the first finding: what the whole refusal answers as.
    public var refusalKind: RuleViolation.Kind { violations.first?.kind ?? .badInput }

    /// Every finding's message, one after the other.
    public var summary: Message {
        Message(id: violations.map(\.message.id).joined(separator: " "), en: violations.map(\.message.en).joined(separator: " "))
    }
}

extension RuleViolation: Refusal {
    public var violations: [RuleViolation] { [self] }
}

extension RuleViolations: Refusal {
    public var violations: [RuleViolation] { all }
}
