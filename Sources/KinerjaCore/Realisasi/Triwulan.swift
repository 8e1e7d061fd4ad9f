/// The quarters (triwulan) a PK year is measured in, and the schedule window each is entered inside.
public enum Triwulan {
    public static let all = 1...4

    /// The "Realisasi TW" stage whose window bounds entry for quarter `n` (1–4).
    public static func stage(_ n: Int) -> JadwalStage {
        switch n {
        case 1: .realisasiTw1
        case 2: .realisasiTw2
        case 3: .realisasiTw3
        default: .realisasiTw4
        }
    }

    /// The quarter a request names, or a refusal: a number from outside is bounded before it indexes anything.
    public static func parse(_ n: Int?) throws(RuleViolation) -> Int {
        guard let n, all.contains(n) else {
            throw RuleViolation(code: "realisasi.period", field: .period,
                message: Message(id: "Triwulan harus 1, 2, 3 atau 4.", en: "The quarter must be 1, 2, 3 or 4."))
        }
        return n
    }

    /// "TW I" … "TW IV".
    public static func label(_ n: Int) -> String { "TW \(IDFormat.roman(n))" }

    /// The last quarter that has begun on `day` in `year`: 0 before the year, 4 after it.
    public static func current(on day: CalendarDate, year: Int) -> Int {
        if day.year < year { return 0 }
        if day.year > year { return 4 }
        return (day.month - 1) / 3 + 1
    }

    /// The quarter a year's figures are read through on `day` by default: the last one whose "Realisasi TW" window
    /// has opened (its values can be in), or without windows the last quarter that has ended; at least TW I.
    public static func reported(on day: CalendarDate, year: Int, windows: [JadwalWindow?]) -> Int {
        let opened = all.last { q in windows.indices.contains(q - 1) && windows[q - 1].map { $0.opens <= day } == true }
        if let opened { return opened }
        if windows.contains(where: { $0 != nil }) { return 1 }
        return min(max(current(on: day, year: year) - 1, 1), 4)
    }
}
