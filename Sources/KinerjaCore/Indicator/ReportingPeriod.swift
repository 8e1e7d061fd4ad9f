/// How often an indicator's realisation is reported (the Manual IKU's "periode pelaporan"): once a quarter, or
/// month by month. A monthly indicator is still measured per quarter: its quarter figure is made from the months of
/// the year so far, combined the way its aggregation and entry mode say (sakip-rules §2.6).
public enum ReportingPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case quarterly
    case monthly

    public var label: Message {
        switch self {
        case .quarterly: Message(id: "Triwulanan", en: "Quarterly")
        case .monthly: Message(id: "Bulanan", en: "Monthly")
        }
    }

    /// Entries in a year: 4 quarters or 12 months.
    public var periodsPerYear: Int { self == .monthly ? 12 : 4 }

    /// How many entries of the year a figure through `quarter` reads.
    public func entries(throughQuarter quarter: Int) -> Int {
        let q = min(max(quarter, 0), 4)
        return self == .monthly ? q * 3 : q
    }
}

/// The months of the year as realisation periods of a monthly indicator: 1 (Januari) … 12 (Desember).
public enum Bulan {
    public static let all = 1...12

    /// The three months of a quarter (1–4); empty outside.
    public static func of(quarter: Int) -> Range<Int> {
        guard Triwulan.all.contains(quarter) else { return 0..<0 }
        return (quarter * 3 - 2)..<(quarter * 3 + 1)
    }

    public static func quarter(of month: Int) -> Int { (min(max(month, 1), 12) - 1) / 3 + 1 }

    /// "Januari" … "Desember".
    public static func name(_ month: Int) -> String {
        all.contains(month) ? IDFormat.months[month - 1] : String(month)
    }

    static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]

    public static func label(_ month: Int) -> Message {
        guard all.contains(month) else { return Message(id: String(month), en: String(month)) }
        return Message(id: IDFormat.months[month - 1], en: english[month - 1])
    }

    /// Checks the month of an entry against its indicator and quarter: a monthly indicator is entered for one of the
    /// quarter's months, a quarterly one for the quarter as a whole (month 0).
    public static func check(_ month: Int, quarter: Int, reporting: ReportingPeriod, field: InputField)
        throws(RuleViolation)
    {
        switch reporting {
        case .quarterly:
            guard month == 0 else {
                throw RuleViolation(code: "realisasi.month", field: field,
                    message: Message(id: "Indikator ini dilaporkan per triwulan, bukan per bulan.",
                                     en: "This indicator is reported per quarter, not per month."))
            }
        case .monthly:
            guard of(quarter: quarter).contains(month) else {
                let months = of(quarter: quarter).map(name).joined(separator: ", ")
                throw RuleViolation(code: "realisasi.month", field: field,
                    message: Message(id: "Indikator ini dilaporkan per bulan: isi bulan \(months) untuk \(Triwulan.label(quarter)).",
                                     en: "This indicator is reported monthly: enter \(of(quarter: quarter).map { english[$0 - 1] }.joined(separator: ", ")) for Q\(quarter)."))
            }
        }
    }
}
