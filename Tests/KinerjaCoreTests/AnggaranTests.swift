import KinerjaCore
import Testing

@Suite struct AnggaranTests {
    let codes = ["1.02.02", "1.02.02.2.01", "1.02.02.2.01.0001", "1.02.02.2.01.0002", "1.02.02.2.02", "1.02.03"]

    @Test func realisation_is_entered_on_leaves_and_summed_up_the_nomenclature() {
        #expect(Anggaran.leaves(codes) == ["1.02.02.2.01.0001", "1.02.02.2.01.0002", "1.02.02.2.02", "1.02.03"])
        #expect(Anggaran.roots(codes) == ["1.02.02", "1.02.03"])
        let leaves: [String: Int64] = ["1.02.02.2.01.0001": 300, "1.02.02.2.01.0002": 200, "1.02.02.2.02": 50, "1.02.03": 7]
        #expect(Anggaran.realised(under: "1.02.02", leaves: leaves) == 550)
        #expect(Anggaran.realised(under: "1.02.02.2.01", leaves: leaves) == 500)
        #expect(Anggaran.realised(under: "1.02.02.2.01.0002", leaves: leaves) == 200)
        // A code that only shares digits is not under another: 1.02.0 is no parent of 1.02.03.
        #expect(Anggaran.realised(under: "1.02.0", leaves: leaves) == 0)
        #expect(Anggaran.realised(under: "1.02.02", leaves: ["1.02.02.2.01.0001": .max, "1.02.02.2.02": 1]) == .max)
    }

    @Test func serapan_and_efficiency() {
        #expect(Serapan(pagu: 1_250_000_000, realised: 312_500_000).percent == d("25"))
        #expect(Serapan(pagu: 3, realised: 1).percent == d("33.333333"))
        #expect(Serapan(pagu: 0, realised: 0).percent == nil)
        #expect(Serapan(pagu: .max, realised: .max).percent == d("100"))
        // Capaian 95% on a serapan of 80%: 1,1875 (more performance than money spent).
        #expect(Anggaran.efficiency(capaian: d("95"), serapan: d("80")) == d("1.1875"))
        #expect(Anggaran.efficiency(capaian: d("95"), serapan: .zero) == nil)
        #expect(Anggaran.efficiency(capaian: nil, serapan: d("80")) == nil)
    }

    @Test func a_year_never_absorbs_more_than_its_pagu() throws {
        let field = InputField.keyed("x", .quarter(2))
        #expect(try Anggaran.checkAmount("Rp 250.000", pagu: 1_000_000, otherQuarters: 750_000, code: "1.02.03", field: field) == 250_000)
        let over = violation { try Anggaran.checkAmount("250.001", pagu: 1_000_000, otherQuarters: 750_000, code: "1.02.03", field: field) }
        #expect(over?.code == "anggaran.overPagu")
        #expect(over?.field == field)
        #expect(over?.message.id.contains("1.000.001") == true)
        #expect(violation { try Anggaran.checkAmount("9.223.372.036.854.775.807", pagu: .max, otherQuarters: 1, code: "c", field: field) }?.code == "anggaran.overPagu")
        #expect(violation { try Anggaran.checkAmount("12,5", pagu: 100, otherQuarters: 0, code: "c", field: field) }?.code == "rupiah.invalid")
    }

    @Test func a_pagu_is_never_lowered_below_what_is_realised() throws {
        #expect(try Anggaran.checkPagu("1.000.000", realised: 1_000_000, code: "1.02.03", field: .pagu) == 1_000_000)
        let below = violation { try Anggaran.checkPagu("999.999", realised: 1_000_000, code: "1.02.03", field: .pagu) }
        #expect(below?.code == "anggaran.paguBelowRealised" && below?.message.id.contains("1.000.000") == true)
        #expect(violation { try Anggaran.checkPagu("-5", realised: 0, code: "c", field: .pagu) } != nil)
    }
}
