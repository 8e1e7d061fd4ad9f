/// What is known of one indicator's quarters for the early warning: its newest entry of each quarter (whatever its
/// status), how many evidence files each has, the windows and the capaian computed from accepted values.
public struct IndicatorWatch: Sendable, Hashable {
    public struct Quarter: Sendable, Hashable {
        public var latest: RealisasiStatus?
        /// The newest entry says TDI.
        public var isTdi: Bool
        public var bukti: Int

        public init(latest: RealisasiStatus?, isTdi: Bool = false, bukti: Int = 0) {
            self.latest = latest
            self.isTdi = isTdi
            self.bukti = bukti
        }

        /// A monthly indicator's quarter seen as one: missing while any of its months is, returned while any is,
        /// awaiting while any awaits, accepted when all are; TDI when any month's newest entry is.
        public static func combining(months: [Quarter], bukti: Int) -> Quarter {
            let statuses = months.map(\.latest)
            let latest: RealisasiStatus? =
                if statuses.isEmpty || statuses.contains(where: { $0 == nil }) { nil }
                else if statuses.contains(.dikembalikan) { .dikembalikan }
                else if statuses.contains(.diajukan) { .diajukan }
                else { .diterima }
            return Quarter(latest: latest, isTdi: months.contains(where: \.isTdi), bukti: bukti)
        }
    }

    public var key: String
    /// TW I–IV.
    public var quarters: [Quarter]
    public var capaian: IndicatorCapaian
    /// The quarter whose accepted entry gave the forecast (1–4), where one did.
    public var forecastPeriod: Int?

    public init(key: String, quarters: [Quarter], capaian: IndicatorCapaian, forecastPeriod: Int? = nil) {
        self.key = key
        self.quarters = quarters
        self.capaian = capaian
        self.forecastPeriod = forecastPeriod
    }
}

/// One reason to act on an indicator before the year ends, with the quarter it is about.
public struct EarlyWarningSignal: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Accepted and sent back: the unit has not corrected it yet.
        case returned
        /// The quarter's window has closed and nothing was entered.
        case missing
        /// The newest entry is TDI: no data for the quarter.
        case tdi
        /// A value was entered without any bukti dukung.
        case buktiMissing
        /// The year-end forecast falls short of the year target.
        case forecastBelowTarget

        public var label: Message {
            switch self {
            case .returned: Message(id: "Dikembalikan, belum diperbaiki", en: "Returned, not corrected")
            case .missing: Message(id: "Belum diisi saat jadwal ditutup", en: "Not entered when the window closed")
            case .tdi: Message(id: "TDI (data tidak tersedia)", en: "TDI (no data)")
            case .buktiMissing: Message(id: "Tanpa bukti dukung", en: "No evidence")
            case .forecastBelowTarget: Message(id: "Prakiraan akhir tahun di bawah target", en: "Year-end forecast below target")
            }
        }

        /// The order a list shows them in: what keeps a figure from counting comes first.
        var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    }

    public var kind: Kind
    /// 1–4; for a forecast, the quarter it was last given in.
    public var period: Int
    /// The forecast capaian, for `forecastBelowTarget`.
    public var capaian: FixedDecimal?

    public init(kind: Kind, period: Int, capaian: FixedDecimal? = nil) {
        self.kind = kind
        self.period = period
        self.capaian = capaian
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.kind.order, a.period) < (b.kind.order, b.period)
    }
}

/// The early warning of an indicator (sakip-rules §2: monitoring is there to act before the year closes). Pure: the
/// same watch gives the same list, on every page and in the API.
public enum EarlyWarning {
    /// - Parameters:
    ///   - windows: TW I–IV; a quarter without a window is never "missing", since no one said when it was due.
    ///   - today: in the Pemda's zone.
    public static func signals(_ watch: IndicatorWatch, windows: [JadwalWindow?], today: CalendarDate)
        -> [EarlyWarningSignal]
    {
        var out: [EarlyWarningSignal] = []
        for period in Triwulan.all {
            let quarter = watch.quarters.indices.contains(period - 1) ? watch.quarters[period - 1] : IndicatorWatch.Quarter(latest: nil)
            let window = windows.indices.contains(period - 1) ? windows[period - 1] : nil
            guard let latest = quarter.latest else {
                if let window, window.state(on: today) == .ditutup { out.append(EarlyWarningSignal(kind: .missing, period: period)) }
                continue
            }
            if latest == .dikembalikan { out.append(EarlyWarningSignal(kind: .returned, period: period)) }
            if quarter.isTdi {
                out.append(EarlyWarningSignal(kind: .tdi, period: period))
            } else if quarter.bukti == 0 {
                out.append(EarlyWarningSignal(kind: .buktiMissing, period: period))
            }
        }
        let forecast = watch.capaian.forecast
        if forecast.status == .measured, let value = forecast.capped, value < FixedDecimal(100) {
            let given = watch.forecastPeriod.flatMap { Triwulan.all.contains($0) ? $0 : nil }
                ?? watch.quarters.indices.last { watch.quarters[$0].latest == .diterima }.map { $0 + 1 } ?? 4
            out.append(EarlyWarningSignal(kind: .forecastBelowTarget, period: given, capaian: value))
        }
        return out.sorted()
    }
}
