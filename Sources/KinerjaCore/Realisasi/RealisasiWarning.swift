/// Something about a value that is allowed but looks wrong: shown in plain words before saving, and saved only when
/// the operator confirms it.
public struct RealisasiWarning: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A cumulative value lower than an earlier quarter's.
        case cumulativeFell
        /// A value that computes to less than half, or more than twice, its plan.
        case farFromPlan
    }

    public var key: String
    public var kind: Kind
    public var message: Message
}

public enum RealisasiWarnings {
    /// Below this capaian (%) against the plan, or above `highPercent`, a value is worth a second look.
    public static let lowPercent = FixedDecimal(50)
    public static let highPercent = FixedDecimal(200)

    /// - Parameters:
    ///   - period: the quarter being entered (1–4).
    ///   - earlier: the latest value of each earlier quarter (index 0 is TW I), accepted or not.
    ///   - periodTargets: the row's quarterly targets (Rencana Aksi); `yearTarget` stands in where they are missing.
    public static func check(_ record: RealisasiRecord, period: Int, spec: IndicatorSpec, earlier: [Realisasi?],
                             periodTargets: [Target?], yearTarget: Target?) -> [RealisasiWarning]
    {
        guard case .value(let value) = record.realisasi else { return [] }
        var warnings: [RealisasiWarning] = []
        if spec.entryMode == .cumulative {
            let previous = earlier.prefix(max(0, period - 1)).enumerated().reversed().first { _, r in
                if case .value = r { true } else { false }
            }
            if let (index, entry) = previous, case .value(let before) = entry, value < before {
                warnings.append(RealisasiWarning(key: record.key, kind: .cumulativeFell, message: Message(
                    id: "Nilai kumulatif \(Triwulan.label(period)) (\(IDFormat.number(value))) lebih kecil dari \(Triwulan.label(index + 1)) (\(IDFormat.number(before))). Isian kumulatif biasanya tidak turun; periksa kembali, atau simpan bila memang benar.",
                    en: "The cumulative value of Q\(period) (\(value)) is lower than Q\(index + 1)'s (\(before)). Cumulative values do not usually fall; check it, or save if it is right.")))
            }
        }
        let quarterTarget = periodTargets.indices.contains(period - 1) ? periodTargets[period - 1] : nil
        // A per-period value of a summed indicator is a part of the year, so the year target is no plan for it.
        let plan = quarterTarget ?? (spec.entryMode == .perPeriod && spec.aggregation == .sum ? nil : yearTarget)
        if let plan {
            let result = CapaianCalculator().capaian(of: record.realisasi, against: plan, spec: spec)
            if result.status == .measured, let raw = result.raw, !result.flags.contains(.formulaFallback),
               raw < lowPercent || raw > highPercent
            {
                let planText = IDFormat.target(plan)
                warnings.append(RealisasiWarning(key: record.key, kind: .farFromPlan, message: Message(
                    id: "Realisasi \(IDFormat.number(value)) jauh dari rencana \(Triwulan.label(period)) (\(planText)): capaian \(IDFormat.number(raw.rounded(toFractionDigits: 2)))%. Periksa satuan dan penulisan angka (koma desimal, titik ribuan).",
                    en: "The realisation \(value) is far from the Q\(period) plan (\(planText)): capaian \(raw.rounded(toFractionDigits: 2))%. Check the unit and how the number is written.")))
            }
        }
        return warnings
    }
}
