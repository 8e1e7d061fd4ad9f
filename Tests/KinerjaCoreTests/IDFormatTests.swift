import KinerjaCore
import Testing

@Suite struct IDFormatTests {
    @Test(arguments: [
        ("1234567", "1.234.567"), ("72.74", "72,74"), ("-1234.5", "-1.234,5"), ("0", "0"), ("0.000001", "0,000001"),
        ("999", "999"), ("1000", "1.000"), ("123456.789", "123.456,789"), ("-0.5", "-0,5"),
    ])
    func numbers_use_a_decimal_comma_and_thousands_dots(value: String, expected: String) {
        #expect(IDFormat.number(d(value)) == expected)
    }

    @Test func numbers_can_be_limited_to_fewer_decimals_rounding_half_away_from_zero() {
        #expect(IDFormat.number(d("2.345"), maxFractionDigits: 2) == "2,35")
        #expect(IDFormat.number(d("-2.345"), maxFractionDigits: 2) == "-2,35")
        #expect(IDFormat.number(d("107.142857"), maxFractionDigits: 0) == "107")
        #expect(IDFormat.number(d("1999.5"), maxFractionDigits: 0) == "2.000")
    }

    @Test(arguments: [
        ("107.142857", "107,14%"), ("100", "100,00%"), ("87.5", "87,50%"), ("1234.5", "1.234,50%"),
        ("-12.345", "-12,35%"), ("0.004", "0,00%"), ("-0.004", "0,00%"), ("102.222222", "102,22%"), ("99.995", "100,00%"),
    ])
    func percentages_have_exactly_two_decimals(value: String, expected: String) {
        #expect(IDFormat.percent(d(value)) == expected)
    }

    @Test func rupiah_is_whole_and_grouped() {
        #expect(IDFormat.rupiah(1_234_567_000) == "1.234.567.000")
        #expect(IDFormat.rupiah(1_234_567_000, prefix: true) == "Rp 1.234.567.000")
        #expect(IDFormat.rupiah(-5_000, prefix: true) == "Rp -5.000")
        #expect(IDFormat.rupiah(0) == "0")
        #expect(IDFormat.rupiah(Int64.min) == "-9.223.372.036.854.775.808")
    }

    @Test func dates_are_written_with_the_indonesian_month_name() {
        #expect(IDFormat.date(day("2026-11-23")) == "23 November 2026")
        #expect(IDFormat.date(day("2024-01-05")) == "5 Januari 2024")
        #expect(IDFormat.date(day("2025-08-17")) == "17 Agustus 2025")
    }

    @Test func triwulan_are_roman_numerals() {
        #expect(IDFormat.triwulan == ["I", "II", "III", "IV"])
        #expect(IDFormat.months.count == 12)
        #expect(IDFormat.months[4] == "Mei")
    }
}

@Suite struct CalendarDateTests {
    @Test func february_29_exists_only_in_leap_years() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func impossible_days_and_months_are_refused() {
        #expect(CalendarDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 12, day: 31) != nil)
    }

    @Test func iso_text_is_parsed_and_written_zero_padded() throws {
        let date = try #require(CalendarDate(iso: "2026-01-05"))
        #expect(date.year == 2026 && date.month == 1 && date.day == 5)
        #expect(date.description == "2026-01-05")
        #expect(CalendarDate(iso: "26-01-05") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026/01/05") == nil)
        #expect(CalendarDate(iso: "") == nil)
    }

    @Test func dates_order_by_year_then_month_then_day() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-01-31") < day("2026-02-01"))
        #expect(day("2026-02-01") < day("2026-02-02"))
        #expect(!(day("2026-02-02") < day("2026-02-02")))
    }

    /// The ends of the range: rounding saturates there, and formatting must still neither trap nor lie about the sign.
    @Test func extreme_values_format_without_trapping() {
        let top = IDFormat.percent(FixedDecimal(units: Int64.max))
        let bottom = IDFormat.percent(FixedDecimal(units: Int64.min))
        #expect(top.hasSuffix("%") && !top.hasPrefix("-"))
        #expect(bottom.hasPrefix("-") && bottom.hasSuffix("%"))
        #expect(top.split(separator: ",").last?.count == 3)
        #expect(!IDFormat.number(FixedDecimal(units: Int64.max), maxFractionDigits: 0).isEmpty)
    }
}
