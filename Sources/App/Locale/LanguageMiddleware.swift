import Vapor

/// Picks the language: `?lang=en` (or `id`) switches and is remembered in a cookie; otherwise the cookie decides, and
/// without one the interface speaks Bahasa Indonesia whatever the browser prefers, as the users' documents do.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookie = "kinerja_bahasa"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Decoding the query costs more than the rest of this middleware; most requests have no `lang`.
        let chosen = (request.url.query?.contains("lang=") ?? false)
            ? request.query[String.self, at: "lang"].flatMap(Lang.init(rawValue:)) : nil
        let lang = chosen ?? request.requestCookies[Self.cookie].flatMap { Lang(rawValue: $0.string) } ?? .id
        let path = request.url.path + Self.queryWithoutLang(request.url.query)
        request.storage[LanguageKey.self] = LanguageChoice(lang: lang, pagePath: path)
        let response = try await request.withLanguage { try await next.respond(to: request) }
        if let chosen {
            response.cookies[Self.cookie] = HTTPCookies.Value(string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                              isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// The query string minus `lang`, with its leading `?` (or empty).
    static func queryWithoutLang(_ query: String?) -> String {
        let kept = (query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }
        return kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
    }

    /// The link that shows the current page in `lang`.
    static func link(to lang: Lang, from path: String) -> String {
        path + (path.contains("?") ? "&" : "?") + "lang=\(lang.rawValue)"
    }
}

/// The language chosen for a request, kept on it: Vapor's sessions middleware answers in a new task, which does not
/// inherit task-locals, so the choice is applied again by the middleware after it (`withLanguage`).
struct LanguageChoice: Sendable {
    var lang: Lang
    var pagePath: String
}

struct LanguageKey: StorageKey {
    typealias Value = LanguageChoice
}

extension Request {
    /// Runs `body` with this request's language and page path as the task-locals views read.
    func withLanguage<T>(_ body: () async throws -> T) async rethrows -> T {
        let choice = storage[LanguageKey.self] ?? LanguageChoice(lang: .id, pagePath: url.path)
        return try await Lang.$current.withValue(choice.lang) {
            try await Lang.$pagePath.withValue(choice.pagePath) { try await body() }
        }
    }
}
