import CSV
import Foundation
import KinerjaCore

/// Reads a CSV file the way Indonesian Excel saves one: `;` or `,` (or tab) between fields, UTF-8 with or without a
/// byte-order mark, or Windows-1252. The file is first copied to a clean UTF-8 temporary file, chunk by chunk, then
/// read record by record with CSV.swift: memory follows a record, not the file.
public enum DelimitedTextReader {
    public static func rows(url: URL, limits: SpreadsheetLimits = SpreadsheetLimits(),
                            _ body: (RawRow) throws -> Void) throws
    {
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: clean) }
        let delimiter = try normalise(url, into: clean, limit: limits.unpackedBytes)
        guard let stream = InputStream(url: clean) else { throw unreadable }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, codecType: UTF8.self, delimiter: delimiter)
        } catch {
            throw unreadable
        }
        var number = 0
        while let fields = reader.next() {
            number += 1
            guard fields.count <= limits.columns else {
                throw SpreadsheetError("Baris \(number) memakai lebih dari \(limits.columns) kolom.",
                                       "Row \(number) uses more than \(limits.columns) columns.")
            }
            guard number <= XlsxWriter.maxRows else { throw SpreadsheetError.tooManyRows }
            let cells = fields.map { field -> RawCell in field.isEmpty ? .empty : .text(field) }
            if let long = cells.first(where: { $0.display.count > limits.cellCharacters }) {
                _ = long
                throw SpreadsheetError("Sel di baris \(number) melebihi \(limits.cellCharacters) karakter.",
                                       "A cell of row \(number) exceeds \(limits.cellCharacters) characters.")
            }
            try body(RawRow(number: number, cells: cells))
        }
        // A file stream reports "cannot read" at its end (CSV.swift reads one byte past it): only other errors count.
        if let error = reader.error as? CSVError, case .cannotReadFile = error {
        } else if reader.error != nil {
            throw SpreadsheetError("Berkas CSV rusak setelah baris \(number).", "The CSV file is broken after row \(number).")
        }
    }

    static let unreadable = SpreadsheetError("Berkas CSV tidak dapat dibaca.", "The CSV file cannot be read.")

    /// Copies the file as UTF-8 without a byte-order mark and tells the field separator of its first line.
    /// Windows-1252 is assumed when the bytes are not valid UTF-8 (what Excel's "CSV (Comma delimited)" writes).
    static func normalise(_ source: URL, into target: URL, limit: Int) throws -> UnicodeScalar {
        guard let input = try? FileHandle(forReadingFrom: source) else { throw unreadable }
        defer { try? input.close() }
        let utf8 = try isUTF8(input, limit: limit)
        try input.seek(toOffset: 0)
        guard FileManager.default.createFile(atPath: target.path, contents: nil),
              let output = try? FileHandle(forWritingTo: target)
        else { throw unreadable }
        defer { try? output.close() }
        var first = true
        var firstLine: [UInt8] = []
        while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty {
            var bytes = [UInt8](chunk)
            if first, utf8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            first = false
            let converted = utf8 ? bytes : CP1252.utf8(bytes)
            if firstLine.count < 1 << 16, !firstLine.contains(0x0A) { firstLine += converted.prefix(1 << 16) }
            try output.write(contentsOf: converted)
        }
        return separator(of: firstLine)
    }

    /// Whether the whole file is valid UTF-8, read in chunks through the standard library's decoder.
    static func isUTF8(_ handle: FileHandle, limit: Int) throws -> Bool {
        guard let size = try? handle.seekToEnd(), size <= UInt64(limit) else { throw SpreadsheetError.tooLarge(limit: limit) }
        try handle.seek(toOffset: 0)
        let failed = transcode(ChunkedBytes(handle: handle), from: UTF8.self, to: UTF8.self, stoppingOnError: true) { _ in }
        return !failed
    }

    /// The separator used most in the first line outside quotes: `;` (Indonesian Excel), `,` or tab.
    static func separator(of line: [UInt8]) -> UnicodeScalar {
        var counts: [UInt8: Int] = [0x3B: 0, 0x2C: 0, 0x09: 0]
        var quoted = false
        for byte in line {
            if byte == 0x0A { break }
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != 0x3B && b.key == 0x3B) }
        guard let best, best.value > 0 else { return ";" }
        return UnicodeScalar(best.key)
    }

    private struct ChunkedBytes: IteratorProtocol {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var index = 0

        init(handle: FileHandle) { self.handle = handle }

        mutating func next() -> UInt8? {
            if index == buffer.count {
                guard let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return nil }
                buffer = [UInt8](chunk)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
