/// One line of set text: CP1252 bytes without the line feed, its natural width and how many spaces it has (which a
/// justified line stretches).
struct TextLine: Sendable {
    var bytes: [UInt8]
    var width: Float
    var spaces: Int
    /// The last line of its paragraph, which justification leaves ragged.
    var endsParagraph: Bool
}

/// Greedy line breaking at spaces; a word wider than the line (a long URL, a hash) is cut between characters.
/// Widths are summed in the font's integer units and compared with the line width in the same units, which keeps
/// this loop, run for every cell of every table, cheap.
enum TextWrap {
    static func lines(_ text: [UInt8], width: Float, font: PdfFont, size: Float) -> [TextLine] {
        let scale = size / 1000
        let limit = Int((width / scale).rounded(.down))
        return font.metrics.widths.withUnsafeBufferPointer { widths in
            var out: [TextLine] = []
            var line: [UInt8] = []
            var lineUnits = 0
            var spaces = 0
            let spaceUnits = Int(widths[0x20])

            func finish(endsParagraph: Bool) {
                out.append(TextLine(bytes: line, width: Float(lineUnits) * scale, spaces: spaces,
                                    endsParagraph: endsParagraph))
                line.removeAll(keepingCapacity: true)
                lineUnits = 0
                spaces = 0
            }

            var i = 0
            while i <= text.count {
                if i == text.count || text[i] == CP1252.lineBreak {
                    finish(endsParagraph: true)
                    i += 1
                    continue
                }
                if text[i] == 0x20 { i += 1; continue }
                // One word: text[start..<i].
                let start = i
                var units = 0
                while i < text.count && text[i] != 0x20 && text[i] != CP1252.lineBreak {
                    units += Int(widths[Int(text[i])])
                    i += 1
                }
                if line.isEmpty ? units <= limit : lineUnits + spaceUnits + units <= limit {
                    if !line.isEmpty {
                        line.append(0x20)
                        lineUnits += spaceUnits
                        spaces += 1
                    }
                    line.append(contentsOf: text[start..<i])
                    lineUnits += units
                    continue
                }
                if !line.isEmpty { finish(endsParagraph: false) }
                // Cut a word that is wider than the line, at least one character per line so that it advances.
                var from = start
                while units > limit {
                    var cut = from
                    var cutUnits = 0
                    while cut < i {
                        let w = Int(widths[Int(text[cut])])
                        if cutUnits + w > limit && cut > from { break }
                        cutUnits += w
                        cut += 1
                    }
                    line.append(contentsOf: text[from..<cut])
                    lineUnits = cutUnits
                    finish(endsParagraph: false)
                    units -= cutUnits
                    from = cut
                }
                line.append(contentsOf: text[from..<i])
                lineUnits = units
            }
            return out
        }
    }
}
