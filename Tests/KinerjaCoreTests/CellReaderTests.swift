import KinerjaCore
import Testing

@Suite struct CellReaderTests {
    @Test(arguments: [("72,74", "72.74"), ("1.234.567", "1234567"), ("72.74", "72.74"), ("-5,5", "-5.5"), ("0,372", "0.372")])
    func text_is_read_as_people_type_numbers(text: String, canonical: String) throws {
        #expect(try CellReader.decimal(.text(text)) == FixedDecimal(canonical: canonical))
    }

    @Test func an_xlsx_number_is_read_with_its_dot_and_excel_s_binary_noise_is_rounded_away() throws {
        #expect(try CellReader.decimal(.number("72.739999999999995")) == FixedDecimal(canonical: "72.74"))
        // "1.234" in a text cell is Indonesian for 1234; as an XLSX number it is one and a bit.
        #expect(try CellReader.decimal(.number("1.234")) == FixedDecimal(canonical: "1.234"))
        #expect(try CellReader.decimal(.number("1.5E-3")) == FixedDecimal(canonical: "0.0015"))
    }

    @Test(arguments: [RawCell.number("1e300"), .number("NaN"), .number("inf"), .text("12abc"), .boolean(true), .error("#DIV/0!")])
    func hostile_or_non_numbers_are_refused_not_trapped_on(cell: RawCell) {
        #expect(throws: CellReader.Problem.self) { try CellReader.decimal(cell) }
    }

    @Test func a_formula_is_refused_with_the_way_to_fix_it() {
        #expect(throws: CellReader.Problem.self) { try CellReader.decimal(.formula) }
        do { _ = try CellReader.text(.formula) } catch { #expect(error.message.id.contains("Paste Special")) }
    }

    @Test func rupiah_takes_thousands_dots_and_whole_xlsx_numbers_only() throws {
        #expect(try CellReader.rupiah(.text("Rp 1.250.000.000")) == 1_250_000_000)
        #expect(try CellReader.rupiah(.number("1250000000")) == 1_250_000_000)
        #expect(throws: CellReader.Problem.self) { try CellReader.rupiah(.number("1250.5")) }
        #expect(throws: CellReader.Problem.self) { try CellReader.rupiah(.number("-5")) }
    }

    @Test func dates_come_as_excel_serials_or_as_indonesian_text() throws {
        // 45984 is 2025-11-23 in Excel's 1900 system; serials before March 1900 count Lotus's phantom leap day.
        #expect(try CellReader.date(.number("45984")) == CalendarDate(year: 2025, month: 11, day: 23))
        #expect(try CellReader.date(.number("1")) == CalendarDate(year: 1900, month: 1, day: 1))
        #expect(try CellReader.date(.number("59")) == CalendarDate(year: 1900, month: 2, day: 28))
        #expect(try CellReader.date(.number("61")) == CalendarDate(year: 1900, month: 3, day: 1))
        #expect(throws: CellReader.Problem.self) { try CellReader.date(.number("60")) }
        #expect(try CellReader.date(.text("23/11/2026")) == CalendarDate(year: 2026, month: 11, day: 23))
        #expect(try CellReader.date(.text("23-11-2026")) == CalendarDate(year: 2026, month: 11, day: 23))
        #expect(try CellReader.date(.text("2026-11-23")) == CalendarDate(year: 2026, month: 11, day: 23))
    }

    @Test(arguments: ["31/02/2026", "23/11/26", "11/23/2026", "2026/13/01", "99999999999/1/1", "tanggal", ""])
    func impossible_dates_are_refused(text: String) {
        #expect(throws: CellReader.Problem.self) { try CellReader.date(.text(text)) }
    }

    @Test(arguments: ["-1", "1e18", "99999999", "45984.5"])
    func serials_out_of_range_or_with_a_time_are_refused(literal: String) {
        #expect(throws: CellReader.Problem.self) { try CellReader.date(.number(literal)) }
    }

    @Test func choices_ignore_case_and_list_what_is_allowed() throws {
        #expect(try CellReader.choice(.text(" plt "), [("Definitif", 1), ("Plt", 2)]) == 2)
        do {
            _ = try CellReader.choice(.text("Pj"), [("Definitif", 1), ("Plt", 2)])
            Issue.record("accepted")
        } catch { #expect(error.message.id.contains("Definitif, Plt")) }
    }

    @Test func text_is_bounded_and_control_characters_are_refused() throws {
        #expect(try CellReader.text(.text("  Dinas  ")) == "Dinas")
        #expect(try CellReader.text(.text("   ")) == nil)
        #expect(throws: CellReader.Problem.self) { try CellReader.text(.text(String(repeating: "a", count: 501))) }
        #expect(throws: CellReader.Problem.self) { try CellReader.text(.text("a\u{0}b")) }
    }
}
