extension CP1252 {
    /// The Unicode scalars of bytes 0x80–0x9F; the rest of the code page is Latin-1. The five bytes it leaves
    /// undefined keep their C1 control, as Windows reads them.
    private static let block: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Windows-1252 bytes as UTF-8: how a CSV saved by an older Excel is read.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let value = byte < 0xA0 ? block[Int(byte - 0x80)] : UInt32(byte)
            out.append(contentsOf: String(Character(Unicode.Scalar(value)!)).utf8)
        }
        return out
    }
}
