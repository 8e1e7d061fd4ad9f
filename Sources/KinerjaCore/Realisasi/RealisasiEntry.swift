/// One indicator's realisation for one quarter as a form or an import sent it: text as typed.
public struct RealisasiDraft: Sendable, Hashable {
    /// The PK row's key (stable from version to version of the PK).
    public var key: String
    /// 0 for a quarter's entry; 1–12 for a month of a monthly indicator.
    public var month: Int
    public var value: String
    public var tdiReason: String
    public var confidence: String
    public var forecast: String
    public var narrative: RealisasiNarrative

    public init(key: String, month: Int = 0, value: String, tdiReason: String = "", confidence: String = "",
                forecast: String = "", narrative: RealisasiNarrative = RealisasiNarrative())
    {
        self.key = key
        self.month = month
        self.value = value
        self.tdiReason = tdiReason
        self.confidence = confidence
        self.forecast = forecast
        self.narrative = narrative
    }

    /// What its findings name: the row, or the row's month (`<key>~<month>`).
    public var fieldKey: String { month == 0 ? key : "\(key)~\(month)" }

    /// Nothing typed at all: the row is not being reported this time, which is not an error.
    public var isBlank: Bool {
        [value, tdiReason, confidence, forecast, narrative.supporting, narrative.obstacles, narrative.followUp]
            .allSatisfy { $0.trimmingSpaces().isEmpty }
    }
}

/// What the unit writes beside its figure: the factors behind it and what it does next (LKjIP Bab III reads them).
public struct RealisasiNarrative: Sendable, Hashable, Codable {
    /// Faktor pendukung.
    public var supporting: String
    /// Faktor penghambat.
    public var obstacles: String
    /// Upaya / tindak lanjut.
    public var followUp: String

    public init(supporting: String = "", obstacles: String = "", followUp: String = "") {
        self.supporting = supporting
        self.obstacles = obstacles
        self.followUp = followUp
    }
}

/// A realisation that passed every rule, in the form it is stored.
public struct RealisasiRecord: Sendable, Hashable {
    public var key: String
    public var month: Int = 0
    public var realisasi: Realisasi
    /// The stored text: a decimal with a dot, `ya`/`tidak`, the ordinal level, the statement, or `TDI`.
    public var canonical: String
    public var tdiReason: String?
    public var confidence: Int?
    public var forecast: Realisasi?
    public var forecastCanonical: String?
    public var narrative: RealisasiNarrative
}

/// The rules of a realisation entry (sakip-rules §2): read the value the way the indicator's kind requires, TDI only
/// with its reason, a confidence of 0–10, a forecast of the same kind as the value, narratives bounded.
public enum RealisasiEntryRules {
    public static let confidenceRange = 0...10
    public static let minimumReasonLength = 10
    public static let tdiWord = "TDI"

    /// Every finding of one row, each naming its field inside the row (`.keyed(key, field)`).
    public static func validate(_ draft: RealisasiDraft, spec: IndicatorSpec) -> Result<RealisasiRecord, RuleViolations> {
        var problems: [RuleViolation] = []
        func at(_ field: InputField) -> InputField { .keyed(draft.fieldKey, field) }
        var realisasi: Realisasi?
        do {
            realisasi = try RealisasiInput.parse(draft.value, for: spec, field: at(.realisasi))
        } catch {
            problems.append(error)
        }
        var tdiReason: String?
        if realisasi == .tdi {
            let reason = draft.tdiReason.trimmingSpaces()
            if reason.count < minimumReasonLength {
                problems.append(RuleViolation(code: "realisasi.tdiReason", field: at(.reason),
                    message: Message(id: "Realisasi TDI memerlukan alasan mengapa data tidak diperoleh (paling sedikit \(minimumReasonLength) karakter).",
                                     en: "A TDI realisation needs a reason why the data could not be obtained (at least \(minimumReasonLength) characters).")))
            }
            tdiReason = reason
        }
        var confidence: Int?
        let confidenceText = draft.confidence.trimmingSpaces()
        if !confidenceText.isEmpty {
            if confidenceText.utf8.count <= 2, let n = Int(confidenceText), confidenceRange.contains(n) {
                confidence = n
            } else {
                problems.append(RuleViolation(code: "realisasi.confidence", field: at(.confidence),
                    message: Message(id: "Tingkat keyakinan berupa bilangan bulat 0 sampai 10 (tertulis \"\(String(draft.confidence.prefix(20)))\").",
                                     en: "Confidence is a whole number from 0 to 10 (got \"\(String(draft.confidence.prefix(20)))\").")))
            }
        }
        var forecast: Realisasi?
        var forecastCanonical: String?
        let forecastText = draft.forecast.trimmingSpaces()
        if !forecastText.isEmpty && spec.kind != .text {
            do {
                let parsed = try RealisasiInput.parse(forecastText, for: spec, field: at(.forecast))
                if parsed == .tdi {
                    problems.append(RuleViolation(code: "realisasi.forecastTDI", field: at(.forecast),
                        message: Message(id: "Prakiraan akhir tahun berupa nilai, bukan TDI; kosongkan bila belum dapat diperkirakan.",
                                         en: "The year-end forecast is a value, not TDI; leave it empty if it cannot be estimated yet.")))
                } else {
                    forecast = parsed
                    forecastCanonical = canonical(parsed, spec: spec, statement: forecastText)
                }
            } catch {
                problems.append(error)
            }
        }
        let n = draft.narrative
        for (text, field, label) in [
            (n.supporting, InputField.supporting, Message(id: "Faktor pendukung", en: "Supporting factors")),
            (n.obstacles, .obstacles, Message(id: "Faktor penghambat", en: "Obstacles")),
            (n.followUp, .followUp, Message(id: "Upaya / tindak lanjut", en: "Follow-up")),
            (draft.tdiReason, .reason, Message(id: "Alasan TDI", en: "The TDI reason")),
        ] {
            do { try Required.Optional.text(text, field: at(field), label: label, max: Limits.longText) } catch { problems.append(error) }
        }
        if spec.kind == .text {
            do {
                try Required.Optional.text(draft.value, field: at(.realisasi), label: Message(id: "Realisasi", en: "The realisation"),
                                           max: Limits.longText)
            } catch { problems.append(error) }
        }
        guard problems.isEmpty, let realisasi else { return .failure(RuleViolations(problems)) }
        let narrative = RealisasiNarrative(supporting: n.supporting.trimmingSpaces(), obstacles: n.obstacles.trimmingSpaces(),
                                           followUp: n.followUp.trimmingSpaces())
        return .success(RealisasiRecord(
            key: draft.key, month: draft.month, realisasi: realisasi,
            canonical: canonical(realisasi, spec: spec, statement: draft.value.trimmingSpaces()), tdiReason: tdiReason,
            confidence: confidence, forecast: forecast, forecastCanonical: forecastCanonical, narrative: narrative))
    }

    /// The stored form of a realisation.
    public static func canonical(_ realisasi: Realisasi, spec: IndicatorSpec, statement: String) -> String {
        switch realisasi {
        case .tdi: tdiWord
        case .value(let v), .judged(let v): v.description
        case .binary(let met): met ? "ya" : "tidak"
        case .ordinal(let rank): spec.ordinalScale?.label(ofRank: rank) ?? String(rank)
        case .awaitingJudgement: statement
        }
    }

    /// Reads the stored form back; `judgement` is the verifier's capaian for a qualitative indicator, once given.
    public static func parseStored(_ canonical: String, spec: IndicatorSpec, judgement: FixedDecimal? = nil) -> Realisasi? {
        if canonical == tdiWord { return .tdi }
        switch spec.kind {
        case .numeric, .percent, .index: return FixedDecimal(canonical: canonical).map { .value($0) }
        case .binary: return canonical == "ya" ? .binary(true) : (canonical == "tidak" ? .binary(false) : nil)
        case .ordinal: return spec.ordinalScale?.rank(of: canonical).map { .ordinal(rank: $0) }
        case .text: return judgement.map { .judged($0) } ?? .awaitingJudgement
        }
    }
}
