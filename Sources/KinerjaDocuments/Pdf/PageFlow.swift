/// Content set from the top of a page downwards, continuing on a new page when it reaches the bottom margin.
/// Margins are those of an Indonesian official letter: 2.5 cm left (for binding), 2 cm elsewhere.
final class PageFlow {
    static let marginLeft: Float = 70.87
    static let marginRight: Float = 56.69
    static let marginTop: Float = 56.69
    static let marginBottom: Float = 56.69

    let pdf: PdfDocument
    private(set) var page: PdfPage
    /// The top of the free space on the current page.
    var y: Float
    /// How low content may go on the current page; raised on page 1 to keep the QR code's corner free.
    var bottom: Float
    let left = PageFlow.marginLeft
    let width = PdfPage.width - PageFlow.marginLeft - PageFlow.marginRight
    /// Drawn on every page as it is added, beneath what follows (a draft's watermark).
    private let background: ((PdfPage) -> Void)?

    init(pdf: PdfDocument, background: ((PdfPage) -> Void)? = nil) throws {
        self.pdf = pdf
        self.background = background
        page = try pdf.addA4Page()
        y = PdfPage.height - Self.marginTop
        bottom = Self.marginBottom
        background?(page)
    }

    static func lineHeight(_ size: Float) -> Float { size * 1.3 }

    /// The baseline of a line whose box starts at `top`: the box is 1.3 × the size, the glyphs centred in it.
    static func baseline(top: Float, size: Float) -> Float { top - size * 0.92 }

    var isAtTopOfPage: Bool { y >= PdfPage.height - Self.marginTop }

    func newPage() throws {
        page = try pdf.addA4Page()
        y = PdfPage.height - Self.marginTop
        bottom = Self.marginBottom
        background?(page)
    }

    /// Starts a new page unless `height` still fits; used to keep a block (a signature, a table row) in one piece.
    func keep(_ height: Float) throws {
        if y - height < bottom && !isAtTopOfPage { try newPage() }
    }

    func skip(_ height: Float) {
        y -= height
    }

    /// A wrapped paragraph; lines that no longer fit go to the next page.
    func paragraph(_ text: String, font: PdfFont = .regular, size: Float, align: TextAlignment = .left,
                   indent: Float = 0) throws
    {
        let lines = TextWrap.lines(CP1252.encode(text), width: width - indent, font: font, size: size)
        try set(lines, x: left + indent, width: width - indent, font: font, size: size, align: align)
    }

    func set(_ lines: [TextLine], x: Float, width: Float, font: PdfFont, size: Float, align: TextAlignment) throws {
        let height = Self.lineHeight(size)
        var pending: [PlacedLine] = []
        for line in lines {
            if y - height < bottom && !isAtTopOfPage {
                page.text(pending, font: font, size: size)
                pending.removeAll()
                try newPage()
            }
            pending.append(line.placed(x: x, width: width, y: Self.baseline(top: y, size: size), align: align))
            y -= height
        }
        page.text(pending, font: font, size: size)
    }
}
