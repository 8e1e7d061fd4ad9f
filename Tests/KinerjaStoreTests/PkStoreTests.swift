import FluentKit
import Foundation
import KinerjaCore
import SQLKit
import Testing
@testable import KinerjaStore

/// The PK workflow on Kota Contoh's demo data: drafting with prefill and links, the checks that stop a submission,
/// review, signing with a seal, publication, revision, and the compliance board.
@Suite(.serialized)
struct PkStoreTests {
    static let drafter = PkActor(mayDraft: true)
    static let verifier = PkActor(mayVerify: true, mayPublish: true)
    static let pertama = PkActor(parties: [.pihakPertama])
    static let kedua = PkActor(parties: [.pihakKedua])
    static let day = CalendarDate(year: 2026, month: 2, day: 2)!

    struct Fixture {
        var test: TestDatabase
        var writer: PemdaWriter
        var pemdaID: UUID
        var walikota: Jabatan
        var kadinkes: Jabatan
        var sekdinkes: Jabatan
        var db: any Database { test.db }
    }

    func fixture(_ test: TestDatabase) async throws -> Fixture {
        _ = try await DemoBuilder.build(on: test.db, options: DemoOptions(seed: 2026, year: 2026))
        let pemda = try #require(try await PemdaQueries.find(code: DemoBuilder.kotaContohCode, on: test.db))
        let pemdaID = try pemda.requireID()
        func position(_ name: String) async throws -> Jabatan {
            try #require(try await Jabatan.query(on: test.db).filter(\.$pemda.$id == pemdaID).filter(\.$name == name).first())
        }
        let walikota = try #require(try await Jabatan.query(on: test.db).filter(\.$level == .kepalaDaerah).first())
        let writer = PemdaWriter(database: test.db, pemdaID: pemdaID,
                                 audit: AuditContext(userID: UUID(), username: "operator.uji", requestID: "req-pk"),
                                 keyring: TestDatabase.keyring)
        return Fixture(test: test, writer: writer, pemdaID: pemdaID, walikota: walikota,
                       kadinkes: try await position("Kepala Dinas Kesehatan"),
                       sekdinkes: try await position("Sekretaris Dinas Kesehatan"))
    }

    /// Runs a test on a fresh fixture and always closes its database, so that a failing test reports its error
    /// instead of tripping the connection pool's assertion.
    func withFixture(_ body: (Fixture) async throws -> Void) async throws {
        let test = try await TestDatabase.make()
        do {
            try await body(try await fixture(test))
        } catch {
            await test.shutdown()
            throw error
        }
        await test.shutdown()
    }

    /// Clears the rencana aksi (a warning, not an error) so that the demo's rounded quarterly split does not stand
    /// in the way of a test about something else.
    func clearQuarters(_ pkID: UUID, _ f: Fixture, day: CalendarDate? = nil) async throws {
        for row in try await PkRow.query(on: f.db).filter(\.$pk.$id == pkID).all() {
            try await f.writer.on(day ?? Self.day).updatePkRow(row.requireID(), of: pkID, sasaran: row.sasaran, target: TargetDisplay.text(row.target, spec: row.spec),
                                           quarterly: [], actor: Self.drafter)
        }
    }

    /// The Pemda PK and the Dinas Kesehatan PK, both drafted; the Pemda one signed and published.
    func pemdaAndDinkes(_ f: Fixture) async throws -> (pemdaPk: UUID, dinkesPk: UUID) {
        let pemdaPk = try await f.writer.on(Self.day).draftPk(jabatanID: f.walikota.requireID(), year: 2026)
        try await clearQuarters(pemdaPk, f)
        try await f.writer.on(Self.day).pkAction(.ajukan, pkID: pemdaPk, actor: Self.drafter)
        try await f.writer.on(Self.day).pkAction(.setujui, pkID: pemdaPk, actor: Self.verifier)
        try await f.writer.on(Self.day).pkAction(.tandatangani(.pihakPertama), pkID: pemdaPk, actor: Self.pertama)
        try await f.writer.on(Self.day).pkAction(.terbitkan, pkID: pemdaPk, actor: Self.verifier)
        let dinkesPk = try await f.writer.on(Self.day).draftPk(jabatanID: f.kadinkes.requireID(), year: 2026)
        return (pemdaPk, dinkesPk)
    }

    @Test func a_pk_is_prefilled_linked_reviewed_signed_sealed_and_published() async throws {
        try await withFixture { f in
            let (pemdaPk, dinkesPk) = try await pemdaAndDinkes(f)
            let pemdaRows = try await PkRow.query(on: f.db).filter(\.$pk.$id == pemdaPk).count()
            #expect(pemdaRows >= 10, "every IKU of the RPJMD")
            let rows = try await PkRow.query(on: f.db).filter(\.$pk.$id == dinkesPk).sort(\.$sortOrder).all()
            #expect(rows.count >= 2)
            #expect(rows.allSatisfy { !$0.target.isEmpty && $0.renstraTarget != nil })
            #expect(rows.contains { !$0.tw4.isEmpty }, "the RKT's quarterly plan is the rencana aksi")
            let links = try await PkLink.query(on: f.db).filter(\.$row.$id ~~ rows.compactMap(\.id)).count()
            #expect(links >= rows.count, "each Dinas Kesehatan IKU serves an RPJMD IKU of the Walikota's PK")
            let budget = try await PkBudget.query(on: f.db).filter(\.$pk.$id == dinkesPk).all()
            #expect(budget.count >= 3 && budget.allSatisfy { $0.amount > 0 })

            try await clearQuarters(dinkesPk, f)
            let submitted = try await f.writer.on(Self.day).pkAction(.ajukan, pkID: dinkesPk, actor: Self.drafter)
            #expect(submitted.status == .diajukan)
            let own = PkActor(mayVerify: true, submittedIt: true)
            await #expect(throws: RuleViolation.self) { try await f.writer.on(Self.day).pkAction(.setujui, pkID: dinkesPk, actor: own) }
            try await f.writer.on(Self.day).pkAction(.kembalikan(reason: "Target IKU-PD-1 belum sesuai Renstra"), pkID: dinkesPk,
                                        actor: Self.verifier)
            try await f.writer.on(Self.day).pkAction(.ajukan, pkID: dinkesPk, actor: Self.drafter)
            try await f.writer.on(Self.day).pkAction(.setujui, pkID: dinkesPk, actor: Self.verifier)
            let half = try await f.writer.on(Self.day).pkAction(.tandatangani(.pihakKedua), pkID: dinkesPk, actor: Self.kedua)
            #expect(half.status == .disetujui && half.sha256 == nil)
            let full = try await f.writer.on(Self.day).pkAction(.tandatangani(.pihakPertama), pkID: dinkesPk, actor: Self.pertama)
            #expect(full.status == .ditandatangani)
            let sha = try #require(full.sha256)

            let seal = try #require(try await PkSeal.query(on: f.db).filter(\.$pk.$id == dinkesPk).first())
            #expect(seal.sha256 == sha)
            let document = try PkCanonical.decode(Data(seal.document.utf8))
            #expect(document.pihakKedua?.name == "H. Arif Wicaksono, S.E., M.M.")
            #expect(document.pihakKedua?.nip == nil, "a Kepala Daerah has no NIP")
            let holder = try #require(try await PositionHolder.find(jabatanID: f.kadinkes.requireID(), on: Self.day, db: f.db))
            #expect(document.pihakPertama.name == holder.name && document.pihakPertama.nip == holder.nip)
            #expect(document.date == Self.day && document.performance.count == rows.count)
            let events = try await PkEvent.query(on: f.db).filter(\.$pk.$id == dinkesPk).sort(\.$seq).all().map(\.action)
            #expect(events.contains("kembalikan") && events.filter { $0 == "ajukan" }.count == 2)
            // The numbering of events written before the sequence existed gives the order they were written in.
            let sql = f.db as! any SQLDatabase
            try await sql.raw("UPDATE pk_event SET seq = -seq").run()
            try await M0020_SequencePkEvents.number(sql)
            #expect(try await PkEvent.query(on: f.db).filter(\.$pk.$id == dinkesPk).sort(\.$seq).all().map(\.action) == events)
            #expect(try await PkEvent.query(on: f.db).filter(\.$pk.$id == dinkesPk).all().map(\.seq).sorted()
                        == Array(1...events.count))

            // A signed PK never changes.
            let refused = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).updatePkRow(rows[0].requireID(), of: rows[0].$pk.id, sasaran: "X", target: "1", quarterly: [], actor: Self.drafter)
            }
            #expect(refused?.message.id.contains("PK Perubahan") == true)

            let verified = try #require(try await PkPublic.verification(dinkesPk, keyring: TestDatabase.keyring, on: f.db))
            #expect(verified.verification.isValid)
            try await f.writer.on(Self.day).pkAction(.terbitkan, pkID: dinkesPk, actor: Self.verifier)
            let published = try await f.test.published(code: DemoBuilder.kotaContohCode, year: 2026, query: "kesehatan")
            #expect(published.map(\.pkID) == [dinkesPk])
        }
    }

    @Test func a_tampered_byte_fails_verification() async throws {
        try await withFixture { f in
            let (pemdaPk, _) = try await pemdaAndDinkes(f)
            let seal = try #require(try await PkSeal.query(on: f.db).filter(\.$pk.$id == pemdaPk).first())
            let key = try #require(try await SealKey.find(seal.$key.id, on: f.db))
            var bytes = Array(seal.document.utf8)
            let original = PkCanonical.verify(document: Data(bytes), sha256: seal.sha256, seal: seal.seal, publicKey: key.publicKey)
            #expect(original.isValid)
            // One byte of a target: "7" → "8".
            let index = try #require(bytes.firstIndex(of: UInt8(ascii: "7")))
            bytes[index] = UInt8(ascii: "8")
            let tampered = PkCanonical.verify(document: Data(bytes), sha256: seal.sha256, seal: seal.seal, publicKey: key.publicKey)
            #expect(!tampered.hashMatches && !tampered.isValid)
            // Changing the stored hash along with the document does not help: the seal covers the original digest.
            let rehashed = PkCanonical.verify(document: Data(bytes), sha256: PkCanonical.sha256Hex(Data(bytes)), seal: seal.seal,
                                              publicKey: key.publicKey)
            #expect(rehashed.hashMatches && !rehashed.sealValid)
            // The stored row tampered in the database is caught by the public verification page.
            seal.document = String(decoding: bytes, as: UTF8.self)
            try await seal.update(on: f.db)
            #expect(try await PkPublic.verification(pemdaPk, keyring: TestDatabase.keyring, on: f.db)?.verification.isValid == false)
        }
    }

    @Test func submission_is_refused_with_its_reasons_and_nothing_changes() async throws {
        try await withFixture { f in
            // No Pemda PK yet: the Dinas Kesehatan rows have nothing to serve.
            let pk = try await f.writer.on(Self.day).draftPk(jabatanID: f.kadinkes.requireID(), year: 2026)
            let refused = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).pkAction(.ajukan, pkID: pk, actor: Self.drafter)
            }
            #expect(refused?.code == "pk.checksFailed")
            #expect(try await Pk.find(pk, on: f.db)?.status == .draf)
            let wrongState = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).pkAction(.setujui, pkID: pk, actor: Self.verifier)
            }
            #expect(wrongState?.code == "pk.setujui.draf")
            #expect(try await PkEvent.query(on: f.db).filter(\.$pk.$id == pk).count() == 1, "only the drafting")
            let twice = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).draftPk(jabatanID: f.kadinkes.requireID(), year: 2026)
            }
            #expect(twice?.code == "pk.exists")
            // A closed drafting stage refuses edits; the signing stage of the level guards signing.
            try await f.writer.setJadwal(year: 2026, window: JadwalWindow(stage: .pkPenyusunan, opens: CalendarDate(year: 2026, month: 1, day: 5)!,
                                                                       closes: CalendarDate(year: 2026, month: 1, day: 31)!))
            let closed = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).draftPk(jabatanID: f.sekdinkes.requireID(), year: 2026)
            }
            #expect(closed?.code == "jadwal.closed")
        }
    }

    @Test func an_eselon_iii_pk_comes_from_the_units_programs_and_serves_the_kepala_dinas() async throws {
        try await withFixture { f in
            let (_, dinkesPk) = try await pemdaAndDinkes(f)
            let pk = try await f.writer.on(Self.day).draftPk(jabatanID: f.sekdinkes.requireID(), year: 2026)
            let stored = try #require(try await Pk.find(pk, on: f.db))
            #expect(stored.level == .administrator && stored.$superiorJabatan.id == f.kadinkes.id)
            let rows = try await PkRow.query(on: f.db).filter(\.$pk.$id == pk).all()
            #expect(!rows.isEmpty && rows.allSatisfy { $0.indikator.hasPrefix("Persentase capaian sasaran") })
            let budget = try await PkBudget.query(on: f.db).filter(\.$pk.$id == pk).all()
            #expect(!budget.isEmpty && budget.allSatisfy { NomenclatureCode.level(of: $0.code) == .kegiatan })
            let links = try await PkLink.query(on: f.db).filter(\.$row.$id ~~ rows.compactMap(\.id)).all()
            let superiorRows = Set(try await PkRow.query(on: f.db).filter(\.$pk.$id == dinkesPk).all().compactMap(\.id))
            #expect(!links.isEmpty && links.allSatisfy { superiorRows.contains($0.$superiorRow.id) })

            // The Kepala Dinas's PK as a superior: the positions below with a PK are known.
            let organisation = try await PemdaOrganisation.load(pemdaID: f.pemdaID, on: f.db)
            let content = try #require(try await PkContent.load(dinkesPk, pemdaID: f.pemdaID, organisation: organisation, on: f.db))
            let subordinates = (organisation.subordinates[f.kadinkes.id!] ?? []).filter { organisation.pkLevel(of: $0) != nil }
            #expect(subordinates.count >= 2)
            #expect(content.subordinatesWithPk == [f.sekdinkes.id!])
        }
    }

    @Test func a_perubahan_keeps_the_signed_version_and_shows_the_difference() async throws {
        try await withFixture { f in
            let (pemdaPk, _) = try await pemdaAndDinkes(f)
            let noBasis = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).revisePk(pemdaPk, ground: .strategiAnggaran, legalNumber: "", legalDate: nil, actor: Self.drafter)
            }
            #expect(noBasis?.field == .legalNumber)
            let later = CalendarDate(year: 2026, month: 9, day: 20)!
            let revision = try await f.writer.on(later).revisePk(pemdaPk, ground: .strategiAnggaran,
                                                       legalNumber: "Peraturan Daerah Nomor 7 Tahun 2026",
                                                       legalDate: CalendarDate(year: 2026, month: 9, day: 15), actor: Self.drafter)
            let again = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(later).revisePk(pemdaPk, ground: .prioritasAsumsi, legalNumber: "X", legalDate: later,
                                            actor: Self.drafter)
            }
            #expect(again?.code == "perubahan.exists")
            let rows = try await PkRow.query(on: f.db).filter(\.$pk.$id == revision).sort(\.$sortOrder).all()
            let original = try await PkRow.query(on: f.db).filter(\.$pk.$id == pemdaPk).sort(\.$sortOrder).all()
            #expect(rows.map(\.key) == original.map(\.key))
            try await f.writer.on(later).updatePkRow(rows[0].requireID(), of: rows[0].$pk.id, sasaran: rows[0].sasaran, target: "99", quarterly: [],
                                           changeReason: "APBD-Perubahan menambah anggaran", actor: Self.drafter)
            let line = try #require(try await PkBudget.query(on: f.db).filter(\.$pk.$id == revision).sort(\.$sortOrder).first())
            try await f.writer.on(later).updatePkBudget(line.requireID(), of: revision, amount: "1.000.000", actor: Self.drafter)

            let review = try #require(try await PkReview.review(revision, pemdaID: f.pemdaID, on: f.db))
            let diff = try #require(review.diff)
            #expect(diff.count == 1)
            guard case .changed(let old, let new) = diff[0] else { Issue.record("expected a changed row"); return }
            #expect(old.target != new.target && new.target == "99")
            #expect(review.budgetDiff?.count == 1)
            // The signed version is untouched and still verifies; the board shows it in force and the revision as newest.
            #expect(try await PkPublic.verification(pemdaPk, keyring: TestDatabase.keyring, on: f.db)?.verification.isValid == true)
            let board = try await f.test.board(pemdaID: f.pemdaID, year: 2026, today: later, level: .pemda)
            #expect(board.count == 1)
            #expect(board[0].inForce?.id == pemdaPk && board[0].latest?.id == revision && board[0].latest?.version == 1)
            let history = try await Pk.query(on: f.db).filter(\.$jabatan.$id == f.walikota.requireID()).sort(\.$version).all()
            #expect(history.map(\.version) == [0, 1] && history[1].revision?.legalNumber == "Peraturan Daerah Nomor 7 Tahun 2026")
        }
    }

    @Test func the_board_shows_status_deadline_lateness_and_hardcopies() async throws {
        try await withFixture { f in
            let (pemdaPk, _) = try await pemdaAndDinkes(f)
            // The demo's DPA are ratified on 5 January 2026: PKs are due on 5 February.
            let inspektur = try #require(try await Jabatan.query(on: f.db).filter(\.$name == "Inspektur").first())
            try await f.writer.on(CalendarDate(year: 2026, month: 3, day: 1)!).setPkHardcopy(jabatanID: inspektur.requireID(), year: 2026,
                                             received: CalendarDate(year: 2026, month: 2, day: 10)!, note: "Diantar ke Bappeda")
            let rows = try await f.test.board(pemdaID: f.pemdaID, year: 2026, today: CalendarDate(year: 2026, month: 3, day: 1)!)
            let walikota = try #require(rows.first { $0.jabatanID == f.walikota.id })
            #expect(walikota.latest?.id == pemdaPk && walikota.compliance == .tepatWaktu)
            #expect(walikota.due == CalendarDate(year: 2026, month: 2, day: 5))
            let kadinkes = try #require(rows.first { $0.jabatanID == f.kadinkes.id })
            #expect(kadinkes.latest?.status == .draf && kadinkes.compliance == .terlambat(daysLate: 24))
            let byHardcopy = try #require(rows.first { $0.jabatanID == inspektur.id })
            #expect(byHardcopy.latest == nil && byHardcopy.compliance == .ditandatanganiTerlambat(daysLate: 5))
            #expect(rows.allSatisfy { $0.level != .pemda || $0.jabatanID == f.walikota.id })
            let early = try await f.test.board(pemdaID: f.pemdaID, year: 2026, today: CalendarDate(year: 2026, month: 2, day: 1)!,
                                               level: .administrator)
            #expect(!early.isEmpty && early.allSatisfy { $0.level == .administrator })
            #expect(early.first { $0.latest == nil }?.compliance == .segeraJatuhTempo(daysLeft: 4))
            let future = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).setPkHardcopy(jabatanID: inspektur.requireID(), year: 2026,
                                                 received: CalendarDate(year: 2026, month: 12, day: 1)!)
            }
            #expect(future?.field == .receivedOn)
        }
    }

    @Test func an_approved_pk_goes_back_without_its_signatures_and_one_person_never_signs_twice() async throws {
        try await withFixture { f in
            let day = CalendarDate(year: 2026, month: 9, day: 1)!
            _ = try await pemdaAndDinkes(f)
            // Dinas Perhubungan's head post is held by its Sekretaris as Plt since 1 August.
            let head = try #require(try await Jabatan.query(on: f.db).filter(\.$name == "Kepala Dinas Perhubungan").first())
            let secretary = try #require(try await Jabatan.query(on: f.db).filter(\.$superior.$id == head.requireID())
                .filter(\.$name == "Sekretaris Dinas Perhubungan").first())
            let headPk = try await f.writer.on(day).draftPk(jabatanID: head.requireID(), year: 2026)
            try await clearQuarters(headPk, f, day: day)
            for action in [PkAction.ajukan, .setujui] {
                try await f.writer.on(day).pkAction(action, pkID: headPk, actor: action == .ajukan ? Self.drafter : Self.verifier)
            }
            try await f.writer.on(day).pkAction(.tandatangani(.pihakKedua), pkID: headPk, actor: Self.kedua)
            #expect(try await PkSignature.query(on: f.db).filter(\.$pk.$id == headPk).count() == 1)
            // The verifier returns it before the Plt signs: the Walikota's signature goes with it.
            try await f.writer.on(day).pkAction(.kembalikan(reason: "Plt. belum dapat menandatangani, menunggu SK"), pkID: headPk,
                                        actor: Self.verifier)
            #expect(try await PkSignature.query(on: f.db).filter(\.$pk.$id == headPk).count() == 0)
            #expect(try await Pk.find(headPk, on: f.db)?.status == .dikembalikan)
            for action in [PkAction.ajukan, .setujui] {
                try await f.writer.on(day).pkAction(action, pkID: headPk, actor: action == .ajukan ? Self.drafter : Self.verifier)
            }
            try await f.writer.on(day).pkAction(.tandatangani(.pihakKedua), pkID: headPk, actor: Self.kedua)
            try await f.writer.on(day).pkAction(.tandatangani(.pihakPertama), pkID: headPk, actor: Self.pertama)
            let sealed = try #require(try await PkSeal.query(on: f.db).filter(\.$pk.$id == headPk).first())
            #expect(try PkCanonical.decode(Data(sealed.document.utf8)).pihakPertama.jabatan == "Plt. Kepala Dinas Perhubungan")

            // The Sekretaris's own PK: the Plt over them is the same person.
            let own = try await f.writer.on(day).draftPk(jabatanID: secretary.requireID(), year: 2026)
            try await clearQuarters(own, f, day: day)
            for action in [PkAction.ajukan, .setujui] {
                try await f.writer.on(day).pkAction(action, pkID: own, actor: action == .ajukan ? Self.drafter : Self.verifier)
            }
            try await f.writer.on(day).pkAction(.tandatangani(.pihakKedua), pkID: own, actor: Self.kedua)
            let twice = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(day).pkAction(.tandatangani(.pihakPertama), pkID: own, actor: Self.pertama)
            }
            #expect(twice?.code == "pk.samePerson")
            #expect(try await Pk.find(own, on: f.db)?.status == .disetujui)
        }
    }

    @Test func rows_and_lines_are_changed_only_through_their_own_pk() async throws {
        try await withFixture { f in
            let (pemdaPk, dinkesPk) = try await pemdaAndDinkes(f)
            let sekPk = try await f.writer.on(Self.day).draftPk(jabatanID: f.sekdinkes.requireID(), year: 2026)
            let foreignRow = try #require(try await PkRow.query(on: f.db).filter(\.$pk.$id == dinkesPk).first())
            let foreignLine = try #require(try await PkBudget.query(on: f.db).filter(\.$pk.$id == dinkesPk).first())
            let viaOther = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).updatePkRow(foreignRow.requireID(), of: sekPk, sasaran: "X", target: "1", quarterly: [],
                                               actor: Self.drafter)
            }
            #expect(viaOther?.code == "reference.unknown")
            await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).removePkBudget(foreignLine.requireID(), of: sekPk, actor: Self.drafter)
            }
            #expect(try await PkRow.find(foreignRow.requireID(), on: f.db)?.sasaran == foreignRow.sasaran)
            // A signed PK refuses every kind of change, not only row edits.
            let signedRow = try #require(try await PkRow.query(on: f.db).filter(\.$pk.$id == pemdaPk).first())
            await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).removePkRow(signedRow.requireID(), of: pemdaPk, actor: Self.drafter)
            }
            await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).addPkRow(to: pemdaPk, PemdaWriter.NewPkRow(sasaran: "S", indikator: "I", satuan: "%",
                                                                             kind: .percent, target: "5"),
                                            actor: Self.drafter)
            }
            // Added by hand while a draft: a typed row and a budget line named from the Renstra.
            let added = try await f.writer.on(Self.day).addPkRow(to: sekPk, PemdaWriter.NewPkRow(
                sasaran: "Meningkatnya tata kelola keuangan", indikator: "Persentase laporan keuangan tepat waktu",
                satuan: "%", kind: .percent, target: "100"), actor: Self.drafter)
            #expect(try await PkRow.find(added, on: f.db)?.target == "100")
            let kegiatan = try #require(try await PkBudget.query(on: f.db).filter(\.$pk.$id == sekPk).first())
            try await f.writer.on(Self.day).removePkBudget(kegiatan.requireID(), of: sekPk, actor: Self.drafter)
            let line = try await f.writer.on(Self.day).addPkBudget(to: sekPk, code: kegiatan.code, amount: "2.000.000", actor: Self.drafter)
            #expect(try await PkBudget.find(line, on: f.db)?.name == kegiatan.name)
            let wrongLevel = await #expect(throws: RuleViolation.self) {
                try await f.writer.on(Self.day).addPkBudget(to: sekPk, code: "1.02.01", amount: "1", actor: Self.drafter)
            }
            #expect(wrongLevel?.code == "pk.budgetLevel")
        }
    }
}
