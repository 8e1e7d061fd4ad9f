/// A report that is a heading and tables: the quarterly monitoring report (Form E.81) and others. The page and the
/// PDF are both drawn from one value, so they cannot show different figures.
public struct TabularReport: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var title: String
        /// Relative width in the PDF.
        public var weight: Float
        public var numeric: Bool
        /// A cell that repeats the one above is left blank, as a merged cell reads (a sasaran of several indicators).
        public var groupsRepeats: Bool

        public init(_ title: String, weight: Float, numeric: Bool = false, groupsRepeats: Bool = false) {
            self.title = title
            self.weight = weight
            self.numeric = numeric
            self.groupsRepeats = groupsRepeats
        }
    }

    public struct Row: Sendable, Hashable {
        public var cells: [String]
        /// A group's heading or a total.
        public var bold: Bool
        /// Stable ids for the page (`data-key`), e.g. an indicator's key; not printed.
        public var key: String?

        public init(_ cells: [String], bold: Bool = false, key: String? = nil) {
            self.cells = cells
            self.bold = bold
            self.key = key
        }
    }

    public struct Section: Sendable, Hashable {
        public var id: String
        public var title: String
        public var columns: [Column]
        public var rows: [Row]
        public var note: String?

        public init(id: String, title: String, columns: [Column], rows: [Row], note: String? = nil) {
            self.id = id
            self.title = title
            self.columns = columns
            self.rows = rows
            self.note = note
        }
    }

    public var title: String
    public var subtitle: [String]
    public var sections: [Section]
    /// Printed at the foot of the last page: when and from what the report was made.
    public var footer: String

    public init(title: String, subtitle: [String], sections: [Section], footer: String) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footer = footer
    }
}
