/// A spreadsheet cell as the file holds it, before a column's rule reads it. XLSX keeps numbers apart from text;
/// every CSV field is text.
public enum RawCell: Sendable, Hashable {
    case empty
    case text(String)
    /// An XLSX number as written in the file: always a dot for the decimal, perhaps an exponent (`72.74`, `1.5E-3`).
    case number(String)
    case boolean(Bool)
    /// A cell computed by a formula. Refused: its stored value is only what Excel last computed, and an import
    /// must take what the person saw and checked.
    case formula
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// Whether the cell holds nothing a person typed (blank, or only spaces).
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.trimmingSpaces().isEmpty
        default: false
        }
    }

    /// The cell as a person reads it, for messages and previews.
    public var display: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let literal): literal
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .formula: "=…"
        case .error(let code): code
        }
    }
}

/// The cells of one data row, with its row number as the spreadsheet shows it (the header is row 1, or later when
/// instructions sit above it).
public struct RawRow: Sendable, Hashable {
    public var number: Int
    public var cells: [RawCell]

    public init(number: Int, cells: [RawCell]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> RawCell { cells.indices.contains(column) ? cells[column] : .empty }

    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}
