import KinerjaCore

/// One of several forms on a page, as it came back refused: which form, what was typed, and what was wrong. The
/// page shows the typed values again beside the errors, so nothing a user entered is lost.
struct SubmittedForm: Sendable {
    var name: String
    var values: [String: String]
    var errors: FormErrors

    static let none = SubmittedForm(name: "", values: [:], errors: FormErrors())

    /// The errors of `form` if it is the one that failed.
    func errors(for form: String) -> FormErrors { name == form ? errors : FormErrors() }

    /// What was typed into `field` of `form`, or `fallback` for a fresh form.
    func value(_ form: String, _ field: String, _ fallback: String = "") -> String {
        name == form ? values[field] ?? fallback : fallback
    }
}
