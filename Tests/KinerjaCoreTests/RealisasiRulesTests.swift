import KinerjaCore
import Testing

@Suite struct RealisasiRulesTests {
    let percent = IndicatorSpec(kind: .percent)

    func record(_ draft: RealisasiDraft, _ spec: IndicatorSpec) throws -> RealisasiRecord {
        try RealisasiEntryRules.validate(draft, spec: spec).get()
    }

    func problems(_ draft: RealisasiDraft, _ spec: IndicatorSpec) -> [RuleViolation] {
        if case .failure(let found) = RealisasiEntryRules.validate(draft, spec: spec) { return found.all }
        return []
    }

    @Test func values_are_read_as_typed_in_an_indonesian_office() throws {
        #expect(try record(RealisasiDraft(key: "a", value: "72,74"), percent).canonical == "72.74")
        #expect(try record(RealisasiDraft(key: "a", value: "1.234.567"), IndicatorSpec(kind: .numeric)).canonical == "1234567")
        let full = try record(RealisasiDraft(key: "a", value: " 8,5 ", confidence: "7", forecast: "9,25",
                                             narrative: RealisasiNarrative(supporting: "  dana cukup ")), percent)
        #expect(full.realisasi == .value(d("8.5")))
        #expect(full.confidence == 7)
        #expect(full.forecastCanonical == "9.25")
        #expect(full.narrative.supporting == "dana cukup")
    }

    @Test func tdi_needs_its_reason_and_is_never_zero() throws {
        let refused = problems(RealisasiDraft(key: "k", value: "TDI"), percent)
        #expect(refused.map(\.code) == ["realisasi.tdiReason"])
        #expect(refused.first?.field == .keyed("k", .reason))
        let tdi = try record(RealisasiDraft(key: "k", value: "tdi", tdiReason: "Survei BPS belum dirilis."), percent)
        #expect(tdi.realisasi == .tdi)
        #expect(tdi.canonical == "TDI")
        #expect(RealisasiEntryRules.parseStored("TDI", spec: percent) == .tdi)
    }

    @Test func every_finding_of_a_row_is_reported_at_once() {
        let found = problems(RealisasiDraft(key: "k", value: "tujuh", confidence: "11", forecast: "TDI"), percent)
        #expect(Set(found.map(\.code)) == ["number.invalid", "realisasi.confidence", "realisasi.forecastTDI"])
        #expect(found.contains { $0.field == .keyed("k", .confidence) })
        #expect(problems(RealisasiDraft(key: "k", value: "5", confidence: "-1"), percent).map(\.code) == ["realisasi.confidence"])
        #expect(problems(RealisasiDraft(key: "k", value: "5", confidence: "99999999999999999999"), percent).map(\.code) == ["realisasi.confidence"])
        #expect(problems(RealisasiDraft(key: "k", value: ""), percent).map(\.code) == ["realisasi.empty"])
        let long = String(repeating: "x", count: Limits.longText + 1)
        #expect(problems(RealisasiDraft(key: "k", value: "5", narrative: RealisasiNarrative(obstacles: long)), percent).map(\.code) == ["form.tooLong"])
        #expect(RealisasiDraft(key: "k", value: " ").isBlank)
    }

    @Test func stored_values_of_every_kind_read_back_the_same() throws {
        let scale = try OrdinalScale(levels: ["C", "B", "A"])
        let ordinal = IndicatorSpec(kind: .ordinal, ordinalScale: scale)
        let r = try record(RealisasiDraft(key: "o", value: "b"), ordinal)
        #expect(r.canonical == "B")
        #expect(RealisasiEntryRules.parseStored(r.canonical, spec: ordinal) == .ordinal(rank: 2))
        let binary = IndicatorSpec(kind: .binary)
        #expect(RealisasiEntryRules.parseStored(try record(RealisasiDraft(key: "b", value: "ada"), binary).canonical, spec: binary) == .binary(true))
        let text = IndicatorSpec(kind: .text)
        let statement = try record(RealisasiDraft(key: "t", value: "Perda disahkan"), text)
        #expect(statement.canonical == "Perda disahkan")
        #expect(RealisasiEntryRules.parseStored(statement.canonical, spec: text) == .awaitingJudgement)
        #expect(RealisasiEntryRules.parseStored(statement.canonical, spec: text, judgement: d("90")) == .judged(d("90")))
    }

    @Test func a_falling_cumulative_value_and_a_value_far_from_plan_are_warned_about() throws {
        let cumulative = IndicatorSpec(kind: .numeric, aggregation: .last, entryMode: .cumulative)
        let r = try record(RealisasiDraft(key: "c", value: "60"), cumulative)
        let warned = RealisasiWarnings.check(r, period: 2, spec: cumulative, earlier: [.value(d("72.74"))],
                                             periodTargets: [.value(d("50")), .value(d("70"))], yearTarget: .value(d("100")))
        #expect(warned.map(\.kind) == [.cumulativeFell])
        #expect(warned[0].message.id.contains("72,74"))
        // Far: 10 against a plan of 70 is 14%; 150 is 214%. Near: 60 of 70.
        let far = RealisasiWarnings.check(try record(RealisasiDraft(key: "p", value: "10"), percent), period: 2, spec: percent,
                                          earlier: [], periodTargets: [nil, .value(d("70"))], yearTarget: .value(d("80")))
        #expect(far.map(\.kind) == [.farFromPlan])
        let over = RealisasiWarnings.check(try record(RealisasiDraft(key: "p", value: "150"), percent), period: 2, spec: percent,
                                           earlier: [], periodTargets: [nil, .value(d("70"))], yearTarget: nil)
        #expect(over.map(\.kind) == [.farFromPlan])
        let near = RealisasiWarnings.check(try record(RealisasiDraft(key: "p", value: "60"), percent), period: 2, spec: percent,
                                           earlier: [], periodTargets: [nil, .value(d("70"))], yearTarget: nil)
        #expect(near.isEmpty)
        // A quarter's part of a summed indicator has no plan without a quarterly target: no warning.
        let summed = IndicatorSpec(kind: .numeric, aggregation: .sum)
        #expect(RealisasiWarnings.check(try record(RealisasiDraft(key: "s", value: "1"), summed), period: 1, spec: summed,
                                        earlier: [], periodTargets: [], yearTarget: .value(d("400"))).isEmpty)
        // Negative polarity: 30 against a plan of 10 computes below 0%.
        let negative = IndicatorSpec(kind: .percent, polarity: .negative)
        #expect(RealisasiWarnings.check(try record(RealisasiDraft(key: "n", value: "30"), negative), period: 1, spec: negative,
                                        earlier: [], periodTargets: [.value(d("10"))], yearTarget: nil).map(\.kind) == [.farFromPlan])
    }

    @Test func entry_is_refused_outside_the_window_and_a_late_correction_needs_a_reason() throws {
        let window = try JadwalWindow(stage: .realisasiTw1, opens: day("2026-04-01"), closes: day("2026-04-20"))
        #expect(try RealisasiWindow.check(window, on: day("2026-04-10"), corrects: false, lateReason: "") == .onTime)
        #expect(try RealisasiWindow.check(nil, on: day("2026-12-31"), corrects: false, lateReason: "") == .onTime)
        #expect(violation { try RealisasiWindow.check(window, on: day("2026-03-31"), corrects: false, lateReason: "") }?.code == "jadwal.notYetOpen")
        #expect(violation { try RealisasiWindow.check(window, on: day("2026-05-01"), corrects: false, lateReason: "alasan yang panjang") }?.code == "jadwal.closed")
        #expect(violation { try RealisasiWindow.check(window, on: day("2026-05-01"), corrects: true, lateReason: "singkat") }?.code == "realisasi.lateReason")
        #expect(try RealisasiWindow.check(window, on: day("2026-05-01"), corrects: true, lateReason: " Laporan bulanan baru diterima ")
                == .late(reason: "Laporan bulanan baru diterima"))
        var reopened = window
        reopened.reopenedUntil = day("2026-05-10")
        #expect(try RealisasiWindow.check(reopened, on: day("2026-05-01"), corrects: false, lateReason: "") == .onTime)
    }

    @Test func the_author_cannot_verify_their_own_entry_and_a_return_needs_a_reason() throws {
        #expect(violation { try RealisasiReview.decide(.accept(judgement: nil), status: .diajukan, ownEntry: true,
                                                       spec: percent, field: .keyed("e", .decision)) }?.code == "realisasi.ownEntry")
        #expect(violation { try RealisasiReview.decide(.giveBack(reason: "kurang"), status: .diajukan, ownEntry: false,
                                                       spec: percent, field: .keyed("e", .decision)) }?.field == .keyed("e", .reason))
        #expect(violation { try RealisasiReview.decide(.accept(judgement: nil), status: .diterima, ownEntry: false,
                                                       spec: percent, field: .keyed("e", .decision)) }?.code == "realisasi.decided")
        #expect(try RealisasiReview.decide(.giveBack(reason: "Bukti dukung belum ada"), status: .diajukan, ownEntry: false,
                                           spec: percent, field: .keyed("e", .decision)).status == .dikembalikan)
        let text = IndicatorSpec(kind: .text)
        #expect(violation { try RealisasiReview.decide(.accept(judgement: nil), status: .diajukan, ownEntry: false,
                                                       spec: text, field: .keyed("e", .decision)) }?.code == "realisasi.judgementMissing")
        #expect(violation { try RealisasiReview.decide(.accept(judgement: "121"), status: .diajukan, ownEntry: false,
                                                       spec: text, field: .keyed("e", .decision)) }?.code == "realisasi.judgementRange")
        #expect(try RealisasiReview.decide(.accept(judgement: "87,5"), status: .diajukan, ownEntry: false,
                                           spec: text, field: .keyed("e", .decision)).judgement == d("87.5"))
    }

    @Test func evidence_is_told_apart_by_its_first_bytes() {
        #expect(BuktiKind.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(BuktiKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(BuktiKind.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(BuktiKind.sniff([0x50, 0x4B, 0x03, 0x04, 0x14]) == .xlsx)
        #expect(BuktiKind.sniff(Array("<html><script>".utf8)) == nil)
        #expect(BuktiKind.sniff([UInt8]()) == nil)
        #expect(BuktiKind.refusal(size: 0)?.code == "bukti.empty")
        #expect(BuktiKind.refusal(size: BuktiKind.maximumBytes) == nil)
        #expect(BuktiKind.refusal(size: BuktiKind.maximumBytes + 1)?.code == "bukti.tooLarge")
    }

    @Test func quarters_are_bounded_at_the_edge() {
        #expect(violation { try Triwulan.parse(0) }?.code == "realisasi.period")
        #expect(violation { try Triwulan.parse(Int.max) }?.code == "realisasi.period")
        #expect(violation { try Triwulan.parse(nil) }?.code == "realisasi.period")
        #expect((try? Triwulan.parse(4)) == 4)
        #expect(Triwulan.current(on: day("2026-08-17"), year: 2026) == 3)
        #expect(Triwulan.current(on: day("2025-12-31"), year: 2026) == 0)
        #expect(Triwulan.current(on: day("2027-01-02"), year: 2026) == 4)
    }
}
