import KinerjaCore
import Testing

@Suite struct JabatanLevelTests {
    @Test func the_kepala_daerah_has_no_superior() throws {
        try JabatanLevel.checkSuperior(of: .kepalaDaerah, superior: nil)
        let error = try #require(violation { try JabatanLevel.checkSuperior(of: .kepalaDaerah, superior: .jpt) })
        #expect(error.code == "jabatan.kepalaDaerahSuperior")
    }

    @Test(arguments: [JabatanLevel.jpt, .administrator, .pengawas, .jf, .pelaksana])
    func every_other_position_needs_a_superior(level: JabatanLevel) throws {
        let error = try #require(violation { try JabatanLevel.checkSuperior(of: level, superior: nil) })
        #expect(error.code == "jabatan.superiorRequired")
        #expect(error.message.id.contains(level.label.id))
    }

    @Test(arguments: [(JabatanLevel.jpt, JabatanLevel.kepalaDaerah), (.administrator, .jpt), (.pengawas, .administrator),
                      (.pelaksana, .pengawas), (.jf, .administrator)])
    func a_higher_superior_is_accepted(level: JabatanLevel, superior: JabatanLevel) throws {
        try JabatanLevel.checkSuperior(of: level, superior: superior)
    }

    @Test(arguments: [(JabatanLevel.administrator, JabatanLevel.pengawas), (.pengawas, .jf), (.jpt, .pelaksana)])
    func a_superior_below_the_position_is_refused(level: JabatanLevel, superior: JabatanLevel) throws {
        let error = try #require(violation { try JabatanLevel.checkSuperior(of: level, superior: superior) })
        #expect(error.code == "jabatan.superiorLower")
    }

    /// A Camat (III.a) leads a Sekretaris Kecamatan (III.b); a Sekda leads the asisten.
    @Test(arguments: [JabatanLevel.jpt, .administrator, .pengawas])
    func a_superior_of_the_same_level_is_accepted(level: JabatanLevel) throws {
        try JabatanLevel.checkSuperior(of: level, superior: level)
    }

    @Test func pk_subjects_follow_the_level() {
        #expect(JabatanLevel.jpt.sasaranLabel.id == "Sasaran Strategis")
        #expect(JabatanLevel.administrator.sasaranLabel.id == "Sasaran Program")
        #expect(JabatanLevel.pengawas.sasaranLabel.id == "Sasaran Kegiatan")
        #expect(JabatanLevel.jf.sasaranLabel.id == "Rencana Hasil Kerja")
    }

    @Test func ranks_run_from_the_kepala_daerah_down() {
        let ranks = JabatanLevel.allCases.map(\.rank)
        #expect(ranks == ranks.sorted())
        #expect(Set(ranks).count == ranks.count)
        #expect(JabatanLevel.kepalaDaerah.rank < JabatanLevel.pelaksana.rank)
    }
}
