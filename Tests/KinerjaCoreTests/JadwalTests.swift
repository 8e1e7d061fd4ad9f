import KinerjaCore
import Testing

@Suite struct JadwalTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func a_window_is_open_between_its_dates_and_after_a_reopening() throws {
        let window = try JadwalWindow(stage: .rkt, opens: day("2026-01-05"), closes: day("2026-01-31"))
        #expect(window.state(on: day("2026-01-04")) == .belumDibuka)
        #expect(window.state(on: day("2026-01-05")) == .dibuka)
        #expect(window.state(on: day("2026-01-31")) == .dibuka)
        #expect(window.state(on: day("2026-02-01")) == .ditutup)
        var reopened = window
        reopened.reopenedUntil = day("2026-02-10")
        #expect(reopened.state(on: day("2026-02-10")) == .dibukaKembali)
        #expect(reopened.isOpen(on: day("2026-02-10")))
        #expect(reopened.state(on: day("2026-02-11")) == .ditutup)
    }

    @Test func a_closed_window_refuses_with_its_closing_date() throws {
        let window = try JadwalWindow(stage: .rkt, opens: day("2026-01-05"), closes: day("2026-01-31"))
        do {
            try window.checkOpen(on: day("2026-03-01"))
            Issue.record("a closed window accepted a change")
        } catch {
            #expect(error.code == "jadwal.closed")
            #expect(error.message.id.contains("31 Januari 2026"))
        }
        #expect(throws: RuleViolation.self) { try window.checkOpen(on: day("2026-01-01")) }
        try window.checkOpen(on: day("2026-01-20"))
    }

    @Test func windows_and_reopenings_are_checked() {
        #expect(throws: RuleViolation.self) {
            try JadwalWindow(stage: .lkjip, opens: day("2026-03-01"), closes: day("2026-02-01"))
        }
        #expect(throws: RuleViolation.self) {
            try JadwalWindow.checkReopen(reason: "perlu", until: day("2026-12-01"), today: day("2026-11-23"))
        }
        #expect(throws: RuleViolation.self) {
            try JadwalWindow.checkReopen(reason: "Perubahan APBD menggeser target", until: day("2026-11-22"),
                                         today: day("2026-11-23"))
        }
    }
}
