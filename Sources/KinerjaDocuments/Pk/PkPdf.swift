import KinerjaCore

/// The signed PK as a PDF in the layout of PermenPAN-RB 53/2014: A4 portrait, the statement sheet with the
/// signatures and the verification QR code on page 1, then the annex tables and the signatures again.
public enum PkPdf {
    /// Content streams are deflated: on a typical PK (8 indicators, 10 budget lines, 3 pages) this takes the file
    /// from about 36 KB to 10 KB for some 0.3 ms, within the 2 ms budget (docs/documents.md has the figures).
    static let compressed = true

    /// The PDF's bytes. `verifyURL` goes into the QR code and the caption under it; `footer` (the caller gives the
    /// document's SHA-256) is printed below the caption; `logoPNG` is the Pemda's emblem, centred above the heading;
    /// `draft` puts a large grey "DRAF" across every page of a PK that is not signed yet.
    /// Throws `PdfError` when libharu fails or the logo is not a readable PNG, `QRCodeError` for an unencodable link.
    public static func render(_ doc: PkDocument, verifyURL: String, footer: String? = nil, logoPNG: [UInt8]? = nil,
                              draft: Bool = false) throws -> [UInt8]
    {
        let qr = try QRCode(encoding: verifyURL)
        let pdf = try PdfDocument(compressed: compressed)
        // Info strings are read as PDFDocEncoding, which matches CP1252 only from 0xA0 up: hence a comma, not a dash.
        pdf.setInfo(title: "\(doc.title), \(doc.pihakPertama.jabatan)", creator: "Kinerja")
        let logo = try logoPNG.map { try pdf.loadPNG($0) }

        let background: ((PdfPage) -> Void)? = draft ? { drawDraftMark(on: $0) } : nil
        let flow = try PageFlow(pdf: pdf, background: background)
        let mark = PkVerificationMark(qr: qr, verifyURL: verifyURL, footer: footer, left: flow.left,
                                      width: flow.width)
        mark.draw(on: flow.page, left: flow.left, bottom: PageFlow.marginBottom)
        flow.bottom += mark.reservedHeight

        try PkStatementSheet.draw(doc, logo: logo, in: flow)
        try PkSignatureBlock.draw(doc, in: flow)
        try PkAnnex.draw(doc, in: flow)
        PageNumbers.draw(on: pdf.pages)
        return try pdf.serialized()
    }

    private static func drawDraftMark(on page: PdfPage) {
        page.rotatedText(Array("DRAF".utf8), centerX: PdfPage.width / 2, centerY: PdfPage.height / 2,
                         angle: .pi / 4, font: .bold, size: 150, gray: 0.9)
    }
}
