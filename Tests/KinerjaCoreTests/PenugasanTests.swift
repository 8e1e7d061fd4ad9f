import KinerjaCore
import Testing

@Suite struct PenugasanTests {
    private func span(_ kind: PenugasanKind, _ start: String, _ end: String? = nil) -> PenugasanSpan {
        PenugasanSpan(kind: kind, start: day(start), end: end.map(day))
    }

    @Test func a_second_definitive_holder_of_a_position_is_refused() throws {
        let holder = span(.definitif, "2020-01-01")
        let error = try #require(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2024-01-01"), samePosition: [holder], samePerson: [])
        })
        #expect(error.code == "penugasan.positionOverlap")
        #expect(error.field == .start)
        #expect(error.message.id.contains("sudah dijabat secara definitif sejak 1 Januari 2020"))
        #expect(error.message.id.contains("Plt/Plh"))
    }

    @Test func the_refusal_names_the_end_of_a_closed_clashing_assignment() throws {
        let holder = span(.definitif, "2020-01-01", "2024-06-30")
        let error = try #require(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2024-01-01"), samePosition: [holder], samePerson: [])
        })
        #expect(error.message.id.contains("sampai 30 Juni 2024"))
    }

    @Test func a_person_with_two_definitive_positions_at_once_is_refused() throws {
        let other = span(.definitif, "2022-03-01", "2025-12-31")
        let error = try #require(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2025-01-01"), samePosition: [], samePerson: [other])
        })
        #expect(error.code == "penugasan.personOverlap")
        #expect(error.field == .pegawai)
        #expect(error.message.id.contains("1 Maret 2022"))
    }

    @Test(arguments: [PenugasanKind.plt, .plh])
    func plt_and_plh_may_overlap_a_definitive_holder(kind: PenugasanKind) throws {
        let holder = span(.definitif, "2020-01-01")
        try PenugasanRules.checkDefinitiveOverlap(span(kind, "2024-01-01", "2024-03-31"), samePosition: [holder],
                                                  samePerson: [holder])
    }

    @Test func an_acting_holder_does_not_block_a_definitive_appointment() throws {
        let acting = span(.plt, "2024-01-01")
        try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2024-02-01"), samePosition: [acting],
                                                  samePerson: [acting])
    }

    @Test func a_holder_who_left_the_day_before_does_not_clash() throws {
        let previous = span(.definitif, "2020-01-01", "2023-12-31")
        try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2024-01-01"), samePosition: [previous],
                                                  samePerson: [previous])
    }

    @Test func the_end_day_is_inclusive_so_a_start_on_it_clashes() throws {
        let previous = span(.definitif, "2020-01-01", "2024-01-01")
        #expect(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2024-01-01"), samePosition: [previous], samePerson: [])
        }?.code == "penugasan.positionOverlap")
    }

    @Test func a_new_assignment_ending_on_the_day_an_existing_one_starts_clashes() throws {
        let later = span(.definitif, "2024-01-01")
        #expect(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2023-01-01", "2024-01-01"), samePosition: [later],
                                                      samePerson: [])
        }?.code == "penugasan.positionOverlap")
    }

    @Test func a_new_assignment_that_ends_before_an_existing_one_starts_does_not_clash() throws {
        let later = span(.definitif, "2025-01-01")
        try PenugasanRules.checkDefinitiveOverlap(span(.definitif, "2023-01-01", "2024-12-31"), samePosition: [later],
                                                  samePerson: [])
    }

    @Test func an_end_before_the_start_is_refused() throws {
        let error = try #require(violation { try PenugasanRules.checkSpan(span(.definitif, "2024-05-01", "2024-04-30")) })
        #expect(error.code == "penugasan.endBeforeStart")
        #expect(error.field == .end)
        #expect(error.message.id.contains("30 April 2024"))
        #expect(error.message.id.contains("1 Mei 2024"))
    }

    @Test func an_end_before_the_start_is_refused_even_for_a_plt() {
        #expect(violation {
            try PenugasanRules.checkDefinitiveOverlap(span(.plt, "2024-05-01", "2024-04-30"), samePosition: [], samePerson: [])
        }?.code == "penugasan.endBeforeStart")
    }

    @Test func a_one_day_assignment_is_valid() throws {
        try PenugasanRules.checkSpan(span(.plh, "2024-05-01", "2024-05-01"))
    }

    @Test func overlap_is_symmetric_and_open_ended_spans_reach_forward() {
        let open = span(.definitif, "2020-01-01")
        let later = span(.definitif, "2030-01-01", "2030-12-31")
        let earlier = span(.definitif, "2010-01-01", "2019-12-31")
        #expect(open.overlaps(later) && later.overlaps(open))
        #expect(!open.overlaps(earlier) && !earlier.overlaps(open))
    }

    @Test func acting_holders_sign_with_a_prefix() {
        #expect(PenugasanKind.plt.signaturePrefix == "Plt. ")
        #expect(PenugasanKind.plh.signaturePrefix == "Plh. ")
        #expect(PenugasanKind.definitif.signaturePrefix == "")
    }
}
