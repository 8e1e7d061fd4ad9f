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
    ///   - earlier: the latest value of each earlier period of the year (index 0 is TW I, or January for a monthly
    ///     indicator), accepted or not.
    ///   - periodTargets: the row's quarterly targets (Rencana Aksi); `yearTarget` stands in where they are missing.
    public static func check(_ record: RealisasiRecord, period: Int, spec: IndicatorSpec, earlier: [Realisasi?],
                             periodTargets: [Target?], yearTarget: Target?) -> [RealisasiWarning]
    {
        guard case .value(let value) = record.realisasi else { return [] }
        let monthly = spec.reporting == .monthly && Bulan.all.contains(record.month)
        // The position of this entry in the year, and how people name a period.
        let position = monthly ? record.month : period
        func name(_ n: Int) -> Message {
            monthly ? Bulan.label(n) : Message(id: Triwulan.label(n), en: "Q\(n)")
        }
        var warnings: [RealisasiWarning] = []
        if spec.entryMode == .cumulative {
            let previous = earlier.prefix(max(0, position - 1)).enumerated().reversed().first { _, r in
                if case .value = r { true } else { false }
            }
            if let (index, entry) = previous, case .value(let before) = entry, value < before {
                let now = name(position)
                let then = name(index + 1)
                warnings.append(RealisasiWarning(key: record.key, kind: .cumulativeFell, message: Message(
                    id: "Nilai kumulatif \(now.id) (\(IDFormat.number(value))) lebih kecil dari \(then.id) (\(IDFormat.number(before))). Isian kumulatif biasanya tidak turun; periksa kembali, atau simpan bila memang benar.",
                    en: "The cumulative value of \(now.en) (\(value)) is lower than \(then.en)'s (\(before)). Cumulative values do not usually fall; check it, or save if it is right.")))
            }
        }
        // A month of a summed indicator is a share of its quarter, so the quarter's plan is no plan for it; a
        // cumulative month is set against the plan only when it closes the quarter.
        if monthly && spec.entryMode == .perPeriod && spec.aggregation == .sum { return warnings }
        if monthly && spec.entryMode == .cumulative && record.month != period * 3 { return warnings }
        let quarterTarget = periodTargets.indices.contains(period - 1) ? periodTargets[period - 1] : nil
        // A per-period value of a summed indicator is a part of the year, so the year target is no plan for it.
        let plan = quarterTarget ?? (spec.entryMode == .perPeriod && spec.aggregation == .sum ? nil : yearTarget)
        if let plan {
            let result = CapaianCalculator().capaian(of: record.realisasi, against: plan, spec: spec)
            if result.status == .measured, let raw = result.raw, !result.flags.contains(.formulaFallback),
               raw < lowPercent || raw > highPercent
            {
                let planText = IDFormat.target(plan)
                let month = monthly ? Bulan.label(record.month) : Message(id: "", en: "")
                let whenID = monthly ? " \(month.id)" : ""
                let whenEN = monthly ? " for \(month.en)" : ""
                warnings.append(RealisasiWarning(key: record.key, kind: .farFromPlan, message: Message(
                    id: "Realisasi\(whenID) \(IDFormat.number(value)) jauh dari rencana \(Triwulan.label(period)) (\(planText)): capaian \(IDFormat.number(raw.rounded(toFractionDigits: 2)))%. Periksa satuan dan penulisan angka (koma desimal, titik ribuan).",
                    en: "The realisation\(whenEN) \(value) is far from the Q\(period) plan (\(planText)): capaian \(raw.rounded(toFractionDigits: 2))%. Check the unit and how the number is written.")))
            }
        }
        return warnings
    }
}
