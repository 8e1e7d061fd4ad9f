/// Reads one cell for a column's rule, the way Indonesian Excel writes it: decimal commas (`72,74`), thousands dots
/// in Rupiah (`1.234.567`), dates as Excel serial numbers or `23/11/2026`. Each refusal names what was found.
public enum CellReader {
    /// Why a cell was refused, in both languages; the importer adds the sheet, row and column.
    public struct Problem: Error, Sendable, Hashable {
        public var message: Message
        public init(_ id: String, _ en: String) { message = Message(id: id, en: en) }
    }

    /// Text of at most `maxLength` characters, trimmed; nil when blank.
    public static func text(_ cell: RawCell, maxLength: Int = 500) throws(Problem) -> String? {
        switch cell {
        case .empty: return nil
        case .text(let raw):
            let text = raw.trimmingSpaces()
            guard !text.isEmpty else { return nil }
            guard text.count <= maxLength else {
                throw Problem("Teks terlalu panjang: \(text.count) karakter, paling banyak \(maxLength).",
                              "Text too long: \(text.count) characters, at most \(maxLength).")
            }
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) else {
                throw Problem("Teks berisi karakter kendali yang tidak dapat disimpan.",
                              "The text holds control characters that cannot be stored.")
            }
            return text
        case .number(let literal):
            // A code typed into a number-formatted cell ("2026", "1") is still the code the person meant.
            guard let value = try? decimal(cell) else { return literal }
            return value.description
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .formula: throw formulaProblem
        case .error(let code): throw errorProblem(code)
        }
    }

    public static func requiredText(_ cell: RawCell, maxLength: Int = 500) throws(Problem) -> String {
        guard let text = try text(cell, maxLength: maxLength) else { throw missing }
        return text
    }

    /// A number with up to six decimals. An XLSX number is read as the file writes it (dot decimal); text is read as
    /// people type it (`NumberInput`).
    public static func decimal(_ cell: RawCell) throws(Problem) -> FixedDecimal {
        switch cell {
        case .empty: throw missing
        case .text(let raw):
            do { return try NumberInput.parse(raw).value } catch {
                throw Problem(error.message.id, error.message.en)
            }
        case .number(let literal):
            // Excel stores binary doubles and may write 72.74 as 72.739999999999995: rounding to the six decimals
            // FixedDecimal keeps gives back what was typed.
            guard let double = Double(literal), double.isFinite, abs(double) < 9e12 else {
                throw Problem("Angka \(literal) di luar batas yang dapat disimpan.", "The number \(literal) is out of range.")
            }
            return FixedDecimal(units: Int64((double * Double(FixedDecimal.scale)).rounded()))
        case .boolean: throw Problem("Sel berisi TRUE/FALSE, bukan angka.", "The cell holds TRUE/FALSE, not a number.")
        case .formula: throw formulaProblem
        case .error(let code): throw errorProblem(code)
        }
    }

    /// Whole Rupiah, at least 0.
    public static func rupiah(_ cell: RawCell) throws(Problem) -> Int64 {
        let amount: Int64
        switch cell {
        case .text(let raw):
            do { amount = try RupiahInput.parse(raw) } catch { throw Problem(error.message.id, error.message.en) }
        case .number(let literal):
            let value = try decimal(cell)
            guard value.units % FixedDecimal.scale == 0 else {
                throw Problem("Rupiah ditulis bilangan bulat tanpa sen (tertulis \(literal)).",
                              "Rupiah are whole numbers without cents (got \(literal)).")
            }
            amount = value.units / FixedDecimal.scale
        default:
            _ = try decimal(cell)
            throw missing
        }
        guard amount >= 0 else { throw Problem("Jumlah Rupiah tidak boleh negatif.", "An amount of Rupiah cannot be negative.") }
        return amount
    }

    /// A whole number within `range`.
    public static func integer(_ cell: RawCell, in range: ClosedRange<Int>) throws(Problem) -> Int {
        let value = try decimal(cell)
        guard value.units % FixedDecimal.scale == 0 else {
            throw Problem("Harus bilangan bulat (tertulis \(cell.display)).", "Must be a whole number (got \(cell.display)).")
        }
        let whole = value.units / FixedDecimal.scale
        guard whole >= Int64(range.lowerBound), whole <= Int64(range.upperBound) else {
            throw Problem("Harus antara \(range.lowerBound) dan \(range.upperBound) (tertulis \(cell.display)).",
                          "Must be between \(range.lowerBound) and \(range.upperBound) (got \(cell.display)).")
        }
        return Int(whole)
    }

    /// The earliest and latest day an import takes: Excel's serial 1 to the end of 2099.
    static let dateRange = CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2099, month: 12, day: 31)!

    /// A date from an Excel serial number (the 1900 system) or text `23/11/2026`, `23-11-2026`, `2026-11-23`.
    public static func date(_ cell: RawCell) throws(Problem) -> CalendarDate {
        let date: CalendarDate
        switch cell {
        case .number:
            let serial = try integer(cell, in: 1...73_050)
            // Excel counts 1900-02-29, which never was (Lotus 1-2-3's bug, kept for compatibility): serial 60.
            guard serial != 60 else {
                throw Problem("Tanggal 29/02/1900 tidak pernah ada.", "29/02/1900 never existed.")
            }
            date = CalendarDate(year: 1899, month: 12, day: serial < 60 ? 31 : 30)!.adding(days: serial)
        case .text(let raw):
            let text = raw.trimmingSpaces()
            let invalid = Problem("Tanggal ditulis hh/bb/tttt, mis. 23/11/2026 (tertulis \"\(text)\").",
                                  "Write dates as dd/mm/yyyy, e.g. 23/11/2026 (got \"\(text)\").")
            guard text.count <= 10, text.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "/" || $0 == "-" || $0 == "." }) else {
                throw invalid
            }
            let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
            guard parts.count == 3 else { throw invalid }
            let iso = text.count == 10 && text.dropFirst(4).first == "-"
            let (y, m, d) = iso ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
            guard y >= 1000, (1...12).contains(m), (1...31).contains(d) else { throw invalid }
            guard let parsed = CalendarDate(year: y, month: m, day: d) else {
                throw Problem("Tanggal \(text) tidak ada di kalender.", "The date \(text) does not exist.")
            }
            date = parsed
        case .empty: throw missing
        default:
            _ = try decimal(cell)
            throw missing
        }
        guard dateRange.contains(date) else {
            throw Problem("Tanggal \(IDFormat.date(date)) di luar rentang 1900–2099.", "The date \(date) is outside 1900–2099.")
        }
        return date
    }

    /// One of `choices` (compared without case and surrounding spaces), by its written form.
    public static func choice<T>(_ cell: RawCell, _ choices: [(written: String, value: T)]) throws(Problem) -> T {
        let written = try requiredText(cell, maxLength: 200)
        if let match = choices.first(where: { $0.written.lowercased() == written.lowercased() }) { return match.value }
        let allowed = choices.map(\.written).joined(separator: ", ")
        throw Problem("\"\(written)\" bukan pilihan yang sah; pilih salah satu: \(allowed).",
                      "\"\(written)\" is not allowed; choose one of: \(allowed).")
    }

    public static let missing = Problem("Wajib diisi.", "Required.")

    static let formulaProblem = Problem(
        "Sel berisi rumus. Salin lalu tempel sebagai nilai (Paste Special → Values) sebelum mengimpor.",
        "The cell holds a formula. Copy it and paste as values (Paste Special → Values) before importing.")

    static func errorProblem(_ code: String) -> Problem {
        Problem("Sel berisi galat Excel \(code).", "The cell holds the Excel error \(code).")
    }
}
