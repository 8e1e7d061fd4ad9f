/// The plainest rule of every form: a field that must not be left empty.
public enum Required {
    public static func text(_ text: String, field: InputField, label: Message) throws(RuleViolation) {
        if text.trimmingSpaces().allSatisfy({ $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            throw RuleViolation(code: "form.required", field: field,
                                message: Message(id: "\(label.id) wajib diisi.", en: "\(label.en) is required."))
        }
    }
}
