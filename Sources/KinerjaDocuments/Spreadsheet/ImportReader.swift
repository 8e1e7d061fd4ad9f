import Foundation
import KinerjaCore

/// Reads an uploaded XLSX or CSV for an import template, row by row: finds the data sheet and its header row, then
/// hands each data row to `body` with the layout. Nothing is kept here, so memory follows a row.
public enum ImportReader {
    public enum Format: String, Sendable {
        case xlsx, csv
    }

    /// The first bytes tell the format: a ZIP is an XLSX candidate, text is CSV, anything else is refused.
    public static func format(of url: URL) throws(SpreadsheetError) -> Format {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw DelimitedTextReader.unreadable }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        guard !head.isEmpty else { throw SpreadsheetError("Berkas kosong.", "The file is empty.") }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        // An old binary .xls (OLE2), a PDF, an image: bytes no CSV holds.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError("Berkas .xls (Excel 97–2003) tidak didukung. Simpan ulang sebagai .xlsx atau CSV.",
                                   "A .xls file (Excel 97–2003) is not supported. Save it again as .xlsx or CSV.")
        }
        if head.contains(0) || head.starts(with: Array("%PDF".utf8)) {
            throw SpreadsheetError("Berkas bukan XLSX atau CSV.", "The file is neither XLSX nor CSV.")
        }
        return .csv
    }

    /// Calls `body` with every data row after the header, skipping blank rows. Returns the header's issues when the
    /// header is wrong (then no data row is read), else none.
    public static func rows(url: URL, template: ImportTemplate, limits: SpreadsheetLimits = SpreadsheetLimits(),
                            _ body: (RawRow, ImportTemplate.Layout, String) throws -> Void) throws -> [ImportIssue]
    {
        var layout: ImportTemplate.Layout?
        var headerIssues: [ImportIssue] = []
        var sawHeader = false
        var sheetName = ImportTemplate.dataSheet
        func take(_ row: RawRow) throws {
            if row.isBlank { return }
            guard sawHeader else {
                sawHeader = true
                switch template.layout(of: row, sheet: sheetName) {
                case .success(let found): layout = found
                case .failure(let issues): headerIssues = issues.all
                }
                return
            }
            guard let layout else { return }
            try body(row, layout, sheetName)
        }
        switch try format(of: url) {
        case .xlsx:
            let reader = try XlsxReader(url: url, limits: limits)
            // The template's data sheet, or a workbook's only sheet (a SIPD export names its own).
            guard let sheet = reader.sheet(named: ImportTemplate.dataSheet) ?? (reader.sheets.count == 1 ? reader.sheets.first : nil) else {
                throw SpreadsheetError("Lembar \"\(ImportTemplate.dataSheet)\" tidak ada di berkas. Isi data pada lembar \"\(ImportTemplate.dataSheet)\" dari templat.",
                                       "The file has no sheet \"\(ImportTemplate.dataSheet)\". Put the data on the template's \"\(ImportTemplate.dataSheet)\" sheet.")
            }
            sheetName = sheet.name
            try reader.rows(of: sheet, take)
        case .csv:
            sheetName = "CSV"
            try DelimitedTextReader.rows(url: url, limits: limits, take)
        }
        if !sawHeader {
            return [ImportIssue(sheet: sheetName, row: 1, column: "–", message: Message(
                id: "Berkas tidak berisi baris judul maupun data.", en: "The file holds neither a header row nor data."))]
        }
        return headerIssues
    }
}
