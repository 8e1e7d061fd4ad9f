/// When a PK is due: a configurable time after the DPA is ratified, by default one month (sakip-rules §1.3).
public struct PkDeadlineRule: Sendable, Hashable, Codable {
    public var monthsAfterDpa: Int
    /// Reminders start this many days before the due date.
    public var remindDaysBefore: Int

    public init(monthsAfterDpa: Int = 1, remindDaysBefore: Int = 7) {
        self.monthsAfterDpa = monthsAfterDpa
        self.remindDaysBefore = remindDaysBefore
    }

    /// The same day of the month, `monthsAfterDpa` later, or the month's last day when it has no such day
    /// (a DPA of 31 January is due on 28 or 29 February).
    public func due(dpaDate: CalendarDate) -> CalendarDate { dpaDate.adding(months: monthsAfterDpa) }
}

/// A PK's standing against its deadline, for the compliance board and the inbox reminders.
public enum PkCompliance: Sendable, Hashable {
    /// No DPA date yet, so no deadline.
    case tanpaTenggat
    case belumJatuhTempo(daysLeft: Int)
    /// Inside the reminder window.
    case segeraJatuhTempo(daysLeft: Int)
    /// Not signed and past the due date.
    case terlambat(daysLate: Int)
    case tepatWaktu
    case ditandatanganiTerlambat(daysLate: Int)

    /// - Parameter signedOn: the first signing of the PK induk in Kinerja, or the day its hardcopy was received.
    public static func evaluate(due: CalendarDate?, signedOn: CalendarDate?, today: CalendarDate,
                                rule: PkDeadlineRule) -> PkCompliance
    {
        guard let due else { return .tanpaTenggat }
        if let signedOn {
            let late = signedOn.days(since: due)
            return late > 0 ? .ditandatanganiTerlambat(daysLate: late) : .tepatWaktu
        }
        let left = due.days(since: today)
        if left < 0 { return .terlambat(daysLate: -left) }
        return left <= rule.remindDaysBefore ? .segeraJatuhTempo(daysLeft: left) : .belumJatuhTempo(daysLeft: left)
    }

    public var needsReminder: Bool {
        switch self {
        case .segeraJatuhTempo, .terlambat: true
        default: false
        }
    }

    /// A text label for every state: the board's colours always come with words.
    public var label: Message {
        switch self {
        case .tanpaTenggat: Message(id: "Belum ada tenggat (DPA belum dicatat)", en: "No deadline (DPA not recorded)")
        case .belumJatuhTempo(let d): Message(id: "Belum jatuh tempo (\(d) hari lagi)", en: "Not due yet (\(d) days left)")
        case .segeraJatuhTempo(let d):
            d == 0 ? Message(id: "Jatuh tempo hari ini", en: "Due today")
                : Message(id: "Segera jatuh tempo (\(d) hari lagi)", en: "Due soon (\(d) days left)")
        case .terlambat(let d): Message(id: "Terlambat \(d) hari", en: "\(d) days late")
        case .tepatWaktu: Message(id: "Tepat waktu", en: "On time")
        case .ditandatanganiTerlambat(let d):
            Message(id: "Ditandatangani terlambat \(d) hari", en: "Signed \(d) days late")
        }
    }

    /// The state without its day count, for filters: `terlambat`, `segera`, …
    public var kind: Kind {
        switch self {
        case .tanpaTenggat: .tanpaTenggat
        case .belumJatuhTempo: .belumJatuhTempo
        case .segeraJatuhTempo: .segeraJatuhTempo
        case .terlambat: .terlambat
        case .tepatWaktu: .tepatWaktu
        case .ditandatanganiTerlambat: .ditandatanganiTerlambat
        }
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case terlambat, segeraJatuhTempo, belumJatuhTempo, tanpaTenggat, tepatWaktu, ditandatanganiTerlambat

        public var label: Message {
            switch self {
            case .terlambat: Message(id: "Terlambat", en: "Late")
            case .segeraJatuhTempo: Message(id: "Segera jatuh tempo", en: "Due soon")
            case .belumJatuhTempo: Message(id: "Belum jatuh tempo", en: "Not due yet")
            case .tanpaTenggat: Message(id: "Belum ada tenggat", en: "No deadline")
            case .tepatWaktu: Message(id: "Tepat waktu", en: "On time")
            case .ditandatanganiTerlambat: Message(id: "Ditandatangani terlambat", en: "Signed late")
            }
        }
    }

    /// `ok`, `warn` or `late`, for the board's colours.
    public var tone: String {
        switch self {
        case .tepatWaktu, .belumJatuhTempo: "ok"
        case .tanpaTenggat, .segeraJatuhTempo: "warn"
        case .terlambat, .ditandatanganiTerlambat: "late"
        }
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (H. Hinnant's days-from-civil), for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole days from `other` to this date (negative when this date is earlier).
    public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let d = Swift.min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d)!
    }

    public func adding(days: Int) -> CalendarDate {
        let z = dayNumber + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }
}

/// Whether a superior's PK is fully carried by the PKs below it (issue 4, "cascade completeness").
public enum PkCascade {
    public struct Gap: Sendable, Hashable {
        /// Keys of the superior's indicators that no subordinate indicator serves.
        public var uncoveredIndicators: [String]
        /// Positions under the superior that have no PK for the year.
        public var positionsWithoutPk: [String]

        public var isComplete: Bool { uncoveredIndicators.isEmpty && positionsWithoutPk.isEmpty }
    }

    /// - Parameters:
    ///   - superiorIndicators: keys of the superior PK's indicators, in table order.
    ///   - servedKeys: keys of superior indicators that at least one subordinate indicator links to.
    ///   - subordinatePositions: the positions that should sign with this superior, in order.
    ///   - positionsWithPk: those of them that have a PK for the year.
    public static func gap(superiorIndicators: [String], servedKeys: Set<String>, subordinatePositions: [String],
                           positionsWithPk: Set<String>) -> Gap
    {
        Gap(uncoveredIndicators: superiorIndicators.filter { !servedKeys.contains($0) },
            positionsWithoutPk: subordinatePositions.filter { !positionsWithPk.contains($0) })
    }
}
