/// Indonesia's three time zones. None observes daylight saving, so local time is UTC plus a fixed offset and needs
/// no time-zone database: dates, deadlines and signing days are worked out here without Foundation.
public enum ZonaWaktu: String, Sendable, Hashable, Codable, CaseIterable {
    case wib = "Asia/Jakarta"
    case wita = "Asia/Makassar"
    case wit = "Asia/Jayapura"

    public var offsetSeconds: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// `WIB`, `WITA`, `WIT`: how clocks are labelled in Indonesian documents.
    public var abbreviation: String {
        switch self {
        case .wib: "WIB"
        case .wita: "WITA"
        case .wit: "WIT"
        }
    }

    public var label: Message {
        switch self {
        case .wib: Message(id: "WIB (Waktu Indonesia Barat, UTC+7)", en: "WIB (Western Indonesia Time, UTC+7)")
        case .wita: Message(id: "WITA (Waktu Indonesia Tengah, UTC+8)", en: "WITA (Central Indonesia Time, UTC+8)")
        case .wit: Message(id: "WIT (Waktu Indonesia Timur, UTC+9)", en: "WIT (Eastern Indonesia Time, UTC+9)")
        }
    }

    /// The zone of a Pemda from the province part of its Kemendagri code (`73.71` is in Sulawesi Selatan: WITA).
    /// Codes outside the known provinces (the demo's `99.71`) keep WIB; a Pemda can set its zone in its settings.
    public static func forPemdaCode(_ code: String) -> ZonaWaktu {
        guard let province = Int(code.prefix(2)) else { return .wib }
        switch province {
        case 51...53, 63...65, 71...76: return .wita
        case 81...82, 91...96: return .wit
        default: return .wib
        }
    }

    /// The local day of an instant given as seconds since 1970 (UTC).
    public func day(atUnixSeconds seconds: Int64) -> CalendarDate {
        let local = seconds + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDate(daysSinceEpoch: Int(days))
    }

    /// The local wall-clock time of an instant: day, hour, minute, second.
    public func clock(atUnixSeconds seconds: Int64) -> (day: CalendarDate, hour: Int, minute: Int, second: Int) {
        let local = seconds + Int64(offsetSeconds)
        let within = Int(((local % 86_400) + 86_400) % 86_400)
        return (day(atUnixSeconds: seconds), within / 3600, within / 60 % 60, within % 60)
    }
}

extension CalendarDate {
    /// The day `days` after 1970-01-01 (Howard Hinnant's civil-from-days, exact for the proleptic Gregorian calendar).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01: the inverse of `init(daysSinceEpoch:)`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
