import KinerjaCore
import Testing

@Suite struct PkPerubahanTests {
    func row(_ key: String, target: String, quarterly: [String] = ["", "", "", ""], name: String = "IKU") -> PkPerformanceRow {
        PkPerformanceRow(key: key, sasaran: "S", indikator: name, satuan: "%", target: target, quarterly: quarterly)
    }

    @Test func the_difference_lists_changed_added_and_removed_rows() {
        let old = [row("a", target: "80"), row("b", target: "10"), row("c", target: "5")]
        let new = [row("a", target: "85"), row("c", target: "5"), row("d", target: "1")]
        let diff = PkDiff.performance(from: old, to: new)
        #expect(diff == [.changed(old: old[0], new: new[0]), .added(new[2]), .removed(old[1])])
        #expect(diff.map(\.changesTargets) == [true, false, true])
        let wordingOnly = PkDiff.performance(from: [row("a", target: "80", name: "X")], to: [row("a", target: "80", name: "Y")])
        #expect(wordingOnly.count == 1 && !wordingOnly[0].changesTargets)
    }

    @Test func budget_difference_matches_by_code() {
        let old = [PkBudgetRow(code: "1.02.02", name: "P", amount: 100), PkBudgetRow(code: "1.02.03", name: "Q", amount: 5)]
        let new = [PkBudgetRow(code: "1.02.02", name: "P", amount: 120)]
        #expect(PkDiff.budget(from: old, to: new) == [.changed(old: old[0], new: new[0]), .removed(old[1])])
    }

    @Test func a_realised_target_changes_only_with_a_reason() throws {
        let diff = PkDiff.performance(from: [row("a", target: "80"), row("b", target: "5")],
                                      to: [row("a", target: "85"), row("b", target: "6")])
        #expect(violation { try PerubahanRules.checkRealisedTargets(diff, realised: ["a"], reasons: [:]) }?.field
                == .keyed("a", .reason))
        #expect(violation {
            try PerubahanRules.checkRealisedTargets(diff, realised: ["a"], reasons: ["a": "singkat"])
        } != nil)
        try PerubahanRules.checkRealisedTargets(diff, realised: ["a"], reasons: ["a": "APBD-P memotong anggaran 30%"])
        try PerubahanRules.checkRealisedTargets(diff, realised: [], reasons: [:])
    }

    @Test func the_legal_basis_is_required_and_fits_the_year() {
        #expect(violation { try PerubahanRules.checkBasis(legalNumber: "", legalDate: day("2027-08-01"), year: 2027) }?
                .field == .legalNumber)
        #expect(violation { try PerubahanRules.checkBasis(legalNumber: "5/2027", legalDate: nil, year: 2027) }?.field
                == .legalDate)
        #expect(violation { try PerubahanRules.checkBasis(legalNumber: "5/2027", legalDate: day("2020-01-01"), year: 2027) }
                != nil)
    }

    @Test func statements_fill_the_year_and_differ_by_level() {
        let custom = PkStatementTemplate(opening: "Tahun {tahun}, kami:", promise: "janji {tahun}", supervision: nil)
        #expect(custom.text(year: 2027).opening == "Tahun 2027, kami:")
        #expect(PkStatementTemplate.standard(for: .pemda).supervision == nil)
        #expect(PkStatementTemplate.standard(for: .jpt).supervision?.contains("penghargaan dan sanksi") == true)
        let signer = PkSigner(name: "A", nip: "197001011990031001", pangkat: "", jabatan: "J")
        #expect(signer.groupedNip == "19700101 199003 1 001")
    }
}
