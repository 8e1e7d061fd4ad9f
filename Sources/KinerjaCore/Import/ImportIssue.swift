/// One problem of an imported file, where a spreadsheet shows it: the sheet, the row (the header is row 1) and the
/// column by its header.
public struct ImportIssue: Sendable, Hashable {
    public var sheet: String
    public var row: Int
    public var column: String
    public var message: Message

    public init(sheet: String = "", row: Int, column: String, message: Message) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
    }
}

/// The problems of one row (or of the header), as a `Result`'s failure.
public struct ImportIssues: Error, Sendable, Hashable {
    public var all: [ImportIssue]
    public init(_ all: [ImportIssue]) { self.all = all }
}
