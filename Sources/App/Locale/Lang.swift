import KinerjaCore

/// The interface language of a request. Bahasa Indonesia is the first language; English is the second.
enum Lang: String, Sendable, CaseIterable {
    case id
    case en

    /// Set per request by `LanguageMiddleware`, so that views and messages pick their words without passing it along.
    @TaskLocal static var current: Lang = .id

    /// The path and query of the page being rendered, for the language switch to come back to.
    @TaskLocal static var pagePath: String = "/"

    var htmlCode: String { rawValue }
    var other: Lang { self == .id ? .en : .id }
    var name: String { self == .id ? "Bahasa Indonesia" : "English" }
}

/// The words of the current language.
func L(_ id: String, _ en: String) -> String { Lang.current == .en ? en : id }

extension Message {
    /// The message in the current interface language.
    var text: String { Lang.current == .en ? en : id }
}
