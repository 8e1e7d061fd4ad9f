/// Reads numbers as people type them in an Indonesian office: `72,74` and `72.74`, `1.234.567` and `1234567`.
///
/// Bahasa Indonesia writes a decimal comma and a thousands dot; many spreadsheets export the English way. The rules:
/// when both separators appear, the last one is the decimal separator; repeated separators are thousands groups;
/// a single separator followed by exactly three digits (`1.234`, `1,234`) is ambiguous and is read the Indonesian way
/// (dot = thousands, comma = decimal) with a note that says so.
public enum NumberInput {
    public struct Parsed: Sendable, Equatable {
        public var value: FixedDecimal
        /// Set when the text could be read two ways; says which reading was taken, for the form to show.
        public var note: Message?
    }

    public static func parse(_ raw: String, field: InputField = .realisasi) throws(RuleViolation) -> Parsed {
        var text = raw.trimmingSpaces()
        for noise in ["Rp", "rp", "%", " ", "\u{00A0}"] { text = text.replacingAll(noise, with: "") }
        guard !text.isEmpty else {
            throw RuleViolation(code: "number.empty", field: field,
                message: Message(id: "\(field.label.id.capitalizedFirst) wajib diisi dengan angka.",
                                 en: "\(field.label.en.capitalizedFirst) must be a number."))
        }
        var negative = false
        if text.first == "-" || text.first == "−" {
            negative = true
            text.removeFirst()
        }
        let invalid = RuleViolation(code: "number.invalid", field: field,
            message: Message(id: "\(field.label.id.capitalizedFirst) harus berupa angka (tertulis \"\(raw)\").",
                             en: "\(field.label.en.capitalizedFirst) must be a number (got \"\(raw)\")."))
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." || $0 == "," }),
            text.first?.isASCIIDigitCharacter == true, text.last?.isASCIIDigitCharacter == true
        else { throw invalid }

        let dots = text.count(of: ".")
        let commas = text.count(of: ",")
        var decimalSeparator: Character?
        var note: Message?
        switch (dots, commas) {
        case (0, 0): decimalSeparator = nil
        case (_, _) where dots > 0 && commas > 0:
            decimalSeparator = text.lastIndex(of: ".")! > text.lastIndex(of: ",")! ? "." : ","
        case (1, 0), (0, 1):
            let separator: Character = dots == 1 ? "." : ","
            let pieces = text.split(separator: separator)
            let after = pieces[1]
            // A thousands group never follows a leading zero: "0.372" (a Gini ratio) can only be a decimal.
            if after.count == 3 && !pieces[0].hasPrefix("0") {
                decimalSeparator = separator == "," ? "," : nil
                let reading = separator == "," ? "desimal" : "pemisah ribuan"
                let readingEN = separator == "," ? "a decimal separator" : "a thousands separator"
                note = Message(
                    id: "\"\(raw)\" dibaca dengan \"\(separator)\" sebagai \(reading) (cara penulisan Indonesia).",
                    en: "\"\(raw)\" was read with \"\(separator)\" as \(readingEN) (Indonesian convention).")
            } else {
                decimalSeparator = separator
            }
        default:
            decimalSeparator = nil  // several of one kind: thousands groups
        }
        let thousands: Character? = decimalSeparator == "." ? "," : (decimalSeparator == "," ? "." : nil)
        var wholePart = Substring(text)
        var fractionPart: Substring = ""
        if let decimalSeparator {
            let pieces = text.split(separator: decimalSeparator, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw invalid }
            wholePart = pieces[0]
            fractionPart = pieces[1]
            guard !fractionPart.contains(where: { !$0.isASCIIDigitCharacter }) else { throw invalid }
        }
        let groupSeparators: [Character] = thousands.map { [$0] } ?? [".", ","]
        if wholePart.contains(where: { groupSeparators.contains($0) }) {
            let groups = wholePart.split(omittingEmptySubsequences: false, whereSeparator: { groupSeparators.contains($0) })
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 }),
                Set(wholePart.filter { !$0.isASCIIDigitCharacter }).count == 1
            else { throw invalid }
            wholePart = Substring(groups.joined())
        }
        guard fractionPart.count <= FixedDecimal.fractionDigits else {
            throw RuleViolation(code: "number.tooPrecise", field: field,
                message: Message(
                    id: "\(field.label.id.capitalizedFirst) paling banyak \(FixedDecimal.fractionDigits) angka di belakang koma (tertulis \(fractionPart.count)).",
                    en: "\(field.label.en.capitalizedFirst) allows at most \(FixedDecimal.fractionDigits) decimal digits (got \(fractionPart.count))."))
        }
        let canonical = (negative ? "-" : "") + wholePart + (fractionPart.isEmpty ? "" : "." + fractionPart)
        guard let value = FixedDecimal(canonical: canonical) else {
            throw RuleViolation(code: "number.tooLarge", field: field,
                message: Message(id: "\(field.label.id.capitalizedFirst) terlalu besar (tertulis \"\(raw)\").",
                                 en: "\(field.label.en.capitalizedFirst) is too large (got \"\(raw)\")."))
        }
        return Parsed(value: value, note: note)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func count(of character: Character) -> Int { reduce(0) { $1 == character ? $0 + 1 : $0 } }

    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
