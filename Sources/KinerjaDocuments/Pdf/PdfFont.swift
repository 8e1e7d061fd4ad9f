import CHaru

/// The faces a document uses: two of the PDF base-14 fonts, which every reader has, so nothing is embedded.
enum PdfFont: Sendable {
    case regular
    case bold

    var postScriptName: String {
        switch self {
        case .regular: "Helvetica"
        case .bold: "Helvetica-Bold"
        }
    }

    var metrics: FontMetrics {
        switch self {
        case .regular: FontMetrics.helvetica
        case .bold: FontMetrics.helveticaBold
        }
    }
}

/// Advance widths of the 256 CP1252 glyphs of one face, in thousandths of the font size. Read once from libharu and
/// kept, so that wrapping a paragraph is arithmetic in Swift rather than a C call per word.
struct FontMetrics: Sendable {
    let widths: [UInt16]

    static let helvetica = FontMetrics(reading: PdfFont.regular.postScriptName)
    static let helveticaBold = FontMetrics(reading: PdfFont.bold.postScriptName)

    func width(of bytes: some Sequence<UInt8>, size: Float) -> Float {
        var units = 0
        for byte in bytes { units += Int(widths[Int(byte)]) }
        return Float(units) * size / 1000
    }

    func width(of byte: UInt8, size: Float) -> Float {
        Float(widths[Int(byte)]) * size / 1000
    }

    private init(reading name: String) {
        // A base-14 font with the built-in CP1252 encoder cannot be missing: a failure here is a broken libharu.
        guard let doc = HPDF_New(nil, nil) else { fatalError("libharu could not allocate a document") }
        defer { HPDF_Free(doc) }
        guard let font = HPDF_GetFont(doc, name, "CP1252") else { fatalError("libharu has no base-14 font \(name)") }
        var widths = [UInt16](repeating: 0, count: 256)
        for code in 0..<256 {
            var byte = UInt8(code)
            widths[code] = UInt16(clamping: HPDF_Font_TextWidth(font, &byte, 1).width)
        }
        self.widths = widths
    }
}
