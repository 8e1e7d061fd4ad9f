/// The plainest rule of every form: a field that must not be left empty, nor be longer than a field can be.
public enum Required {
    public static func text(_ text: String, field: InputField, label: Message, max limit: Int = Limits.shortText)
        throws(RuleViolation)
    {
        if text.trimmingSpaces().allSatisfy({ $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            throw RuleViolation(code: "form.required", field: field,
                                message: Message(id: "\(label.id) wajib diisi.", en: "\(label.en) is required."))
        }
        try Optional.text(text, field: field, label: label, max: limit)
    }

    /// A field that may stay empty but is bounded all the same.
    public enum Optional {
        public static func text(_ text: String, field: InputField, label: Message, max limit: Int = Limits.shortText)
            throws(RuleViolation)
        {
            guard text.utf8.count > limit else { return }
            let count = text.count
            guard count > limit else { return }
            throw RuleViolation(code: "form.tooLong", field: field,
                message: Message(id: "\(label.id) terlalu panjang: paling banyak \(limit) karakter (tertulis \(count)).",
                                 en: "\(label.en) is too long: at most \(limit) characters (got \(count))."))
        }
    }
}
