import CSV
import Foundation
import KinerjaCore

/// Writes a CSV that Indonesian Excel opens straight into columns: UTF-8 with a byte-order mark, `;` between fields,
/// decimal commas, dates as dd/mm/yyyy. Numbers carry no thousands dots, so that every program reads them as numbers.
public final class DelimitedTextWriter {
    private let writer: CSVWriter
    private var columns: [SheetColumn] = []

    public init(stream: OutputStream) throws(SpreadsheetError) {
        if stream.streamStatus == .notOpen { stream.open() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard stream.write(bom, maxLength: 3) == 3, let writer = try? CSVWriter(stream: stream, delimiter: ";", newline: .crlf) else {
            throw SpreadsheetError("Berkas CSV tidak dapat ditulis.", "The CSV file could not be written.")
        }
        self.writer = writer
    }

    public func header(_ columns: [SheetColumn]) throws(SpreadsheetError) {
        self.columns = columns
        try row(columns.map { Self.safe($0.title) })
    }

    public func write(_ values: [SheetValue]) throws(SpreadsheetError) {
        try row(values.enumerated().map { index, value in
            Self.text(value, format: columns.indices.contains(index) ? columns[index].format : .text)
        })
    }

    public func close() {
        writer.stream.close()
    }

    private func row(_ fields: [String]) throws(SpreadsheetError) {
        do { try writer.write(row: fields) } catch {
            throw SpreadsheetError("Berkas CSV gagal ditulis.", "The CSV file could not be written.")
        }
    }

    static func text(_ value: SheetValue, format: SheetFormat) -> String {
        switch value {
        case .empty: ""
        case .text(let text): safe(text)
        case .integer(let number): String(number)
        case .decimal(let number): number.description.replacingOccurrences(of: ".", with: ",")
        case .date(let date): (date.day < 10 ? "0" : "") + "\(date.day)/" + (date.month < 10 ? "0" : "") + "\(date.month)/\(date.year)"
        }
    }

    /// A spreadsheet runs a cell that starts with `= + - @` (or a tab or a carriage return) as a formula: such a
    /// text gets a leading apostrophe, so that what someone typed is shown, never run. Numbers are written apart.
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
