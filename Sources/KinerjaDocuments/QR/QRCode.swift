import CQREncode
import Foundation

/// A QR code made by libqrencode: error correction level M (15 % of the symbol may be soiled or folded), 8-bit mode,
/// case-sensitive, the smallest version that holds the text. A struct rather than a namespace, since the PDF and
/// the verification page both need the module grid.
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row-major, `width × width`; true for a dark module.
    public let modules: [Bool]

    /// The light margin around the symbol that a scanner needs, in modules (ISO/IEC 18004 asks for 4).
    public static let quietZone = 4

    public init(encoding text: String) throws {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw QRCodeError.unencodable(errno: errno)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // libqrencode packs flags into each byte; bit 0 is the module's colour.
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.width = width
        modules = data.map { $0 & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool {
        modules[y * width + x]
    }

    /// Rectangles that together cover exactly the dark modules, so that a renderer draws a few hundred shapes
    /// instead of one per module. Greedy: from each dark module not yet covered, as wide as the dark run goes, then
    /// as tall as every row below stays dark under it. Rectangles may overlap, which neither a PDF nor an SVG fill
    /// (non-zero rule) shows.
    func darkRectangles() -> [(x: Int, y: Int, width: Int, height: Int)] {
        var covered = [Bool](repeating: false, count: modules.count)
        var out: [(x: Int, y: Int, width: Int, height: Int)] = []
        for y in 0..<width {
            for x in 0..<width where modules[y * width + x] && !covered[y * width + x] {
                var w = 1
                while x + w < width && modules[y * width + x + w] { w += 1 }
                var h = 1
                while y + h < width && (x..<(x + w)).allSatisfy({ modules[(y + h) * width + $0] }) { h += 1 }
                for row in y..<(y + h) {
                    for column in x..<(x + w) { covered[row * width + column] = true }
                }
                out.append((x, y, w, h))
            }
        }
        return out
    }
}

public enum QRCodeError: Error, Sendable, Hashable {
    /// libqrencode refused the text: empty (EINVAL), too long for the largest version (ERANGE), or out of memory.
    case unencodable(errno: Int32)
}
