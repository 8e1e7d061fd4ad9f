import KinerjaCore

/// Page 1, the lembar pernyataan (sakip-rules §1.4, Lampiran I PermenPAN-RB 53/2014): heading, the opening, the
/// parties, the promise and the supervision. The signatures follow it (`PkSignatureBlock`).
enum PkStatementSheet {
    static let bodySize: Float = 11
    static let headingSize: Float = 12
    static let titleSize: Float = 13
    static let logoHeight: Float = 56
    /// Where the ":" of "Nama :" stands, from the left of the text area.
    static let labelIndent: Float = 18
    static let colonAt: Float = 78

    static func draw(_ doc: PkDocument, logo: PdfImage?, in flow: PageFlow) throws {
        if let logo { drawLogo(logo, in: flow) }
        try heading(doc, in: flow)

        let statement = doc.statement
        try flow.paragraph(statement.opening, size: bodySize, align: .justified)
        flow.skip(4)
        try party(doc.pihakPertama, in: flow)
        if let kedua = doc.pihakKedua {
            try flow.paragraph("selanjutnya disebut pihak pertama.", size: bodySize)
            flow.skip(4)
            try party(kedua, in: flow)
            try flow.paragraph("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.", size: bodySize)
        }
        flow.skip(8)
        try flow.paragraph(statement.promise, size: bodySize, align: .justified)
        if let supervision = statement.supervision, doc.pihakKedua != nil {
            flow.skip(6)
            try flow.paragraph(supervision, size: bodySize, align: .justified)
        }
        flow.skip(18)
    }

    private static func drawLogo(_ logo: PdfImage, in flow: PageFlow) {
        guard logo.width > 0, logo.height > 0 else { return }
        let width = min(logoHeight * logo.width / logo.height, flow.width)
        let height = width * logo.height / logo.width
        flow.page.image(logo, x: flow.left + (flow.width - width) / 2, y: flow.y - height, width: width, height: height)
        flow.skip(height + 8)
    }

    private static func heading(_ doc: PkDocument, in flow: PageFlow) throws {
        let pemda = doc.pemdaName.uppercased()
        try flow.paragraph(pemda.hasPrefix("PEMERINTAH") ? pemda : "PEMERINTAH " + pemda, font: .bold,
                           size: headingSize, align: .center)
        if !doc.level.isUnilateral && !doc.unitName.isEmpty {
            try flow.paragraph(doc.unitName.uppercased(), font: .bold, size: headingSize, align: .center)
        }
        flow.skip(10)
        try flow.paragraph(doc.title, font: .bold, size: titleSize, align: .center)
        if let revision = doc.revision {
            let line = "Perubahan ke-\(doc.version): \(revision.ground.label.id); Dasar hukum: \(revision.legalNumber), "
                + IDFormat.date(revision.legalDate)
            try flow.paragraph(line, size: 10, align: .center)
        }
        flow.skip(14)
    }

    /// "Nama : …" and "Jabatan : …", the values wrapping under themselves.
    private static func party(_ signer: PkSigner, in flow: PageFlow) throws {
        for (label, value) in [("Nama", signer.name), ("Jabatan", signer.jabatan)] {
            let valueX = flow.left + colonAt + 8
            let lines = TextWrap.lines(CP1252.encode(value), width: flow.left + flow.width - valueX, font: .regular,
                                       size: bodySize)
            try flow.keep(PageFlow.lineHeight(bodySize))
            let baseline = PageFlow.baseline(top: flow.y, size: bodySize)
            flow.page.text(CP1252.encode(label), x: flow.left + labelIndent, y: baseline, font: .regular, size: bodySize)
            flow.page.text([0x3A], x: flow.left + colonAt, y: baseline, font: .regular, size: bodySize)
            try flow.set(lines, x: valueX, width: flow.left + flow.width - valueX, font: .regular, size: bodySize,
                         align: .left)
        }
    }
}
