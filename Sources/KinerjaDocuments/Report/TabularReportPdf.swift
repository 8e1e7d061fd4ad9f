import KinerjaCore

/// A `TabularReport` as an A4 PDF: the heading centred, each section's title and ruled table (header repeated on
/// every page it reaches), page numbers.
public enum TabularReportPdf {
    static let titleSize: Float = 12
    static let sectionSize: Float = 10
    static let tableSize: Float = 7

    public static func render(_ report: TabularReport) throws -> [UInt8] {
        let pdf = try PdfDocument(compressed: true)
        pdf.setInfo(title: report.title, creator: "Kinerja")
        let flow = try PageFlow(pdf: pdf)
        try flow.paragraph(report.title.uppercased(), font: .bold, size: titleSize, align: .center)
        for line in report.subtitle {
            try flow.paragraph(line, font: .bold, size: sectionSize, align: .center)
        }
        flow.skip(12)
        for section in report.sections {
            // A section's title stays with its header and first row.
            try flow.keep(PageFlow.lineHeight(sectionSize) + 60)
            try flow.paragraph(section.title, font: .bold, size: sectionSize)
            flow.skip(3)
            let table = PdfTable(
                columns: section.columns.map {
                    PdfTable.Column(title: $0.title, weight: $0.weight, align: $0.numeric ? .right : .left,
                                    groupsRepeats: $0.groupsRepeats)
                },
                rows: section.rows.map { row in
                    PdfTable.Row(cells: section.columns.indices.map { i in
                        PdfTable.Cell(text: row.cells.indices.contains(i) ? row.cells[i] : "")
                    }, bold: row.bold)
                },
                size: tableSize)
            try table.draw(in: flow)
            if let note = section.note {
                flow.skip(3)
                try flow.paragraph(note, size: tableSize)
            }
            flow.skip(12)
        }
        try flow.paragraph(report.footer, size: tableSize)
        PageNumbers.draw(on: pdf.pages)
        return try pdf.serialized()
    }
}
