import Foundation

/// Windows-1252, the single-byte encoding that libharu's base-14 fonts are used with ("CP1252" encoder). Embedding a
/// Unicode font would make each PDF ~300 KB and ~12 ms (architecture.md), so text is converted here and anything
/// outside the code page becomes `?` rather than an error: a signed PK must always print.
enum CP1252 {
    static let replacement: UInt8 = 0x3F  // '?'
    static let lineBreak: UInt8 = 0x0A

    /// The bytes of `text`, one per user-perceived character. A line end (LF, CR LF or CR) becomes a line feed, a
    /// hard break for the layout; other control characters become spaces, since they would otherwise reach the
    /// content stream as raw bytes.
    static func encode(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return text.utf8.map(ascii)
        }
        if text.unicodeScalars.allSatisfy(standsAlone) {
            return text.unicodeScalars.map(byte(for:))
        }
        // Precompose first, so that "e" + U+0301 becomes é (which the code page has), and count every grapheme that
        // is still several scalars (an emoji with a skin tone, ā written with a combining macron) as one `?`.
        let composed = text.precomposedStringWithCanonicalMapping
        var out: [UInt8] = []
        out.reserveCapacity(composed.utf8.count)
        for character in composed {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                out.append(byte(for: scalar))
            } else if character == "\r\n" {
                out.append(lineBreak)
            } else {
                out.append(replacement)
            }
        }
        return out
    }

    /// Scalars that always form a character by themselves (Latin letters and Latin-1 signs, the dashes, quotes and
    /// bullets of General Punctuation, € and ™), so that text made only of these maps one scalar to one byte
    /// without the cost of grapheme breaking. Combining marks start at U+0300, hence the bound; CR is left out
    /// because CR LF is one character.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: false
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20AC, 0x2122: true
        default: false
        }
    }

    private static func ascii(_ byte: UInt8) -> UInt8 {
        switch byte {
        case lineBreak, 0x0D: lineBreak
        case 0..<0x20, 0x7F: 0x20
        default: byte
        }
    }

    static func byte(for scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        switch value {
        case 0..<0x80: return ascii(UInt8(value))
        case 0x80..<0xA0: return 0x20  // C1 controls
        case 0xA0...0xFF: return UInt8(value)
        default: return upper[value] ?? replacement
        }
    }

    /// The code page's 0x80–0x9F block, plus a few look-alikes that word processors put into pasted text and that
    /// print the same (non-breaking hyphen, minus sign, narrow no-break space).
    private static let upper: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
        0x2010: 0x2D, 0x2011: 0x2D, 0x2212: 0x2D, 0x202F: 0xA0, 0x2007: 0xA0,
    ]
}
