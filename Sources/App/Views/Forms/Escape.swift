/// Plot escapes text but writes attribute values as given, so every value that may hold what a person typed
/// (a search, a name, a form field sent back) passes through here.
enum Escape {
    static func attribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
