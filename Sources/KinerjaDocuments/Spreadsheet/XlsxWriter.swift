import CXlsxWriter
import Foundation
import KinerjaCore

/// Writes a workbook with libxlsxwriter in its constant-memory mode: each row goes to a temporary file as it is
/// written, so an export of millions of rows holds one row in memory. Sheets are written one after another; each has
/// a bold, frozen header row with a filter.
public final class XlsxWriter {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheet: UnsafeMutablePointer<lxw_worksheet>?
    private var columns: [SheetColumn] = []
    private var formats: [SheetFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var header: UnsafeMutablePointer<lxw_format>?
    private var wrap: UnsafeMutablePointer<lxw_format>?
    private var row: UInt32 = 0
    private var names: Set<String> = []

    /// Excel's limits: a sheet holds 1,048,576 rows, a cell 32,767 characters.
    public static let maxRows = 1_048_576
    static let maxCellCharacters = 32_767

    public init(path: String) throws(SpreadsheetError) {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw SpreadsheetError("Berkas XLSX tidak dapat dibuat.", "The XLSX file could not be created.")
        }
        self.workbook = workbook
        header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bg_color(header, 0xDDE6F0)
        format_set_text_wrap(header)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
    }

    deinit {
        // A writer dropped without `close()` (an error half-way) still frees the library's memory; the file is
        // whatever the library wrote, and the caller removes it.
        if let workbook { workbook_close(workbook) }
    }

    private func format(_ kind: SheetFormat) -> UnsafeMutablePointer<lxw_format>? {
        guard let code = kind.code, let workbook else { return nil }
        if let made = formats[kind] { return made }
        let made = workbook_add_format(workbook)
        format_set_num_format(made, code)
        formats[kind] = made
        return made
    }

    /// Starts a sheet with its header row; `notes` are lines above the header (a title, the Pemda and year).
    public func addSheet(_ name: String, columns: [SheetColumn], notes: [String] = []) throws(SpreadsheetError) {
        guard let workbook else { throw Self.closed }
        var safe = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        if safe.isEmpty { safe = "Lembar" }
        var unique = safe
        var n = 2
        while names.contains(unique.lowercased()) {
            unique = String(safe.prefix(28)) + " \(n)"
            n += 1
        }
        names.insert(unique.lowercased())
        guard let sheet = workbook_add_worksheet(workbook, unique) else {
            throw SpreadsheetError("Lembar \"\(unique)\" tidak dapat dibuat.", "The sheet \"\(unique)\" could not be created.")
        }
        self.sheet = sheet
        self.columns = columns
        row = 0
        for (index, column) in columns.enumerated() {
            worksheet_set_column(sheet, UInt16(index), UInt16(index), column.width, format(column.format))
        }
        for note in notes {
            worksheet_write_string(sheet, row, 0, Self.clip(note), nil)
            row += 1
        }
        guard !columns.isEmpty else { return }
        for (index, column) in columns.enumerated() {
            worksheet_write_string(sheet, row, UInt16(index), Self.clip(column.title), header)
        }
        worksheet_freeze_panes(sheet, row + 1, 0)
        worksheet_autofilter(sheet, row, 0, row, UInt16(columns.count - 1))
        row += 1
    }

    /// One row of the current sheet, in its columns' order.
    public func write(_ values: [SheetValue]) throws(SpreadsheetError) {
        guard let sheet else { throw Self.closed }
        guard Int(row) < Self.maxRows else {
            throw SpreadsheetError("Lembar XLSX penuh: Excel menampung 1.048.576 baris. Persempit saringan atau pilih CSV.",
                                   "The XLSX sheet is full: Excel holds 1,048,576 rows. Narrow the filter or choose CSV.")
        }
        for (index, value) in values.enumerated() {
            let column = UInt16(clamping: index)
            let kind = columns.indices.contains(index) ? columns[index].format : .text
            let cellFormat = format(kind)
            switch value {
            case .empty: break
            case .text(let text): worksheet_write_string(sheet, row, column, Self.clip(text), kind == .text ? nil : wrap)
            case .integer(let number): worksheet_write_number(sheet, row, column, Double(number), cellFormat)
            case .decimal(let number):
                let double = Double(number.units) / Double(FixedDecimal.scale)
                worksheet_write_number(sheet, row, column, kind == .percent ? double / 100 : double, cellFormat)
            case .date(let date):
                var when = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
                worksheet_write_datetime(sheet, row, column, &when, format(.date))
            }
        }
        row += 1
    }

    /// A line of text across the sheet (a section title, a total's label) outside the column formats.
    public func writeNote(_ text: String) throws(SpreadsheetError) {
        try write([.text(text)])
    }

    public func close() throws(SpreadsheetError) {
        guard let workbook else { throw Self.closed }
        self.workbook = nil
        sheet = nil
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(error))
            throw SpreadsheetError("Berkas XLSX gagal ditulis: \(reason).", "The XLSX file could not be written: \(reason).")
        }
    }

    private static let closed = SpreadsheetError("Berkas XLSX sudah ditutup.", "The XLSX file is already closed.")

    private static func clip(_ text: String) -> String {
        text.count <= maxCellCharacters ? text : String(text.prefix(maxCellCharacters))
    }
}
