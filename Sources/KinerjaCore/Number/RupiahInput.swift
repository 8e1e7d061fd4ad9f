/// Reads an amount of whole Rupiah as people type it: `1.250.000.000`, `Rp 1.250.000.000`, `1250000000`.
public enum RupiahInput {
    public static func parse(_ raw: String, field: InputField = .pagu) throws(RuleViolation) -> Int64 {
        var text = raw
        for noise in ["Rp", "rp", "RP", " ", "\u{00A0}"] { text = text.replacingAll(noise, with: "") }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        // Dots group thousands; a comma would be a fraction of a Rupiah, which budgets do not have.
        let grouped = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count)
        let digits = grouped || groups.count == 1 ? groups.joined() : ""
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter), let amount = Int64(digits) else {
            throw RuleViolation(code: "rupiah.invalid", field: field,
                message: Message(id: "Tulis jumlah Rupiah penuh tanpa sen, mis. 1.250.000.000 (tertulis \"\(raw)\").",
                                 en: "Write whole Rupiah without cents, e.g. 1.250.000.000 (got \"\(raw)\")."))
        }
        return amount
    }
}
