/// Why a document could not be produced.
public enum PdfError: Error, Sendable, Hashable {
    /// libharu reported an error (codes in hpdf_error.h; `detail` is its sub-code, often a zlib or libpng one).
    case libharu(code: UInt, detail: Int)
    /// The logo is not a PNG libharu can read.
    case unreadableLogo
}
