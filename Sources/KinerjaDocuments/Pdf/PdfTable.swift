/// A ruled table whose cells wrap their text. Rows go to the next page when they do not fit, the header row is
/// repeated on every page the table reaches, and only a row taller than a whole page is split between pages.
struct PdfTable {
    struct Column {
        var title: String
        /// Relative to the other columns; the table always spans the text width.
        var weight: Float
        var align: TextAlignment = .left
        /// Leaves a cell blank when it repeats the one above on the same page, as a merged cell would read (the
        /// sasaran of several indicators); after a page break it is written again.
        var groupsRepeats = false
    }

    struct Cell {
        var text: String
        var span: Int = 1
        /// Overrides the column's alignment.
        var align: TextAlignment? = nil
    }

    struct Row {
        var cells: [Cell]
        var bold = false
    }

    var columns: [Column]
    var rows: [Row]
    var size: Float = 9

    static let padding: Float = 3
    static let headerGray: Float = 0.88
    static let ruleWidth: Float = 0.5

    func draw(in flow: PageFlow) throws {
        let widths = columnWidths(total: flow.width)
        let header = layout(Row(cells: columns.map { Cell(text: $0.title, align: .center) }, bold: true),
                            widths: widths, x: flow.left)
        let lineHeight = PageFlow.lineHeight(size)
        let firstLines = rows.first.map { layout($0, widths: widths, x: flow.left).lineCount } ?? 0

        // Never leave a header alone at the foot of a page.
        try flow.keep(height(header.lineCount) + height(min(firstLines, 2)))
        draw(header, lines: 0..<header.lineCount, in: flow, shaded: true)
        var onlyHeaderOnPage = true
        var above: Row?

        for source in rows {
            var row = layout(source, widths: widths, x: flow.left, above: above)
            var from = 0
            repeat {
                let remaining = row.lineCount - from
                let fitting = Int(((flow.y - flow.bottom) - 2 * Self.padding) / lineHeight)
                if fitting >= remaining {
                    draw(row, lines: from..<row.lineCount, in: flow, shaded: false)
                    from = row.lineCount
                    onlyHeaderOnPage = false
                } else if onlyHeaderOnPage {
                    // Taller than a page: split it, at least one line per page so that the loop always advances.
                    let count = max(fitting, 1)
                    draw(row, lines: from..<(from + count), in: flow, shaded: false)
                    from += count
                    if from < row.lineCount { try continueOnNewPage(header, in: flow) }
                } else {
                    try continueOnNewPage(header, in: flow)
                    onlyHeaderOnPage = true
                    row = layout(source, widths: widths, x: flow.left, above: nil)
                }
            } while from < row.lineCount
            above = source
        }
    }

    private func continueOnNewPage(_ header: LaidOutRow, in flow: PageFlow) throws {
        try flow.newPage()
        draw(header, lines: 0..<header.lineCount, in: flow, shaded: true)
    }

    private func height(_ lines: Int) -> Float {
        Float(lines) * PageFlow.lineHeight(size) + 2 * Self.padding
    }

    private func columnWidths(total: Float) -> [Float] {
        let sum = columns.reduce(0) { $0 + $1.weight }
        return columns.map { total * $0.weight / sum }
    }

    private struct LaidOutCell {
        var x: Float
        var width: Float
        var align: TextAlignment
        var lines: [TextLine]
    }

    private struct LaidOutRow {
        var cells: [LaidOutCell]
        var font: PdfFont
        var lineCount: Int
    }

    private func layout(_ row: Row, widths: [Float], x: Float, above: Row? = nil) -> LaidOutRow {
        let font: PdfFont = row.bold ? .bold : .regular
        var cells: [LaidOutCell] = []
        var column = 0
        var left = x
        for (index, cell) in row.cells.enumerated() where column < columns.count {
            let span = min(max(cell.span, 1), columns.count - column)
            let width = widths[column..<(column + span)].reduce(0, +)
            let repeats = columns[column].groupsRepeats && span == 1 && above.map { above in
                index < above.cells.count && above.cells[index].span == 1 && above.cells[index].text == cell.text
            } == true
            let text = repeats ? "" : cell.text
            let lines = TextWrap.lines(CP1252.encode(text), width: width - 2 * Self.padding, font: font, size: size)
            cells.append(LaidOutCell(x: left, width: width, align: cell.align ?? columns[column].align, lines: lines))
            left += width
            column += span
        }
        return LaidOutRow(cells: cells, font: font, lineCount: cells.reduce(0) { max($0, $1.lines.count) })
    }

    private func draw(_ row: LaidOutRow, lines: Range<Int>, in flow: PageFlow, shaded: Bool) {
        let page = flow.page
        let rowHeight = height(lines.count)
        let top = flow.y
        // Paths first, then text: a PDF path must be painted before a text object starts.
        let boxes = row.cells.map { PdfRect(x: $0.x, y: top - rowHeight, width: $0.width, height: rowHeight) }
        if shaded { page.fill(boxes, gray: Self.headerGray) }
        page.stroke(boxes, lineWidth: Self.ruleWidth)

        let lineHeight = PageFlow.lineHeight(size)
        var placed: [PlacedLine] = []
        for cell in row.cells {
            for (offset, index) in lines.enumerated() where index < cell.lines.count {
                let lineTop = top - Self.padding - Float(offset) * lineHeight
                placed.append(cell.lines[index].placed(x: cell.x + Self.padding, width: cell.width - 2 * Self.padding,
                                                       y: PageFlow.baseline(top: lineTop, size: size),
                                                       align: cell.align))
            }
        }
        page.text(placed, font: row.font, size: size)
        flow.skip(rowHeight)
    }
}
