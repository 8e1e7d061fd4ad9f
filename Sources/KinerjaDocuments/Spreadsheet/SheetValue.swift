import KinerjaCore

/// How a column's numbers show in Excel: real numbers with a format, never numbers written as text.
public enum SheetFormat: Sendable, Hashable {
    case text
    case integer
    /// A number with up to this many decimals shown.
    case decimal(Int)
    /// Whole Rupiah with thousands grouping (Excel shows `1.234.567` in an Indonesian locale).
    case rupiah
    /// A value given in percent units (98,35 for 98,35%), stored as the fraction Excel's percent format expects.
    case percent
    case date

    /// Excel's number format code; nil for the default.
    var code: String? {
        switch self {
        // "@" keeps a NIP or a code as typed: Excel would turn 18 digits into 1,97E+17 and lose the last ones.
        case .text: "@"
        case .integer: "0"
        case .decimal(let places): places <= 0 ? "#,##0" : "#,##0." + String(repeating: "#", count: min(places, 6))
        case .rupiah: "#,##0"
        case .percent: "0.00%"
        case .date: "dd/mm/yyyy"
        }
    }
}

public struct SheetColumn: Sendable, Hashable {
    public var title: String
    public var width: Double
    public var format: SheetFormat

    public init(_ title: String, width: Double = 16, format: SheetFormat = .text) {
        self.title = title
        self.width = width
        self.format = format
    }
}

/// One cell to write.
public enum SheetValue: Sendable, Hashable {
    case empty
    case text(String)
    case decimal(FixedDecimal)
    case integer(Int64)
    case date(CalendarDate)

    public static func optional(_ value: FixedDecimal?) -> SheetValue { value.map(SheetValue.decimal) ?? .empty }
    public static func optional(_ value: String?) -> SheetValue { value.map(SheetValue.text) ?? .empty }
}
