/// A weight in the Pemda's capaian roll-up, as typed on the weights form: empty is the default 1; otherwise a number
/// above 0 and at most `maximum` (a weight of 1.000 beside 1 already decides alone; more is a typo).
public enum CapaianWeight {
    public static let maximum = FixedDecimal(1000)

    public static func parse(_ raw: String, field: InputField) throws(RuleViolation) -> FixedDecimal {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return FixedDecimal(1) }
        let value = try NumberInput.parse(text, field: field).value
        guard value > FixedDecimal(0), value <= maximum else {
            throw RuleViolation(code: "bobot.range", field: field,
                message: Message(id: "Bobot harus lebih dari 0 dan paling besar \(IDFormat.number(maximum)) (tertulis \"\(text)\").",
                                 en: "A weight must be above 0 and at most \(maximum) (got \"\(text)\")."))
        }
        return value
    }

    /// Every weight of a form checked before any is kept, each finding on its own node's field.
    public static func parseAll(_ raw: [String: String]) -> Result<[String: FixedDecimal], RuleViolations> {
        var out: [String: FixedDecimal] = [:]
        var problems: [RuleViolation] = []
        for (node, text) in raw.sorted(by: { $0.key < $1.key }) {
            do throws(RuleViolation) {
                out[node] = try parse(text, field: .keyed(node, .weight))
            } catch {
                problems.append(error)
            }
        }
        return problems.isEmpty ? .success(out) : .failure(RuleViolations(problems))
    }
}
