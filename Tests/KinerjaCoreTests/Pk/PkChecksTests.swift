import KinerjaCore
import Testing

@Suite struct PkChecksTests {
    static let percent = IndicatorSpec(kind: .percent, aggregation: .last)
    static let count = IndicatorSpec(kind: .numeric, aggregation: .sum)

    func row(name: String = "Persentase penduduk dengan jaminan kesehatan", satuan: String = "%",
             spec: IndicatorSpec = percent, target: String = "95", quarterly: [String?] = ["80", "85", "90", "95"],
             renstra: String? = "95", links: Int = 1) -> PkCheckRow
    {
        PkCheckRow(indikator: name, satuan: satuan, spec: spec, target: target, quarterly: quarterly,
                   renstraTarget: renstra, superiorLinks: links)
    }

    func codes(_ rows: [PkCheckRow], level: PkLevel = .jpt, budgets: [PkCheckBudget] = [], hasDpa: Bool = true)
        -> [String]
    {
        PkChecks.run(level: level, year: 2027, rows: rows, budgets: budgets, hasDpa: hasDpa).map(\.code)
    }

    @Test func a_good_row_passes() {
        let budget = PkCheckBudget(code: "1.02.02", name: "Program Pemenuhan Upaya Kesehatan", amount: 1_000, dpaAmount: 1_000)
        #expect(codes([row()], budgets: [budget]).isEmpty)
    }

    @Test func measurable_needs_a_unit_and_a_readable_target() {
        #expect(codes([row(satuan: " ")]).contains("pk.satuan"))
        #expect(codes([row(target: "")]).contains("pk.target"))
        #expect(codes([row(target: "banyak")]).contains("pk.targetUnreadable"))
        #expect(codes([]).contains("pk.noIndicators"))
        let findings = PkChecks.run(level: .jpt, year: 2027, rows: [row(satuan: "")], budgets: [], hasDpa: true)
        #expect(PkChecks.hasErrors(findings))
        #expect(findings.first { $0.code == "pk.satuan" }?.row == 1)
    }

    @Test func the_quarterly_plan_must_add_up_to_the_year_target() {
        // A "last value" indicator: TW IV is the year.
        #expect(codes([row(quarterly: ["80", "85", "90", "92"])]).contains("pk.rencanaAksiMismatch"))
        // A counted indicator: the quarters sum to the year.
        let counted = row(name: "Jumlah balita yang diimunisasi lengkap", satuan: "anak", spec: Self.count,
                          target: "1200", quarterly: ["300", "300", "300", "300"], renstra: "1200")
        #expect(codes([counted]) == ["pk.noBudget"], "nothing about the quarters")
        var off = counted
        off.quarterly = ["300", "300", "300", "200"]
        let finding = PkChecks.run(level: .jpt, year: 2027, rows: [off], budgets: [], hasDpa: true)
            .first { $0.code == "pk.rencanaAksiMismatch" }
        #expect(finding?.severity == .error)
        #expect(finding?.message.id.contains("1.100") == true)
        #expect(codes([row(quarterly: [nil, nil, nil, nil])]).contains("pk.noRencanaAksi"))
        #expect(codes([row(quarterly: ["80", nil, nil, "95"])]).contains("pk.partialRencanaAksi"))
    }

    @Test func a_target_apart_from_the_renstra_is_flagged_not_refused() {
        let findings = PkChecks.run(level: .jpt, year: 2027, rows: [row(target: "96", quarterly: ["80", "85", "90", "96"])],
                                    budgets: [], hasDpa: true)
        let finding = findings.first { $0.code == "pk.renstraMismatch" }
        #expect(finding?.severity == .warning)
        #expect(finding?.message.id.contains("(95)") == true)
    }

    @Test func process_wording_is_flagged_above_eselon_iv() {
        let process = row(name: "Jumlah kegiatan sosialisasi yang terlaksana", satuan: "kegiatan", spec: Self.count,
                          target: "4", quarterly: ["1", "1", "1", "1"], renstra: nil)
        #expect(codes([process], level: .jpt).contains("pk.processWording"))
        #expect(!codes([process], level: .pengawas).contains("pk.processWording"))
    }

    @Test func below_the_pemda_every_indicator_serves_a_superior_indicator() {
        #expect(codes([row(links: 0)], level: .administrator).contains("pk.noSuperiorLink"))
        #expect(!codes([row(links: 0)], level: .pemda).contains("pk.noSuperiorLink"))
    }

    @Test func the_budget_is_checked_against_the_dpa() {
        let lines = [
            PkCheckBudget(code: "1.02.02", name: "A", amount: 1_500_000_000, dpaAmount: 1_250_000_000),
            PkCheckBudget(code: "1.02.03", name: "B", amount: 10, dpaAmount: nil),
        ]
        let findings = PkChecks.run(level: .jpt, year: 2027, rows: [row()], budgets: lines, hasDpa: true)
        #expect(findings.map(\.code) == ["pk.dpaMismatch", "pk.notInDpa"])
        #expect(findings[0].message.id.contains("Rp 1.250.000.000"))
        #expect(codes([row()], budgets: lines, hasDpa: false) == ["pk.noDpa"])
        #expect(codes([row()], budgets: []) == ["pk.noBudget"])
    }
}
