/// Where one entered realisation stands. Each entry is a row of history: a correction is a new row, never an edit.
public enum RealisasiStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Entered and waiting for a verifikator.
    case diajukan
    /// Accepted: from now on the figure of its quarter, until a later accepted correction.
    case diterima
    /// Returned with a reason; the unit corrects it with a new entry.
    case dikembalikan

    public var label: Message {
        switch self {
        case .diajukan: Message(id: "Menunggu verifikasi", en: "Awaiting verification")
        case .diterima: Message(id: "Diterima", en: "Accepted")
        case .dikembalikan: Message(id: "Dikembalikan", en: "Returned")
        }
    }
}

/// A verifikator's decision on one entry.
public enum RealisasiDecision: Sendable, Hashable {
    /// Accept; a qualitative indicator's entry is accepted with the capaian (%) the verifikator gives it.
    case accept(judgement: String?)
    case giveBack(reason: String)
}

public enum RealisasiReview {
    /// The highest capaian a verifikator may give a qualitative indicator.
    public static let maximumJudgement = FixedDecimal(120)

    /// Checks a decision; returns the new status and, for a qualitative indicator, the capaian given.
    /// - Parameter ownEntry: the verifikator is the entry's author.
    public static func decide(_ decision: RealisasiDecision, status: RealisasiStatus, ownEntry: Bool,
                              spec: IndicatorSpec, field: InputField) throws(RuleViolation)
        -> (status: RealisasiStatus, judgement: FixedDecimal?)
    {
        guard status == .diajukan else {
            throw RuleViolation(.conflict, code: "realisasi.decided", field: field,
                message: Message(id: "Realisasi ini sudah \(status.label.id.lowercased()); keputusan tidak dapat diubah. Perubahan dilakukan dengan isian koreksi.",
                                 en: "This realisation is already \(status.label.en.lowercased()); the decision cannot change. A correction is a new entry."))
        }
        if ownEntry {
            throw RuleViolation(.forbidden, code: "realisasi.ownEntry", field: field,
                message: Message(id: "Anda mengisi realisasi ini sendiri; verifikasi harus dilakukan verifikator lain.",
                                 en: "You entered this realisation yourself; another verifier must review it."))
        }
        switch decision {
        case .giveBack(let reason):
            guard reason.trimmingSpaces().count >= RealisasiEntryRules.minimumReasonLength else {
                throw RuleViolation(code: "realisasi.returnReason", field: .keyed(field.rowKey, .reason),
                    message: Message(id: "Tuliskan alasan pengembalian agar pengisi tahu apa yang harus diperbaiki (paling sedikit \(RealisasiEntryRules.minimumReasonLength) karakter).",
                                     en: "Say why the realisation is returned, so the unit knows what to fix (at least \(RealisasiEntryRules.minimumReasonLength) characters)."))
            }
            return (.dikembalikan, nil)
        case .accept(let text):
            guard spec.kind == .text else { return (.diterima, nil) }
            let at = InputField.keyed(field.rowKey, .judgement)
            guard let text, !text.trimmingSpaces().isEmpty else {
                throw RuleViolation(code: "realisasi.judgementMissing", field: at,
                    message: Message(id: "Indikator kualitatif diterima dengan nilai capaian (%) dari verifikator.",
                                     en: "A qualitative indicator is accepted with the capaian (%) the verifier gives it."))
            }
            let value = try NumberInput.parse(text, field: at).value
            guard value >= .zero && value <= maximumJudgement else {
                throw RuleViolation(code: "realisasi.judgementRange", field: at,
                    message: Message(id: "Nilai capaian berada antara 0 dan \(IDFormat.number(maximumJudgement)).",
                                     en: "The capaian given is between 0 and \(maximumJudgement)."))
            }
            return (.diterima, value)
        }
    }
}

extension InputField {
    /// The key of a `.keyed` field, or empty.
    public var rowKey: String {
        if case .keyed(let key, _) = self { return key }
        return ""
    }
}
