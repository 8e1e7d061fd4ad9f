/// The colour of a band; always shown with its label (colour-blind readers, black-and-white printers).
public enum Tone: String, Sendable, Hashable, Codable, CaseIterable {
    case excellent, good, fair, poor, bad
}

/// One band of a predikat scale: values at or above `lowerBound` (or strictly above when not inclusive) that no
/// better band took.
public struct PredikatBand: Sendable, Hashable, Codable {
    public var lowerBound: FixedDecimal?
    public var lowerInclusive: Bool
    public var label: Message
    public var tone: Tone

    public init(from lowerBound: FixedDecimal?, inclusive: Bool = true, label: Message, tone: Tone) {
        self.lowerBound = lowerBound
        self.lowerInclusive = inclusive
        self.label = label
        self.tone = tone
    }

    func admits(_ value: FixedDecimal) -> Bool {
        guard let lowerBound else { return true }
        return lowerInclusive ? value >= lowerBound : value > lowerBound
    }
}

/// A scale that turns a capaian into a predikat. Scales are data: a Pemda picks one, or defines its own.
///
/// Bands are read best first and the first band that admits the value wins. Published tables leave gaps between
/// integer intervals (76–90 then 91–100: where does 90,5 go?); reading lower bounds closes every gap, so 90,5 is
/// "Tinggi". Values above 100 fall in the top band, as most LKjIP documents treat them.
public struct PredikatScale: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: Message
    public var bands: [PredikatBand]

    public init(id: String, name: Message, bands: [PredikatBand]) throws(RuleViolation) {
        guard !bands.isEmpty, bands.last?.lowerBound == nil else {
            throw RuleViolation(code: "scale.open", field: .bands,
                message: Message(id: "Pita terakhir skala predikat harus menampung semua nilai sisanya (tanpa batas bawah).",
                                 en: "The last band of a predikat scale must take every remaining value (no lower bound)."))
        }
        let bounds = bands.dropLast().map { $0.lowerBound }
        guard !bounds.contains(where: { $0 == nil }),
            zip(bounds, bounds.dropFirst()).allSatisfy({ $0! > $1! })
        else {
            throw RuleViolation(code: "scale.order", field: .bands,
                message: Message(id: "Pita skala predikat harus diurutkan dari batas bawah tertinggi ke terendah.",
                                 en: "Predikat bands must be ordered from the highest lower bound to the lowest."))
        }
        self.id = id
        self.name = name
        self.bands = bands
    }

    public func band(for value: FixedDecimal) -> PredikatBand {
        bands.first { $0.admits(value) } ?? bands[bands.count - 1]
    }
}
