import CHaru
import Foundation

/// How a line sits in its box.
enum TextAlignment: Sendable {
    case left, center, right, justified
}

/// Drawing on one A4 page, in PDF points from the bottom-left corner. The handles belong to the `PdfDocument` that
/// made the page (libharu frees them with it); the page holds no reference back, since the document keeps its
/// pages and a cycle would leak both.
struct PdfPage {
    static let width: Float = 595.276
    static let height: Float = 841.89

    let handle: HPDF_Page
    let regular: HPDF_Font
    let bold: HPDF_Font

    /// Sets lines of one face and size in a single text object: one font selection for all of them keeps both the
    /// rendering time and the content stream small.
    func text(_ lines: [PlacedLine], font: PdfFont, size: Float) {
        guard lines.contains(where: { !$0.bytes.isEmpty }) else { return }
        HPDF_Page_BeginText(handle)
        HPDF_Page_SetFontAndSize(handle, font == .bold ? bold : regular, size)
        var wordSpace: Float = 0
        for line in lines where !line.bytes.isEmpty {
            if line.wordSpace != wordSpace {
                HPDF_Page_SetWordSpace(handle, line.wordSpace)
                wordSpace = line.wordSpace
            }
            withCString(line.bytes) { HPDF_Page_TextOut(handle, line.x, line.y, $0) }
        }
        if wordSpace != 0 { HPDF_Page_SetWordSpace(handle, 0) }
        HPDF_Page_EndText(handle)
    }

    func text(_ bytes: [UInt8], x: Float, y: Float, font: PdfFont, size: Float) {
        text([PlacedLine(bytes: bytes, x: x, y: y, wordSpace: 0)], font: font, size: size)
    }

    /// One line turned by `angle` radians about its centre, in a grey (0 black, 1 white): a watermark, drawn before
    /// the content so that the content stays on top.
    func rotatedText(_ bytes: [UInt8], centerX: Float, centerY: Float, angle: Float, font: PdfFont, size: Float,
                     gray: Float)
    {
        let cosine = Float(cos(Double(angle)))
        let sine = Float(sin(Double(angle)))
        let halfWidth = font.metrics.width(of: bytes, size: size) / 2
        // Helvetica's capitals are about 0.72 em high: centre them on the point.
        let halfHeight = size * 0.36
        let x = centerX - halfWidth * cosine + halfHeight * sine
        let y = centerY - halfWidth * sine - halfHeight * cosine
        HPDF_Page_SetGrayFill(handle, gray)
        HPDF_Page_BeginText(handle)
        HPDF_Page_SetFontAndSize(handle, font == .bold ? bold : regular, size)
        HPDF_Page_SetTextMatrix(handle, cosine, sine, -sine, cosine, x, y)
        withCString(bytes) { HPDF_Page_ShowText(handle, $0) }
        HPDF_Page_EndText(handle)
        HPDF_Page_SetGrayFill(handle, 0)
    }

    /// Paints rectangles in one path. Colour and line width are set before the path starts: PDF allows neither
    /// while a path is being built.
    func fill(_ rects: [PdfRect], gray: Float) {
        guard !rects.isEmpty else { return }
        HPDF_Page_SetGrayFill(handle, gray)
        for r in rects { HPDF_Page_Rectangle(handle, r.x, r.y, r.width, r.height) }
        HPDF_Page_Fill(handle)
        HPDF_Page_SetGrayFill(handle, 0)
    }

    func stroke(_ rects: [PdfRect], lineWidth: Float) {
        guard !rects.isEmpty else { return }
        HPDF_Page_SetLineWidth(handle, lineWidth)
        for r in rects { HPDF_Page_Rectangle(handle, r.x, r.y, r.width, r.height) }
        HPDF_Page_Stroke(handle)
    }

    func horizontalLine(x: Float, y: Float, width: Float, lineWidth: Float) {
        HPDF_Page_SetLineWidth(handle, lineWidth)
        HPDF_Page_MoveTo(handle, x, y)
        HPDF_Page_LineTo(handle, x + width, y)
        HPDF_Page_Stroke(handle)
    }

    func image(_ image: PdfImage, x: Float, y: Float, width: Float, height: Float) {
        HPDF_Page_DrawImage(handle, image.handle, x, y, width, height)
    }

    private func withCString(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Void) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            body(UnsafePointer(buffer.baseAddress!))
        }
    }
}

/// A line of text where it goes: the left end of its baseline, and the extra width of each space that justifies it.
struct PlacedLine {
    var bytes: [UInt8]
    var x: Float
    var y: Float
    var wordSpace: Float
}

extension TextLine {
    /// Places the line in a box from `x` that is `width` wide, with its baseline at `y`.
    func placed(x: Float, width: Float, y: Float, align: TextAlignment) -> PlacedLine {
        switch align {
        case .left:
            PlacedLine(bytes: bytes, x: x, y: y, wordSpace: 0)
        case .center:
            PlacedLine(bytes: bytes, x: x + (width - self.width) / 2, y: y, wordSpace: 0)
        case .right:
            PlacedLine(bytes: bytes, x: x + width - self.width, y: y, wordSpace: 0)
        case .justified:
            PlacedLine(bytes: bytes, x: x, y: y,
                       wordSpace: endsParagraph || spaces == 0 ? 0 : (width - self.width) / Float(spaces))
        }
    }
}

struct PdfRect {
    var x: Float
    var y: Float
    var width: Float
    var height: Float
}
