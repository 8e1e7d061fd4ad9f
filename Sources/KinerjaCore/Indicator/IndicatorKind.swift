/// What an indicator measures, which decides how its targets and realisations are read.
public enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A count or amount (jumlah, orang, unit, Rp).
    case numeric
    /// A percentage (persen); may exceed 100 or fall below 0 for growth rates.
    case percent
    /// An index (IPM, Gini, IKM).
    case index
    /// Ada/tidak, tercapai/tidak.
    case binary
    /// A level on the indicator's own ordered scale (D < C < … < AA; TMP < TW < WDP < WTP).
    case ordinal
    /// Qualitative: the realisation is a narrative that a verifier judges.
    case text

    public var isQuantitative: Bool {
        switch self {
        case .numeric, .percent, .index: true
        case .binary, .ordinal, .text: false
        }
    }

    public var label: Message {
        switch self {
        case .numeric: Message(id: "Angka", en: "Number")
        case .percent: Message(id: "Persentase", en: "Percentage")
        case .index: Message(id: "Indeks", en: "Index")
        case .binary: Message(id: "Ya/Tidak", en: "Yes/No")
        case .ordinal: Message(id: "Peringkat (skala)", en: "Ordinal (scale)")
        case .text: Message(id: "Kualitatif", en: "Qualitative")
        }
    }
}

/// Whether more (positive) or less (negative) is better. A target range [a, b] is a target shape, not a polarity:
/// inside the range is 100%, outside it the polarity's formula is applied against the nearer bound.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
    case positive
    case negative

    public var label: Message {
        switch self {
        case .positive: Message(id: "Positif (makin tinggi makin baik)", en: "Positive (higher is better)")
        case .negative: Message(id: "Negatif (makin rendah makin baik)", en: "Negative (lower is better)")
        }
    }
}

/// The capaian formula for a negative indicator, chosen per indicator (sakip-rules §2.2).
public enum NegativeFormula: String, Sendable, Hashable, Codable, CaseIterable {
    /// (2T − R) / T × 100: PermenPANRB 8/2021 "kondisi khusus" and LKjIP practice. The default.
    case inverse
    /// T / R × 100: used by some local apps (WP-SIPD "tren negatif").
    case ratio
}

/// How the values of the periods (triwulan) make the year's figure (sakip-rules §2.6).
public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
    case sum
    case average
    case last
    case max
    case min

    public var label: Message {
        switch self {
        case .sum: Message(id: "Jumlah", en: "Sum")
        case .average: Message(id: "Rata-rata", en: "Average")
        case .last: Message(id: "Nilai terakhir", en: "Last value")
        case .max: Message(id: "Tertinggi", en: "Maximum")
        case .min: Message(id: "Terendah", en: "Minimum")
        }
    }
}

/// Whether each period's entry is that period's own value or the figure to date.
public enum EntryMode: String, Sendable, Hashable, Codable, CaseIterable {
    case perPeriod
    case cumulative

    public var label: Message {
        switch self {
        case .perPeriod: Message(id: "Nilai per periode", en: "Value per period")
        case .cumulative: Message(id: "Kumulatif s.d. periode", en: "Cumulative to date")
        }
    }
}
