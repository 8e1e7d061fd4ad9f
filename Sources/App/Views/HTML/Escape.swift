/// The one place where what a person typed becomes HTML. Plot escapes text (and keeps entities it finds, so `&amp;`
/// typed by a user would show as `&`), and writes attribute values exactly as given. The views of this module never
/// reach Plot's own constructors for either: `PlotEscaping.swift` declares same-named ones that come through here,
/// and declarations of this module shadow those of the modules it imports.
enum Escape {
    /// For attribute values in double quotes: `& " ' < >`.
    static func attribute(_ value: String) -> String {
        escape(value) { byte in
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "'"): return "&#39;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            default: return nil
            }
        }
    }

    /// For text between tags: `& < >`.
    static func text(_ value: String) -> String {
        escape(value) { byte in
            switch byte {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            default: return nil
            }
        }
    }

    /// Works on UTF-8 bytes: every character to escape is ASCII, and most values have none, so the usual answer is
    /// the value itself without a copy (Plot's escaper builds a String per character).
    @inline(__always)
    private static func escape(_ value: String, _ replacement: (UInt8) -> StaticString?) -> String {
        var value = value
        return value.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: { replacement($0) != nil }) else { return String(decoding: bytes, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = replacement(byte) {
                    entity.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
