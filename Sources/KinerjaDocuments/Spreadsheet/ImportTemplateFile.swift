import Foundation
import KinerjaCore

/// The downloadable template of an import: the `Data` sheet with its header row (every column formatted for what it
/// takes), and `Petunjuk` with each column's rule, allowed values and an example.
public enum ImportTemplateFile {
    public static func xlsx(_ template: ImportTemplate, locale: (Message) -> String, to path: String) throws(SpreadsheetError) {
        let writer = try XlsxWriter(path: path)
        try writer.addSheet(ImportTemplate.dataSheet, columns: template.columns.map { SheetColumn($0.header, width: 22) })
        let yes = locale(Message(id: "Ya", en: "Yes")), no = locale(Message(id: "Tidak", en: "No"))
        try writer.addSheet(locale(Message(id: "Petunjuk", en: "Instructions")), columns: [
            SheetColumn(locale(Message(id: "Kolom", en: "Column")), width: 18),
            SheetColumn(locale(Message(id: "Wajib", en: "Required")), width: 9),
            SheetColumn(locale(Message(id: "Isi", en: "Content")), width: 60),
            SheetColumn(locale(Message(id: "Pilihan", en: "Allowed values")), width: 40),
            SheetColumn(locale(Message(id: "Contoh", en: "Example")), width: 28),
        ], notes: [locale(template.title), locale(template.keyNote), locale(Message(
            id: "Isi lembar \"Data\" mulai baris 2. Salin nilai, bukan rumus. Tanggal: hh/bb/tttt; desimal: koma.",
            en: "Fill the \"Data\" sheet from row 2. Paste values, not formulas. Dates: dd/mm/yyyy; decimals: comma."))])
        for column in template.columns {
            try writer.write([.text(column.header), .text(column.required ? yes : no), .text(locale(column.hint)),
                              .text(column.allowed.joined(separator: ", ")), .text(column.example)])
        }
        try writer.close()
    }

    public static func csv(_ template: ImportTemplate, to stream: OutputStream) throws(SpreadsheetError) {
        let writer = try DelimitedTextWriter(stream: stream)
        try writer.header(template.columns.map { SheetColumn($0.header) })
        writer.close()
    }
}
