import KinerjaCore
import Testing

@Suite struct PredikatScaleTests {
    @Test(arguments: [
        ("100", "Sangat Tinggi"), ("91", "Sangat Tinggi"), ("90.999999", "Tinggi"), ("90.5", "Tinggi"), ("76", "Tinggi"),
        ("75.5", "Sedang"), ("66", "Sedang"), ("65.9", "Rendah"), ("51", "Rendah"), ("50.999999", "Sangat Rendah"),
        ("50", "Sangat Rendah"), ("0", "Sangat Rendah"), ("-10", "Sangat Rendah"), ("150", "Sangat Tinggi"),
        ("100.000001", "Sangat Tinggi"),
    ])
    func five_level_scale_uses_inclusive_lower_bounds_91_76_66_51(value: String, label: String) {
        #expect(PredikatScale.permendagri86.band(for: d(value)).label.id == label)
    }

    @Test func the_gap_between_published_intervals_goes_to_the_lower_band() {
        // 76–90 then 91–100: 90,5 is in neither printed interval; it is "Tinggi".
        #expect(PredikatScale.permendagri86.band(for: d("90.5")).label.id == "Tinggi")
        #expect(PredikatScale.lkjip5.band(for: d("90.5")).label.id == "Baik")
    }

    @Test(arguments: [("95", "Sangat Baik"), ("80", "Baik"), ("70", "Cukup"), ("60", "Kurang"), ("40", "Sangat Kurang")])
    func lkjip_wording_uses_the_same_cut_points(value: String, label: String) {
        #expect(PredikatScale.lkjip5.band(for: d(value)).label.id == label)
    }

    @Test(arguments: [
        ("100", "Memuaskan"), ("85.000001", "Memuaskan"), ("85", "Sangat Baik"), ("75.000001", "Sangat Baik"),
        ("75", "Baik"), ("65.5", "Baik"), ("65", "Cukup Baik"), ("50.000001", "Cukup Baik"), ("50", "Agak Kurang"),
        ("30.000001", "Agak Kurang"), ("30", "Kurang"), ("0", "Kurang"), ("120", "Memuaskan"),
    ])
    func six_level_scale_uses_exclusive_lower_bounds(value: String, label: String) {
        #expect(PredikatScale.sixLevel.band(for: d(value)).label.id == label)
    }

    @Test(arguments: [("95", Tone.good, "Hijau"), ("91", .good, "Hijau"), ("80", .fair, "Kuning"), ("50", .bad, "Merah")])
    func traffic_light_shows_green_yellow_red(value: String, tone: Tone, colour: String) {
        let band = PredikatScale.trafficLight.band(for: d(value))
        #expect(band.tone == tone)
        #expect(band.label.id.hasPrefix(colour))
    }

    @Test func top_and_bottom_bands_carry_the_extreme_tones() {
        #expect(PredikatScale.permendagri86.band(for: FixedDecimal(100)).tone == .excellent)
        #expect(PredikatScale.permendagri86.band(for: FixedDecimal.zero).tone == .bad)
    }

    @Test func builtin_scales_have_distinct_ids() {
        let ids = PredikatScale.builtin.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("permendagri86-5"))
    }

    @Test func a_pemda_can_define_its_own_scale() throws {
        let semarang = try PredikatScale(id: "tw2", name: Message(id: "TW II", en: "Q2"), bands: [
            PredikatBand(from: FixedDecimal(50), label: Message(id: "Kinerja Tinggi", en: "High"), tone: .good),
            PredikatBand(from: FixedDecimal(25), label: Message(id: "Sedang", en: "Medium"), tone: .fair),
            PredikatBand(from: nil, label: Message(id: "Rendah", en: "Low"), tone: .bad),
        ])
        #expect(semarang.band(for: FixedDecimal(50)).label.id == "Kinerja Tinggi")
        #expect(semarang.band(for: d("49.9")).label.id == "Sedang")
        #expect(semarang.band(for: FixedDecimal(10)).label.id == "Rendah")
    }

    private func band(_ bound: Int?) -> PredikatBand {
        PredikatBand(from: bound.map { FixedDecimal($0) }, label: Message(id: "x", en: "x"), tone: .fair)
    }

    private func scale(_ bands: [PredikatBand]) throws -> PredikatScale {
        try PredikatScale(id: "t", name: Message(id: "t", en: "t"), bands: bands)
    }

    @Test func bands_out_of_order_are_refused() throws {
        let error = try #require(violation { try scale([band(76), band(91), band(nil)]) })
        #expect(error.code == "scale.order")
        #expect(error.message.id.contains("diurutkan dari batas bawah tertinggi"))
    }

    @Test func equal_bounds_are_refused() throws {
        #expect(violation { try scale([band(76), band(76), band(nil)]) }?.code == "scale.order")
    }

    @Test func an_open_band_before_the_last_is_refused() throws {
        #expect(violation { try scale([band(91), band(nil), band(nil)]) }?.code == "scale.order")
    }

    @Test func a_last_band_with_a_bound_is_refused() throws {
        let error = try #require(violation { try scale([band(91), band(76)]) })
        #expect(error.code == "scale.open")
        #expect(error.message.id.contains("Pita terakhir"))
    }

    @Test func an_empty_scale_is_refused() throws {
        #expect(violation { try scale([]) }?.code == "scale.open")
    }

    @Test func a_single_open_band_is_a_valid_scale() throws {
        let single = try scale([band(nil)])
        #expect(single.band(for: FixedDecimal(-5)).label.id == "x")
    }
}
