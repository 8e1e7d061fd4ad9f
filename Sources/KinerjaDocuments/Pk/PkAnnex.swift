import KinerjaCore

/// The lampiran (sakip-rules §1.4): the performance table, the budget table, the rencana aksi by triwulan and the
/// signatures again, on pages of its own.
enum PkAnnex {
    static let headingSize: Float = 12
    static let captionSize: Float = 10
    static let empty = "\u{2013}"

    static func draw(_ doc: PkDocument, in flow: PageFlow) throws {
        try flow.newPage()
        try heading(doc, in: flow)
        try performance(doc).draw(in: flow)
        if !doc.budget.isEmpty {
            flow.skip(14)
            try budget(doc).draw(in: flow)
        }
        flow.skip(14)
        // Keep the caption with the header and first row of its table.
        try flow.keep(PageFlow.lineHeight(captionSize) + 70)
        try flow.paragraph("Rencana Aksi (target per triwulan)", font: .bold, size: captionSize)
        flow.skip(2)
        try rencanaAksi(doc).draw(in: flow)
        flow.skip(24)
        try PkSignatureBlock.draw(doc, in: flow)
    }

    private static func heading(_ doc: PkDocument, in flow: PageFlow) throws {
        try flow.paragraph("LAMPIRAN " + doc.title, font: .bold, size: headingSize, align: .center)
        let jabatan = doc.pihakPertama.jabatan.uppercased()
        try flow.paragraph(jabatan, font: .bold, size: headingSize, align: .center)
        let unit = doc.unitName.uppercased()
        if !unit.isEmpty && !jabatan.contains(unit) {
            try flow.paragraph(unit, font: .bold, size: headingSize, align: .center)
        }
        flow.skip(12)
    }

    static func performance(_ doc: PkDocument) -> PdfTable {
        PdfTable(
            columns: [
                .init(title: "No", weight: 6, align: .center),
                .init(title: doc.level.sasaranHeader.id, weight: 34, groupsRepeats: true),
                .init(title: doc.level.indikatorHeader.id, weight: 40),
                .init(title: "Target", weight: 20, align: .center),
            ],
            rows: doc.performance.enumerated().map { index, row in
                PdfTable.Row(cells: [.init(text: "\(index + 1)"), .init(text: row.sasaran), .init(text: row.indikator),
                                     .init(text: withSatuan(row.target, row.satuan))])
            })
    }

    static func budget(_ doc: PkDocument) -> PdfTable {
        var rows = doc.budget.enumerated().map { index, row in
            PdfTable.Row(cells: [.init(text: "\(index + 1)"), .init(text: "\(row.code) \(row.name)"),
                                 .init(text: IDFormat.rupiah(row.amount))])
        }
        rows.append(PdfTable.Row(cells: [.init(text: "Jumlah", span: 2, align: .center),
                                         .init(text: IDFormat.rupiah(doc.budgetTotal))], bold: true))
        return PdfTable(
            columns: [
                .init(title: "No", weight: 6, align: .center),
                .init(title: doc.level.budgetLevel.label.id, weight: 66),
                .init(title: "Anggaran (Rp)", weight: 28, align: .right),
            ],
            rows: rows)
    }

    static func rencanaAksi(_ doc: PkDocument) -> PdfTable {
        let quarters = IDFormat.triwulan.map { PdfTable.Column(title: "TW \($0)", weight: 11.5, align: .center) }
        return PdfTable(
            columns: [
                .init(title: "No", weight: 5, align: .center),
                .init(title: "Indikator", weight: 35),
                .init(title: "Target", weight: 14, align: .center),
            ] + quarters,
            rows: doc.performance.enumerated().map { index, row in
                let planned = (0..<4).map { quarter -> PdfTable.Cell in
                    let value = quarter < row.quarterly.count ? row.quarterly[quarter] : ""
                    return .init(text: value.allSatisfy { $0.isWhitespace } ? empty : value)
                }
                return PdfTable.Row(cells: [.init(text: "\(index + 1)"), .init(text: row.indikator),
                                            .init(text: withSatuan(row.target, row.satuan))] + planned)
            })
    }

    private static func withSatuan(_ target: String, _ satuan: String) -> String {
        satuan.allSatisfy { $0.isWhitespace } ? target : target + " " + satuan
    }
}
