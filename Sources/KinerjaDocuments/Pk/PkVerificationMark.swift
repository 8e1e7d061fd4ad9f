/// The foot of page 1: a QR code of the verification link, so that anyone holding a printed PK can check it against
/// the server, with the link in words beside it and the caller's footer (the document's SHA-256) below that.
struct PkVerificationMark {
    static let captionSize: Float = 7.5
    /// About 2.3 cm, which phone cameras and a 150 dpi scan read well; modules get smaller only for long links.
    static let preferredSide: Float = 66
    static let maxModule: Float = 2

    let qr: QRCode
    let module: Float
    let caption: [TextLine]
    let captionX: Float

    init(qr: QRCode, verifyURL: String, footer: String?, left: Float, width: Float) {
        self.qr = qr
        // A multiple of 1/8 pt, and whole-point origins below, keep every coordinate exact in binary and short in
        // the content stream (libharu writes up to five decimals).
        module = (min(Self.maxModule, Self.preferredSide / Float(qr.width)) * 8).rounded(.down) / 8
        let side = Float(qr.width) * module
        captionX = left + side + Float(QRCode.quietZone) * module
        let captionWidth = left + width - captionX
        var text = "Pindai untuk memeriksa keaslian dokumen: \(verifyURL)"
        if let footer, !footer.isEmpty { text += "\n" + footer }
        caption = TextWrap.lines(CP1252.encode(text), width: captionWidth, font: .regular, size: Self.captionSize)
    }

    var side: Float { Float(qr.width) * module }

    /// What the mark takes from the bottom of the text area, with the quiet zone above it kept clear.
    var reservedHeight: Float {
        max(side, Float(caption.count) * PageFlow.lineHeight(Self.captionSize)) + Float(QRCode.quietZone) * module
    }

    func draw(on page: PdfPage, left: Float, bottom: Float) {
        let top = (bottom + max(side, Float(caption.count) * PageFlow.lineHeight(Self.captionSize))).rounded()
        let left = left.rounded()
        page.fill(qr.darkRectangles().map { r in
            PdfRect(x: left + Float(r.x) * module, y: top - Float(r.y + r.height) * module,
                    width: Float(r.width) * module, height: Float(r.height) * module)
        }, gray: 0)
        let lineHeight = PageFlow.lineHeight(Self.captionSize)
        page.text(caption.enumerated().map { index, line in
            line.placed(x: captionX, width: 0,
                        y: PageFlow.baseline(top: top - Float(index) * lineHeight, size: Self.captionSize), align: .left)
        }, font: .regular, size: Self.captionSize)
    }
}
