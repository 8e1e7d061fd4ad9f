import KinerjaCore
import Testing

struct RupiahInputTests {
    @Test(arguments: [("1.250.000.000", Int64(1_250_000_000)), ("Rp 1.250.000.000", 1_250_000_000), ("1250000000", 1_250_000_000),
                      ("0", 0), ("  750.000 ", 750_000)])
    func reads_whole_rupiah(raw: String, expected: Int64) throws {
        #expect(try RupiahInput.parse(raw) == expected)
    }

    @Test(arguments: ["", "1.250,50", "12.50", "1.2345.000", "-5", "satu juta", "1..000"])
    func refuses_anything_else(raw: String) {
        #expect(throws: RuleViolation.self) { try RupiahInput.parse(raw) }
    }
}
