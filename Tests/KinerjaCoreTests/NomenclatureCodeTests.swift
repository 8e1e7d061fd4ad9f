import KinerjaCore
import Testing

@Suite struct NomenclatureCodeTests {
    @Test(arguments: [
        ("1", NomenclatureLevel.urusan), ("1.01", .bidang), ("1.01.01", .program), ("1.01.01.2.01", .kegiatan),
        ("1.01.01.2.01.0001", .subkegiatan), ("X.XX", .bidang), ("7.01.02", .program),
    ])
    func the_level_follows_the_number_of_parts(code: String, level: NomenclatureLevel) {
        #expect(NomenclatureCode.level(of: code) == level)
    }

    @Test(arguments: [
        "", "1.1", "01", "1.001", "1.01.01.2", "1.01.01.2.01.001", "1.01.01.2.1", "a.01", "1.01.01.2.01.0001.1",
        "1..01", "1.01.01.20.01", "1.01.", ".01", "1.0a", "x.01",
    ])
    func a_malformed_code_has_no_level(code: String) {
        #expect(NomenclatureCode.level(of: code) == nil)
    }

    @Test func the_parent_is_one_level_up() {
        #expect(NomenclatureCode.parent(of: "1.01.01.2.01.0001") == "1.01.01.2.01")
        #expect(NomenclatureCode.parent(of: "1.01.02.2.01") == "1.01.02")
        #expect(NomenclatureCode.parent(of: "1.01.02") == "1.01")
        #expect(NomenclatureCode.parent(of: "1.01") == "1")
        #expect(NomenclatureCode.parent(of: "1") == nil)
    }

    @Test func a_well_formed_code_of_the_expected_level_passes() throws {
        try NomenclatureCode.checkFormat("1.01.01.2.01.0001", expected: .subkegiatan)
        try NomenclatureCode.checkFormat("1.01.01")
    }

    @Test func a_malformed_code_is_refused_with_the_expected_format() throws {
        let error = try #require(violation { try NomenclatureCode.checkFormat("1.1.01") })
        #expect(error.code == "nomenklatur.format")
        #expect(error.field == .code)
        #expect(error.message.id.contains("U.BB.PP.K.KK.SSSS"))
        #expect(error.message.id.contains("\"1.1.01\""))
    }

    @Test func a_code_of_another_level_is_refused_naming_both_levels() throws {
        let error = try #require(violation { try NomenclatureCode.checkFormat("1.01.01", expected: .kegiatan) })
        #expect(error.code == "nomenklatur.level")
        #expect(error.message.id.contains("adalah Program, bukan Kegiatan"))
    }

    @Test func pemda_kinds_have_their_stored_codes() {
        #expect(JenisPemda.prov.rawValue == "PROV")
        #expect(JenisPemda.kabkot.rawValue == "KABKOT")
        #expect(NomenclatureLevel.subkegiatan.label.id == "Sub Kegiatan")
    }
}
