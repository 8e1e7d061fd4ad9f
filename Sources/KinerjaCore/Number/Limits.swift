/// The bounds every value from outside is held to at the edge, before any arithmetic or storage: a year outside
/// `years` would overflow date arithmetic, a 30 MB name would fill the database.
public enum Limits {
    /// Years Kinerja plans, measures and reports.
    public static let years = 2000...2100
    /// A name, a code, a username, a search.
    public static let shortText = 300
    /// A statement, a Manual IKU paragraph, a reason.
    public static let longText = 20_000
    /// Rows of one table sent at once (a PK table).
    public static let rows = 500

    public static func isYear(_ year: Int) -> Bool { years.contains(year) }

    /// The year, or a refusal naming the field.
    public static func year(_ year: Int, field: InputField = .year) throws(RuleViolation) -> Int {
        guard years.contains(year) else {
            throw RuleViolation(code: "form.year", field: field,
                message: Message(id: "Tahun harus antara \(years.lowerBound) dan \(years.upperBound) (tertulis \(year)).",
                                 en: "The year must be between \(years.lowerBound) and \(years.upperBound) (got \(year))."))
        }
        return year
    }

    /// A date typed as `yyyy-mm-dd` in a year Kinerja knows, or nil.
    public static func date(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.utf8.count == 10, let date = CalendarDate(iso: trimmed), years.contains(date.year) else { return nil }
        return date
    }

    /// Text of at most `limit` characters, or a refusal naming the field.
    public static func text(_ text: String, max limit: Int = shortText, field: InputField?) throws(RuleViolation) -> String {
        guard text.utf8.count <= limit * 4, text.count <= limit else {
            throw RuleViolation(code: "form.tooLong", field: field,
                message: Message(id: "Isian terlalu panjang: paling banyak \(limit) karakter (tertulis \(text.count)).",
                                 en: "Too long: at most \(limit) characters (got \(text.count))."))
        }
        return text
    }
}
