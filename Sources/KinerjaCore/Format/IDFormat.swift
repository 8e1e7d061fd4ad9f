/// Formats figures the way Indonesian government documents write them (ui.md): `1.234.567`, `72,74`, `107,14%`,
/// `Rp 1.234.567.000`, `23 November 2026`.
public enum IDFormat {
    public static let months = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
        "Desember",
    ]
    public static let triwulan = ["I", "II", "III", "IV"]

    /// The roman numeral of a quarter (1…4), as Indonesian documents number them; other numbers as they are.
    public static func roman(_ n: Int) -> String { (1...4).contains(n) ? triwulan[n - 1] : String(n) }

    /// Up to `maxFractionDigits` decimals, trailing zeros dropped, comma as decimal separator, dot for thousands.
    public static func number(_ value: FixedDecimal, maxFractionDigits: Int = 6) -> String {
        let rounded = value.rounded(toFractionDigits: maxFractionDigits)
        let canonical = rounded.description
        let negative = canonical.hasPrefix("-")
        let body = negative ? String(canonical.dropFirst()) : canonical
        let parts = body.split(separator: ".", maxSplits: 1)
        var text = grouped(String(parts[0]))
        if parts.count == 2 { text += "," + parts[1] }
        return (negative ? "-" : "") + text
    }

    /// A percentage with exactly two decimals: `107,14%`.
    public static func percent(_ value: FixedDecimal) -> String {
        let rounded = value.rounded(toFractionDigits: 2)
        let canonical = rounded.description
        let negative = canonical.hasPrefix("-")
        let body = negative ? String(canonical.dropFirst()) : canonical
        let parts = body.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        // Rounding saturates near the ends of the range and can leave more than two digits: cut, never pad negatively.
        let padded = String((fraction + "00").prefix(2))
        return (negative ? "-" : "") + grouped(String(parts[0])) + "," + padded + "%"
    }

    public static func grouped(_ digits: String) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// Whole Rupiah, grouped: `1.234.567.000`; with `prefix`, `Rp 1.234.567.000`.
    public static func rupiah(_ amount: Int64, prefix: Bool = false) -> String {
        let body = grouped(String(amount.magnitude))
        return (prefix ? "Rp " : "") + (amount < 0 ? "-" : "") + body
    }

    /// A target as documents write it: `7,5`, `5–5,5`, `Ada`, the ordinal level's name.
    public static func target(_ target: Target, scale: OrdinalScale? = nil) -> String {
        switch target {
        case .value(let v): number(v)
        case .range(let a, let b): number(a) + "–" + number(b)
        case .binary(let met): met ? "Ada" : "Tidak ada"
        case .ordinal(let rank): scale?.label(ofRank: rank) ?? String(rank)
        case .qualitative: "–"
        }
    }

    public static func date(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
