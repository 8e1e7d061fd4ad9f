import Plot

/// The search field above a list: a GET form, so that a search is a link one can share or go back to.
enum SearchBox {
    static func form(action: SiteURL, query: String, label: String, placeholder: String = "",
                     shown: Int, total: Int) -> Node<HTML.BodyContext>
    {
        .group(
            .form(.class("search"), .method(.get), .action(action), .attribute(named: "role", value: "search"),
                  .label(.for("q"), .text(label)),
                  .input(.id("q"), .name("q"), .type(.search), .value(query),
                         .attribute(named: "placeholder", value: placeholder)),
                  .button(.type(.submit), .text(L("Cari", "Search"))),
                  .if(!query.isEmpty, .a(.href(action), .text(L("Hapus pencarian", "Clear search"))))),
            .if(!query.isEmpty, .p(.class("muted"), .attribute(named: "role", value: "status"),
                                   .text(L("\(shown) dari \(total) cocok dengan \"\(query)\".",
                                           "\(shown) of \(total) match \"\(query)\"."))))
        )
    }
}

/// Whether a search query matches any of the texts: every word of the query must appear, in any case.
enum SearchMatch {
    static func matches(_ query: String, _ texts: [String?]) -> Bool {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = texts.compactMap { $0?.lowercased() }.joined(separator: " ")
        return words.allSatisfy { haystack.contains($0) }
    }
}
