import KinerjaCore
import Testing

@Suite struct PenilaianPimpinanTests {
    let standard = PenilaianCategories.standard

    func names(_ c: PenilaianCategories) -> [String] { c.bands.map(\.name.id) }

    @Test func the_standard_bands_reward_from_90_coach_from_60_and_take_the_rest_below() {
        #expect(names(standard) == ["Penghargaan", "Pembinaan", "Pembinaan khusus / sanksi"])
        #expect(standard.suggestion(for: d("150")) == 0)
        #expect(standard.suggestion(for: FixedDecimal(90)) == 0, "a bound is reached at the bound itself")
        #expect(standard.suggestion(for: d("89.999999")) == 1)
        #expect(standard.suggestion(for: FixedDecimal(60)) == 1)
        #expect(standard.suggestion(for: d("59.999999")) == 2)
        #expect(standard.suggestion(for: .zero) == 2)
        #expect(standard.suggestion(for: d("-5")) == 2, "a negative figure falls in the last band")
        #expect(standard.tone(of: 0) == .good && standard.tone(of: 1) == .fair && standard.tone(of: 2) == .bad)
    }

    @Test func an_unmeasured_pk_gets_no_category() {
        #expect(standard.suggestion(for: nil) == nil, "all TDI or nothing accepted: belum dapat dinilai")
    }

    @Test func a_pemdas_own_bands_are_read_from_the_form_the_indonesian_way() throws {
        let parsed = try PenilaianCategories.parse(rows: [
            ("92,5", "Sangat baik", "Very good"), ("", "", ""), ("75", "Baik", ""), ("50", "Cukup", "Fair"), ("", "Kurang", "Poor"),
        ]).get()
        #expect(names(parsed) == ["Sangat baik", "Baik", "Cukup", "Kurang"], "an empty row is skipped")
        #expect(parsed.bands[0].lowerBound == d("92.5"))
        #expect(parsed.bands[1].name.en == "Baik", "an empty English name is the Indonesian one")
        #expect(parsed.suggestion(for: d("92.4")) == 1)
        #expect(parsed.suggestion(for: d("49")) == 3)
        #expect(parsed.index(named: " baik ") == 1, "a name is found as the form sends it")
        #expect(parsed.index(named: "Istimewa") == nil)
        #expect(parsed.tone(of: 1) == .fair && parsed.tone(of: 3) == .bad)
    }

    func findings(_ rows: [(bound: String, name: String, nameEn: String)]) -> [(String, String)] {
        guard case .failure(let v) = PenilaianCategories.parse(rows: rows) else { return [] }
        return v.all.map { ($0.code, $0.field?.key ?? "") }
    }

    @Test func a_configuration_is_checked_whole_and_every_finding_names_its_row() {
        let unordered = findings([("60", "Baik", ""), ("80", "Sangat baik", ""), ("", "Kurang", "")])
        #expect(unordered.map(\.0) == ["penilaian.order"] && unordered.first?.1 == "row.2.bands")
        #expect(findings([("0", "A", ""), ("", "B", "")]).map(\.0) == ["penilaian.range"])
        #expect(findings([("200,5", "A", ""), ("", "B", "")]).map(\.0) == ["penilaian.range"])
        #expect(findings([("200", "A", ""), ("", "B", "")]).isEmpty, "200 is the largest bound")
        #expect(findings([("90", "A", ""), ("50", "B", "")]).map(\.0) == ["penilaian.lastBound"])
        #expect(findings([("90", "A", ""), ("", "B", ""), ("", "C", "")]).map { $0.0 + "@" + $0.1 } == ["penilaian.bound@row.2.bands"])
        #expect(findings([("90", "", ""), ("", "B", "")]).map { $0.0 + "@" + $0.1 } == ["form.required@row.1.name"])
        #expect(findings([("90", "Baik", ""), ("", " baik", "")]).map(\.0) == ["penilaian.duplicate"])
        #expect(findings([("", "Semua", "")]).map(\.0) == ["penilaian.count"], "one category judges nothing")
        #expect(findings([]).map(\.0) == ["penilaian.count"])
        let long = String(repeating: "x", count: PenilaianCategories.maximumNameLength + 1)
        #expect(findings([("90", long, ""), ("", "B", long)]).map { $0.0 + "@" + $0.1 } == ["form.tooLong@row.1.name", "form.tooLong@row.2.text"])
        let many = (1...7).map { i in (bound: i == 7 ? "" : String(100 - i * 10), name: "K\(i)", nameEn: "") }
        #expect(findings(many).map(\.0).contains("penilaian.count"))
        // A bound that is not a number is reported once, as typed; its row is left out of the order check.
        let typo = findings([("90", "A", ""), ("enam puluh", "B", ""), ("", "C", "")])
        #expect(typo.map { $0.0 + "@" + $0.1 } == ["number.invalid@row.2.bands"])
        // Hostile input: an enormous number or text never traps.
        #expect(!findings([(String(repeating: "9", count: 400), "A", ""), ("", "B", "")]).isEmpty)
    }

    @Test func the_kepala_daerah_and_the_admin_record_the_admin_sets_the_bands_and_everyone_of_the_pemda_reads() {
        func may(_ roles: Set<Role>, _ action: AccessAction, pemda: String = "99.71") -> Bool {
            Policy.decide(Principal(pemdaCode: "99.71", roles: roles, units: ["1.02"]), action, Subject(.penilaian, pemda: pemda, unit: "1.02")).isAllowed
        }
        #expect(may([.kepalaDaerah], .create) && may([.adminPemda], .create))
        for role in [Role.pejabat, .operatorOpd, .verifikator, .inspektorat] {
            #expect(!may([role], .create), "\(role) records no evaluation, even of its own unit")
            #expect(!may([role], .update), "\(role) sets no bands")
            #expect(may([role], .read))
        }
        #expect(!may([.kepalaDaerah], .update), "the bands are the Admin Pemda's")
        #expect(may([.adminPemda], .update))
        #expect(!may([.kepalaDaerah], .create, pemda: "11.01") && !may([.adminPemda], .read, pemda: "11.01"))
        #expect(!Policy.decide(.anonymous, .read, Subject(.penilaian, pemda: "99.71")).isAllowed)
    }

    @Test func a_recording_needs_a_known_category_and_a_note() {
        func check(_ category: String, _ note: String, suggested: Int? = 1) -> Result<PenilaianDecision, RuleViolations> {
            PenilaianRules.check(category: category, note: note, categories: standard, suggested: suggested)
        }
        let ok = try? check("Pembinaan", "Capaian 78%: pendampingan triwulan IV.").get()
        #expect(ok?.index == 1 && ok?.differs == false && ok?.note == "Capaian 78%: pendampingan triwulan IV.")
        func codes(_ r: Result<PenilaianDecision, RuleViolations>) -> [String] {
            if case .failure(let v) = r { return v.all.map(\.code) } else { return [] }
        }
        #expect(codes(check("Pembinaan", "")) == ["form.required"])
        #expect(codes(check("Pembinaan", "   \n ")) == ["form.required"])
        #expect(codes(check("Pembinaan", "singkat")) == ["penilaian.noteShort"])
        #expect(codes(check("Pembinaan", String(repeating: "a", count: PenilaianRules.noteMaximum + 1))) == ["form.tooLong"])
        #expect(codes(check("Istimewa", "")) == ["penilaian.category", "form.required"], "every finding at once")
        #expect(codes(check("", "Catatan yang cukup panjang.")) == ["penilaian.category"])
        #expect(codes(check(String(repeating: "z", count: 100_000), "Catatan yang cukup panjang.")) == ["penilaian.category"])
        // Another category than the suggestion, or a category for a PK the bands cannot judge, must be explained.
        #expect(codes(check("Penghargaan", "Inovasi layanan.")) == ["penilaian.explain"])
        let explained = try? check("Penghargaan", "Capaian 88% tetapi inovasi layanan kesehatan meraih penghargaan nasional.").get()
        #expect(explained?.differs == true && explained?.index == 0)
        #expect(codes(check("Pembinaan", "Semua indikator TDI.", suggested: nil)) == ["penilaian.explain"])
        #expect(codes(check("Pembinaan", "Semua indikator TDI; data BPS terbit sesudah tahun berjalan ditutup.", suggested: nil)) == [])
    }
}
