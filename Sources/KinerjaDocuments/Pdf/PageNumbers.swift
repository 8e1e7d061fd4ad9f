/// "Halaman n dari m" at the foot of every page, written last because only then is m known (libharu keeps every
/// page's content stream open until the document is saved).
enum PageNumbers {
    static let size: Float = 8
    static let baseline: Float = 28

    static func draw(on pages: [PdfPage]) {
        for (index, page) in pages.enumerated() {
            let text = "Halaman \(index + 1) dari \(pages.count)"
            let lines = TextWrap.lines(CP1252.encode(text), width: PdfPage.width, font: .regular, size: size)
            page.text(lines.map { $0.placed(x: 0, width: PdfPage.width, y: baseline, align: .center) }, font: .regular,
                      size: size)
        }
    }
}
