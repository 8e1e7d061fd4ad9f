import Foundation
import KinerjaCore

extension CalendarDate {
    /// Today in Western Indonesia Time, the calendar of the decrees and deadlines Kinerja shows by default.
    public static func todayInJakarta(now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Jakarta")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
