import KinerjaCore

/// The signatures (sakip-rules §1.4): place and date above the right column, pihak kedua on the left and pihak
/// pertama on the right, each with jabatan, room to sign, name, pangkat and NIP. The Kepala Daerah's own PK has
/// only the right column, captioned with the jabatan, and no NIP.
enum PkSignatureBlock {
    static let size: Float = 11
    static let signingSpace: Float = 62
    static let columnGap: Float = 30

    private struct Column {
        var caption: [TextLine]
        var jabatan: [TextLine]
        var name: [TextLine]
        var below: [TextLine]
    }

    static func draw(_ doc: PkDocument, in flow: PageFlow) throws {
        let width = (flow.width - columnGap) / 2
        let right = column(for: doc.pihakPertama, caption: doc.pihakKedua == nil ? nil : "Pihak Pertama,", width: width)
        let left = doc.pihakKedua.map { column(for: $0, caption: "Pihak Kedua,", width: width) }
        let dated = lines("\(doc.place), \(IDFormat.date(doc.date))", .regular, width)

        let lineHeight = PageFlow.lineHeight(size)
        let columns = [left, right].compactMap { $0 }
        let captionLines = columns.reduce(0) { max($0, $1.caption.count) }
        let jabatanLines = columns.reduce(0) { max($0, $1.jabatan.count) }
        let nameLines = columns.reduce(0) { max($0, $1.name.count + $1.below.count) }
        let height = lineHeight * Float(dated.count + captionLines + jabatanLines + nameLines) + signingSpace
        try flow.keep(height)

        let rightX = flow.left + width + columnGap
        let top = flow.y
        var regular = centered(dated, x: rightX, width: width, top: top)
        var bold: [PlacedLine] = []
        let captionTop = top - lineHeight * Float(dated.count)
        let nameTop = captionTop - lineHeight * Float(captionLines + jabatanLines) - signingSpace
        for (column, x) in [(left, flow.left), (right, rightX)] {
            guard let column else { continue }
            regular += centered(column.caption + column.jabatan, x: x, width: width, top: captionTop)
            bold += centered(column.name, x: x, width: width, top: nameTop)
            regular += centered(column.below, x: x, width: width,
                                top: nameTop - lineHeight * Float(column.name.count))
        }
        flow.page.text(regular, font: .regular, size: size)
        flow.page.text(bold, font: .bold, size: size)
        // The name is underlined, as on a signed letter.
        for line in bold {
            let width = PdfFont.bold.metrics.width(of: line.bytes, size: size)
            flow.page.horizontalLine(x: line.x, y: line.y - 1.5, width: width, lineWidth: 0.6)
        }
        flow.skip(height)
    }

    private static func column(for signer: PkSigner, caption: String?, width: Float) -> Column {
        var below: [TextLine] = []
        if !signer.pangkat.allSatisfy({ $0.isWhitespace }) {
            below += lines(signer.pangkat, .regular, width)
        }
        if let nip = signer.groupedNip { below += lines("NIP. \(nip)", .regular, width) }
        // Unilateral: the jabatan itself is the caption ("Wali Kota Contoh,"), as on the form.
        return Column(caption: lines(caption ?? signer.jabatan + ",", .regular, width),
                      jabatan: caption == nil ? [] : lines(signer.jabatan, .regular, width),
                      name: lines(signer.name, .bold, width), below: below)
    }

    private static func lines(_ text: String, _ font: PdfFont, _ width: Float) -> [TextLine] {
        TextWrap.lines(CP1252.encode(text), width: width, font: font, size: size)
    }

    private static func centered(_ lines: [TextLine], x: Float, width: Float, top: Float) -> [PlacedLine] {
        lines.enumerated().map { index, line in
            let lineTop = top - Float(index) * PageFlow.lineHeight(size)
            return line.placed(x: x, width: width, y: PageFlow.baseline(top: lineTop, size: size), align: .center)
        }
    }
}
