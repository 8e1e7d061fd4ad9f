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
/// report. `field` names the offending input so that a form can put the message beside it.
public struct RuleViolation: Error, Sendable, Hashable, Codable {
    public var code: String
    public var field: String?
    public var message: Message

    public init(code: String, field: String? = nil, message: Message) {
        self.code = code
        self.field = field
        self.message = message
    }
}
