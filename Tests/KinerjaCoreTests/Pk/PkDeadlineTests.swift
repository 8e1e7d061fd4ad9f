import KinerjaCore
import Testing

@Suite struct PkDeadlineTests {
    @Test func dates_move_by_months_and_days() {
        #expect(day("2027-01-31").adding(months: 1) == day("2027-02-28"))
        #expect(day("2028-01-31").adding(months: 1) == day("2028-02-29"))
        #expect(day("2027-12-15").adding(months: 1) == day("2028-01-15"))
        #expect(day("2027-03-01").adding(days: -1) == day("2027-02-28"))
        #expect(day("2027-12-31").adding(days: 1) == day("2028-01-01"))
        #expect(day("2027-03-01").days(since: day("2027-02-01")) == 28)
        #expect(day("1970-01-01").dayNumber == 0)
    }

    @Test func the_due_date_follows_the_dpa_by_the_configured_months() {
        #expect(PkDeadlineRule().due(dpaDate: day("2027-01-05")) == day("2027-02-05"))
        #expect(PkDeadlineRule(monthsAfterDpa: 2).due(dpaDate: day("2027-01-05")) == day("2027-03-05"))
    }

    @Test func compliance_states() {
        let rule = PkDeadlineRule(remindDaysBefore: 7)
        let due = day("2027-02-05")
        #expect(PkCompliance.evaluate(due: nil, signedOn: nil, today: day("2027-01-01"), rule: rule) == .tanpaTenggat)
        #expect(PkCompliance.evaluate(due: due, signedOn: nil, today: day("2027-01-20"), rule: rule)
                == .belumJatuhTempo(daysLeft: 16))
        #expect(PkCompliance.evaluate(due: due, signedOn: nil, today: day("2027-02-01"), rule: rule)
                == .segeraJatuhTempo(daysLeft: 4))
        #expect(PkCompliance.evaluate(due: due, signedOn: nil, today: day("2027-02-05"), rule: rule).label.id
                == "Jatuh tempo hari ini")
        let late = PkCompliance.evaluate(due: due, signedOn: nil, today: day("2027-02-15"), rule: rule)
        #expect(late == .terlambat(daysLate: 10))
        #expect(late.needsReminder && late.tone == "late")
        #expect(PkCompliance.evaluate(due: due, signedOn: day("2027-02-05"), today: day("2027-03-01"), rule: rule)
                == .tepatWaktu)
        #expect(PkCompliance.evaluate(due: due, signedOn: day("2027-02-08"), today: day("2027-03-01"), rule: rule)
                == .ditandatanganiTerlambat(daysLate: 3))
    }

    @Test func cascade_gaps_name_the_uncovered_indicators_and_positions() {
        let gap = PkCascade.gap(superiorIndicators: ["a", "b", "c"], servedKeys: ["a", "c"],
                                subordinatePositions: ["sekretaris", "kabid1"], positionsWithPk: ["sekretaris"])
        #expect(gap.uncoveredIndicators == ["b"])
        #expect(gap.positionsWithoutPk == ["kabid1"])
        #expect(!gap.isComplete)
        #expect(PkCascade.gap(superiorIndicators: ["a"], servedKeys: ["a"], subordinatePositions: [],
                              positionsWithPk: []).isComplete)
    }
}
