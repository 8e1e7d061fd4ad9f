import CXlsxWriter
import Foundation
import KinerjaCore
@testable import KinerjaDocuments
import Testing

@Suite struct SpreadsheetTests {
    func temporary(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-test-\(UUID().uuidString).\(ext)")
    }

    func rows(_ url: URL, sheet: String? = nil) throws -> [RawRow] {
        let reader = try XlsxReader(url: url)
        let chosen = try #require(sheet.map { reader.sheet(named: $0) } ?? reader.sheets.first)
        var rows: [RawRow] = []
        try reader.rows(of: chosen) { rows.append($0) }
        return rows
    }

    @Test func what_the_writer_writes_the_reader_reads_back_with_numbers_as_numbers() throws {
        let url = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(path: url.path)
        try writer.addSheet("Realisasi", columns: [SheetColumn("NIP"), SheetColumn("Nilai", format: .decimal(2)),
                                                   SheetColumn("Pagu", format: .rupiah), SheetColumn("Capaian", format: .percent),
                                                   SheetColumn("Tanggal", format: .date)], notes: ["Kota Contoh 2026"])
        try writer.write([.text("197001011990031001"), .decimal(FixedDecimal(canonical: "72.74")!), .integer(1_250_000_000),
                          .decimal(FixedDecimal(canonical: "98.35")!), .date(CalendarDate(year: 2026, month: 11, day: 23)!)])
        try writer.write([.text("=1+1"), .empty, .integer(0)])
        try writer.addSheet("Kedua", columns: [SheetColumn("A")])
        try writer.write([.text("dua")])
        try writer.close()

        let read = try rows(url, sheet: "Realisasi")
        #expect(read.map(\.number) == [1, 2, 3, 4])
        #expect(read[1].cells == ["NIP", "Nilai", "Pagu", "Capaian", "Tanggal"].map { .text($0) })
        #expect(read[2][0] == .text("197001011990031001"))
        #expect(try CellReader.decimal(read[2][1]) == FixedDecimal(canonical: "72.74"))
        #expect(read[2][2] == .number("1250000000"))
        #expect(try CellReader.decimal(read[2][3]) == FixedDecimal(canonical: "0.9835"))
        #expect(try CellReader.date(read[2][4]) == CalendarDate(year: 2026, month: 11, day: 23))
        // Text that looks like a formula stays text: the writer never writes formulas.
        #expect(read[3][0] == .text("=1+1"))
        #expect(read[3][1] == .empty)
        #expect(try rows(url, sheet: "kedua").last?[0] == .text("dua"))
    }

    @Test func a_formula_cell_is_read_as_a_formula_not_as_its_cached_value() throws {
        let url = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try #require(workbook_new(url.path))
        let sheet = workbook_add_worksheet(workbook, "Data")
        worksheet_write_string(sheet, 0, 0, "Nilai", nil)
        worksheet_write_formula_num(sheet, 1, 0, "=2+3", nil, 5)
        worksheet_write_number(sheet, 2, 0, 7, nil)
        #expect(workbook_close(workbook) == LXW_NO_ERROR)
        let read = try rows(url)
        #expect(read[1][0] == .formula)
        #expect(read[2][0] == .number("7"))
    }

    @Test func a_truncated_or_foreign_file_is_not_an_xlsx() throws {
        let url = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(path: url.path)
        try writer.addSheet("Data", columns: [SheetColumn("A")])
        for i in 0..<2000 { try writer.write([.text("baris \(i)")]) }
        try writer.close()
        let whole = try Data(contentsOf: url)
        let cut = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: cut) }
        try whole.prefix(whole.count / 2).write(to: cut)
        #expect(throws: SpreadsheetError.self) { try XlsxReader(url: cut) }
        try Data("%PDF-1.4 not a workbook".utf8).write(to: cut)
        #expect(throws: SpreadsheetError.self) { try XlsxReader(url: cut) }
        #expect(throws: SpreadsheetError.self) { try ImportReader.format(of: cut) }
    }

    @Test func a_part_that_unpacks_beyond_the_limit_is_refused_whatever_its_header_claims() throws {
        let url = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(path: url.path)
        try writer.addSheet("Data", columns: [SheetColumn("A")])
        for _ in 0..<5000 { try writer.write([.text(String(repeating: "x", count: 200))]) }
        try writer.close()
        let reader = try XlsxReader(url: url, limits: SpreadsheetLimits(unpackedBytes: 100_000))
        #expect(throws: SpreadsheetError.self) { try reader.rows(of: reader.sheets[0]) { _ in } }
    }

    @Test func csv_from_indonesian_excel_semicolons_bom_and_windows_1252_is_read() throws {
        let url = temporary("csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // "Café – Bidang" in Windows-1252: é is 0xE9, the en dash 0x96.
        let bytes: [UInt8] = Array("Nama;Nilai\r\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20] + Array("Bidang;72,74\r\n\"a;b\";1.234.567\r\n".utf8)
        try Data(bytes).write(to: url)
        var read: [RawRow] = []
        try DelimitedTextReader.rows(url: url) { read.append($0) }
        #expect(read.count == 3)
        #expect(read[1][0] == .text("Café – Bidang"))
        #expect(try CellReader.decimal(read[1][1]) == FixedDecimal(canonical: "72.74"))
        #expect(read[2][0] == .text("a;b"))
        #expect(try CellReader.decimal(read[2][1]) == FixedDecimal(1_234_567))

        try Data([0xEF, 0xBB, 0xBF] + Array("NIP,Nama\n1,Budi\n".utf8)).write(to: url)
        read = []
        try DelimitedTextReader.rows(url: url) { read.append($0) }
        #expect(read[0].cells == [.text("NIP"), .text("Nama")])
        #expect(read[1][1] == .text("Budi"))
    }

    @Test func the_csv_writer_writes_what_the_reader_reads_and_defuses_formulas() throws {
        let url = temporary("csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let stream = try #require(OutputStream(url: url, append: false))
        let writer = try DelimitedTextWriter(stream: stream)
        try writer.header([SheetColumn("Nama"), SheetColumn("Nilai", format: .decimal(2)), SheetColumn("Tanggal", format: .date)])
        try writer.write([.text("=HYPERLINK(\"x\")"), .decimal(FixedDecimal(canonical: "-72.74")!), .date(CalendarDate(year: 2026, month: 1, day: 2)!)])
        writer.close()
        var read: [RawRow] = []
        try DelimitedTextReader.rows(url: url) { read.append($0) }
        #expect(read[1][0] == .text("'=HYPERLINK(\"x\")"))
        #expect(try CellReader.decimal(read[1][1]) == FixedDecimal(canonical: "-72.74"))
        #expect(try CellReader.date(read[1][2]) == CalendarDate(year: 2026, month: 1, day: 2))
    }

    @Test func the_template_has_the_data_header_and_an_instructions_sheet() throws {
        let url = temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImportTemplateFile.xlsx(PegawaiImport.template, locale: \.id, to: url.path)
        let reader = try XlsxReader(url: url)
        #expect(reader.sheets.map(\.name) == ["Data", "Petunjuk"])
        let header = try rows(url, sheet: "Data")
        #expect(header.first?.cells.map(\.display) == PegawaiImport.template.columns.map(\.header))
        let help = try rows(url, sheet: "Petunjuk")
        #expect(help.contains { $0[0] == .text("Golongan") && $0[3].display.contains("IV/e") })
    }
}
