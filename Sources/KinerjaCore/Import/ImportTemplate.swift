/// The columns of an import file and what each takes: the template's header row, its instructions sheet and the
/// header check of an uploaded file come from this one description.
public struct ImportColumn: Sendable, Hashable {
    /// The header as the template writes it, e.g. `NIP`; matched without case or surrounding spaces.
    public var header: String
    public var required: Bool
    /// What the column takes, for the instructions sheet.
    public var hint: Message
    /// The values allowed, when the column is a choice.
    public var allowed: [String]
    public var example: String

    public init(_ header: String, required: Bool = true, hint: Message, allowed: [String] = [], example: String = "") {
        self.header = header
        self.required = required
        self.hint = hint
        self.allowed = allowed
        self.example = example
    }
}

public struct ImportTemplate: Sendable, Hashable {
    /// The sheet that holds the data; a CSV is that sheet alone.
    public static let dataSheet = "Data"

    public var title: Message
    public var columns: [ImportColumn]
    /// What re-importing a row does (its key), for the instructions.
    public var keyNote: Message

    public init(title: Message, columns: [ImportColumn], keyNote: Message) {
        self.title = title
        self.columns = columns
        self.keyNote = keyNote
    }

    /// Where each template column sits in an uploaded file's header row.
    public struct Layout: Sendable, Hashable {
        public var positions: [String: Int]

        public func cell(_ row: RawRow, _ header: String) -> RawCell {
            positions[Self.normal(header)].map { row[$0] } ?? .empty
        }

        static func normal(_ header: String) -> String { header.trimmingSpaces().lowercased() }
    }

    /// Reads the header row: each required column must be there once. Columns the template does not know are
    /// ignored (a "Keterangan" a person added); a column written twice is refused, since either could be meant.
    public func layout(of header: RawRow, sheet: String) -> Result<Layout, ImportIssues> {
        var positions: [String: Int] = [:]
        var issues: [ImportIssue] = []
        let known = Set(columns.map { Layout.normal($0.header) })
        for (index, cell) in header.cells.enumerated() {
            let name = Layout.normal(cell.display)
            guard known.contains(name) else { continue }
            if positions[name] != nil {
                issues.append(ImportIssue(sheet: sheet, row: header.number, column: cell.display, message: Message(
                    id: "Kolom \"\(cell.display)\" tertulis dua kali di baris judul.",
                    en: "The column \"\(cell.display)\" appears twice in the header row.")))
            }
            positions[name] = index
        }
        for column in columns where column.required && positions[Layout.normal(column.header)] == nil {
            issues.append(ImportIssue(sheet: sheet, row: header.number, column: column.header, message: Message(
                id: "Kolom \"\(column.header)\" tidak ada di baris judul. Unduh templat untuk susunan kolom yang benar.",
                en: "The column \"\(column.header)\" is missing from the header row. Download the template for the right columns.")))
        }
        return issues.isEmpty ? .success(Layout(positions: positions)) : .failure(ImportIssues(issues))
    }
}
