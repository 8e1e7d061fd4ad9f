/// Budget absorption (serapan) of a pagu: realisation ÷ pagu × 100 (sakip-rules §2.8).
public struct Serapan: Sendable, Hashable {
    public var pagu: Int64
    public var realised: Int64

    public init(pagu: Int64, realised: Int64) {
        self.pagu = pagu
        self.realised = realised
    }

    /// Nil when there is no pagu to absorb.
    public var percent: FixedDecimal? {
        guard pagu > 0 else { return nil }
        return FixedDecimal(saturating: FixedDecimal.divideRounded(Int128(realised) * 100 * Int128(FixedDecimal.scale), by: Int128(pagu)))
    }

}

/// The rules of budget realisation: entered on the lowest lines of a DPA (sub kegiatan, or a line without children),
/// summed up the nomenclature to kegiatan and program, never above the pagu; efficiency is capaian against serapan.
public enum Anggaran {
    /// The codes of `codes` that no other code sits under: where realisation is entered.
    public static func leaves(_ codes: some Sequence<String>) -> Set<String> {
        let all = Set(codes)
        var parents: Set<String> = []
        for code in all {
            var up = NomenclatureCode.parent(of: code)
            while let parent = up {
                if all.contains(parent) { parents.insert(parent) }
                up = NomenclatureCode.parent(of: parent)
            }
        }
        return all.subtracting(parents)
    }

    /// The codes of `codes` that sit under no other of them: what a total sums without counting a program and its
    /// kegiatan twice.
    public static func roots(_ codes: some Sequence<String>) -> Set<String> {
        let all = Set(codes)
        return all.filter { code in
            var up = NomenclatureCode.parent(of: code)
            while let parent = up {
                if all.contains(parent) { return false }
                up = NomenclatureCode.parent(of: parent)
            }
            return true
        }
    }

    /// The realisation of a line: its own if it is a leaf, else the sum of the leaves under it.
    public static func realised(under code: String, leaves: [String: Int64]) -> Int64 {
        let prefix = code + "."
        var total: Int64 = 0
        for (leaf, amount) in leaves where leaf == code || leaf.hasPrefix(prefix) {
            total = total.addingReportingOverflow(amount).overflow ? .max : total + amount
        }
        return total
    }

    /// Capaian ÷ serapan: above 1 the unit achieved more than it spent, below 1 less. Nil without either figure or
    /// when nothing was spent. (No national formula exists; sakip-rules §2.8 asks for the comparison.)
    public static func efficiency(capaian: FixedDecimal?, serapan: FixedDecimal?) -> FixedDecimal? {
        guard let capaian, let serapan, serapan.units > 0 else { return nil }
        return FixedDecimal(saturating: FixedDecimal.divideRounded(Int128(capaian.units) * Int128(FixedDecimal.scale),
                                                                   by: Int128(serapan.units)))
    }

    /// A new pagu for a line, as typed, refused below what the line has already realised: lowering it there would
    /// leave a serapan above 100% that no entry could correct.
    public static func checkPagu(_ raw: String, realised: Int64, code: String, field: InputField) throws(RuleViolation) -> Int64 {
        let amount = try RupiahInput.parse(raw, field: field)
        guard amount >= realised else {
            throw RuleViolation(code: "anggaran.paguBelowRealised", field: field,
                message: Message(id: "Pagu \(code) tidak dapat kurang dari realisasi yang sudah dicatat, Rp \(IDFormat.rupiah(realised)).",
                                 en: "The ceiling of \(code) cannot be less than the realisation already recorded, Rp \(IDFormat.rupiah(realised))."))
        }
        return amount
    }

    /// A quarter's realisation of a line, as typed, checked against what the line may still absorb.
    /// - Parameter otherQuarters: the line's realisation in the other quarters of the year.
    public static func checkAmount(_ raw: String, pagu: Int64, otherQuarters: Int64, code: String, field: InputField)
        throws(RuleViolation) -> Int64
    {
        let amount = try RupiahInput.parse(raw, field: field)
        let (total, overflow) = amount.addingReportingOverflow(otherQuarters)
        guard !overflow, total <= pagu else {
            throw RuleViolation(code: "anggaran.overPagu", field: field,
                message: Message(id: "Realisasi \(code) setahun menjadi Rp \(IDFormat.rupiah(overflow ? .max : total)), melebihi pagu Rp \(IDFormat.rupiah(pagu)).",
                                 en: "The year's realisation of \(code) would be Rp \(overflow ? .max : total), above the ceiling of Rp \(pagu)."))
        }
        return amount
    }
}
