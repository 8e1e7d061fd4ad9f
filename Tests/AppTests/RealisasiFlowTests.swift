import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// A signed PK measured through the web application: the unit enters TW I with evidence, a verifikator returns one
/// value, the unit corrects it (a new history row), the verifikator accepts, and the capaian on the page is the
/// engine's for the accepted data. Evidence is served only to those who may read it.
@Suite(.serialized)
struct RealisasiFlowTests {
    /// Signs the Kepala Dinas Kesehatan's PK through the writer, as the demo round does for the other heads.
    func signedDinkesPk(_ app: Application) async throws -> (pk: UUID, rows: [PkRow]) {
        let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
        // The Walikota's PK first, so that the Dinas's indicators link to it.
        _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
        let head = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
        let writer = PemdaWriter(database: app.db, pemdaID: pemda.id, audit: AuditContext(userID: nil, username: "uji", requestID: "uji")
            .on(CalendarDate(year: 2026, month: 1, day: 20)!), keyring: app.config.keyring)
        let pk = try await writer.draftPk(jabatanID: head.requireID(), year: 2026)
        try await writer.pkAction(.ajukan, pkID: pk, actor: PkActor(mayDraft: true))
        try await writer.pkAction(.setujui, pkID: pk, actor: PkActor(mayVerify: true))
        try await writer.pkAction(.tandatangani(.pihakKedua), pkID: pk, actor: PkActor(parties: [.pihakKedua]))
        try await writer.pkAction(.tandatangani(.pihakPertama), pkID: pk, actor: PkActor(parties: [.pihakPertama]))
        let rows = try await PkRow.query(on: app.db).filter(\.$pk.$id == pk).sort(\.$sortOrder).all()
        return (pk, rows)
    }

    func entryForm(_ rows: [PkRow], values: [String: String], tdiReason: [String: String] = [:]) -> [String: String] {
        var fields = ["tw": "1", "konfirmasi": "1"]
        for row in rows {
            guard let value = values[row.key] else { continue }
            fields["baris[\(row.key)][nilai]"] = value
            fields["baris[\(row.key)][keyakinan]"] = "8"
            fields["baris[\(row.key)][pendukung]"] = "Anggaran tersedia tepat waktu."
            if let reason = tdiReason[row.key] { fields["baris[\(row.key)][alasanTdi]"] = reason }
        }
        return fields
    }

    func entries(_ app: Application, _ pk: UUID) async throws -> [RealisasiEntry] {
        try await RealisasiEntry.query(on: app.db).filter(\.$pk.$id == pk).sort(\.$rowKey).sort(\.$seq).all()
    }

    @Test func a_quarter_is_entered_returned_corrected_accepted_and_measured() async throws {
        try await withDemoApp { app in
            let (pk, rows) = try await signedDinkesPk(app)
            #expect(rows.count >= 2)
            let quantitative = rows.filter { $0.spec.kind.isQuantitative }
            let first = try #require(quantitative.first), second = try #require(quantitative.dropFirst().first)
            let page = "/pemda/99.71/pk/\(pk.uuidString)/realisasi"
            var operatorBrowser = try await signedIn(app, as: "operator.dinkes")
            var verifier = try await signedIn(app, as: "verifikator")

            let empty = try await get(app, page + "?tw=1", &operatorBrowser)
            #expect(empty.status == .ok && empty.text.contains("simpan-realisasi"), "the unit's operator gets the entry table")

            // One bad row refuses the whole save: nothing is written, the message stands beside the field.
            let values = Dictionary(uniqueKeysWithValues: quantitative.map { ($0.key, "50,5") })
            var bad = values
            bad[second.key] = "TDI"
            let refused = try await post(app, page, &operatorBrowser, entryForm(quantitative, values: bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Realisasi TDI memerlukan alasan"))
            #expect(refused.text.contains("value=\"TDI\""), "what was typed is shown again")
            #expect(try await entries(app, pk).isEmpty)

            // A value far from plan asks first; confirmed, the quarter is saved as one history row per indicator.
            var warnedForm = entryForm(quantitative, values: values)
            warnedForm["baris[\(first.key)][nilai]"] = "1.000.000"
            warnedForm["konfirmasi"] = nil
            let warned = try await post(app, page, &operatorBrowser, warnedForm)
            #expect(warned.status == .ok && warned.text.contains("realisasi-warnings") && warned.text.contains("Simpan tetap"))
            #expect(try await entries(app, pk).isEmpty, "nothing is saved before the warning is confirmed")
            let saved = try await post(app, page, &operatorBrowser, entryForm(quantitative, values: values))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(400))")
            #expect(try await entries(app, pk).count == quantitative.count)
            // Saving the same screen again adds nothing.
            #expect(try await post(app, page, &operatorBrowser, entryForm(quantitative, values: values)).status == .seeOther)
            #expect(try await entries(app, pk).count == quantitative.count)

            // Evidence: a real PDF is kept; an HTML page named .pdf is refused by its content.
            let pdf = Array("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
            let uploaded = try await upload(app, page + "/bukti", &operatorBrowser, file: pdf, field: "berkas",
                                            fields: ["tw": "1", "baris": first.key], filename: "laporan TW I.pdf",
                                            contentType: "application/pdf")
            #expect(uploaded.status == .seeOther, "\(uploaded.text.prefix(300))")
            let fake = try await upload(app, page + "/bukti", &operatorBrowser, file: Array("<html><script>alert(1)</script>".utf8),
                                        field: "berkas", fields: ["tw": "1", "baris": first.key], filename: "bukan.pdf",
                                        contentType: "application/pdf")
            #expect(fake.status == .unprocessableEntity && fake.text.contains("dikenali dari isinya"))
            let bukti = try #require(try await RealisasiBukti.query(on: app.db).first())
            #expect(bukti.fileName == "laporan TW I.pdf" && bukti.size == pdf.count)
            let download = try await get(app, "/pemda/99.71/bukti/\(bukti.id!.uuidString)", &operatorBrowser)
            #expect(download.status == .ok && Array(download.body.readableBytesView) == pdf)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(try await get(app, "/pemda/99.71/bukti/\(bukti.id!.uuidString)", &verifier).status == .ok)
            // The Sekretaris Dinas is bound to a sub-unit, not to the Dinas the PK belongs to: the file is not there for them.
            var sekdinkes = try await signedIn(app, as: "sekdinkes")
            #expect(try await get(app, "/pemda/99.71/bukti/\(bukti.id!.uuidString)", &sekdinkes).status == .notFound)
            var anonymous = Browser()
            #expect(try await get(app, "/pemda/99.71/bukti/\(bukti.id!.uuidString)", &anonymous).status != .ok)

            // A file uploaded by mistake is removed by the unit (audited), not by the verifier.
            let mistake = try await upload(app, page + "/bukti", &operatorBrowser, file: pdf, field: "berkas",
                                           fields: ["tw": "1", "baris": first.key], filename: "salah.pdf", contentType: "application/pdf")
            #expect(mistake.status == .seeOther)
            let wrong = try #require(try await RealisasiBukti.query(on: app.db).filter(\.$fileName == "salah.pdf").first())
            let removal = ["tw": "1", "berkas": wrong.id!.uuidString]
            #expect(try await post(app, page + "/bukti/hapus", &verifier, removal).status != .seeOther)
            #expect(try await RealisasiBukti.query(on: app.db).count() == 2)
            #expect(try await post(app, page + "/bukti/hapus", &operatorBrowser, ["tw": "1", "berkas": "bukan-uuid"]).status == .notFound)
            #expect(try await post(app, page + "/bukti/hapus", &operatorBrowser, removal).status == .seeOther)
            #expect(try await RealisasiBukti.query(on: app.db).count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "realisasi_bukti").filter(\.$action == .delete).count() == 1)

            // The verifikator returns one value with a reason and accepts the others.
            let pageForVerifier = try await get(app, page + "?tw=1", &verifier)
            #expect(pageForVerifier.text.contains("simpan-verifikasi"))
            var decisions = ["tw": "1"]
            for entry in try await entries(app, pk) {
                let id = entry.id!.uuidString
                decisions["putusan[\(id)][aksi]"] = entry.rowKey == second.key ? "kembalikan" : "terima"
                if entry.rowKey == second.key { decisions["putusan[\(id)][alasan]"] = "Angka belum sesuai laporan bulanan puskesmas." }
            }
            var shortReason = decisions
            for (key, _) in decisions where key.hasSuffix("[alasan]") { shortReason[key] = "salah" }
            let tooShort = try await post(app, page + "/verifikasi", &verifier, shortReason)
            #expect(tooShort.status == .unprocessableEntity)
            #expect(try await entries(app, pk).allSatisfy { $0.status == .diajukan }, "a refused decision writes none")
            #expect(try await post(app, page + "/verifikasi", &verifier, decisions).status == .seeOther)
            // Evidence of an accepted entry stays.
            let keep = try await post(app, page + "/bukti/hapus", &operatorBrowser, ["tw": "1", "berkas": bukti.id!.uuidString])
            #expect(keep.status == .conflict && keep.text.contains("sudah diterima"))
            #expect(try await RealisasiBukti.query(on: app.db).count() == 1)

            // The operator sees the return at the top of the page and in the inbox, and corrects it.
            let returned = try await get(app, page + "?tw=1", &operatorBrowser)
            #expect(returned.text.contains("realisasi-returned") && returned.text.contains("Angka belum sesuai laporan bulanan puskesmas."))
            let inbox = try await get(app, "/kotak-masuk", &operatorBrowser)
            #expect(inbox.text.contains("data-kind=\"realisasiPerbaiki\"") && inbox.text.contains("Angka belum sesuai laporan bulanan puskesmas."))
            var correction = values
            correction[second.key] = "61,25"
            #expect(try await post(app, page, &operatorBrowser, entryForm(quantitative, values: correction)).status == .seeOther)
            let history = try await entries(app, pk).filter { $0.rowKey == second.key }
            #expect(history.map(\.seq) == [1, 2], "a correction adds a row")
            #expect(history.map(\.value) == ["50.5", "61.25"], "and never overwrites the first")
            #expect(history.map(\.status) == [.dikembalikan, .diajukan])

            // The verifikator's inbox carries it; accepted, the page's capaian is the engine's for the accepted data.
            let verifierInbox = try await get(app, "/kotak-masuk", &verifier)
            #expect(verifierInbox.text.contains("data-kind=\"realisasiVerifikasi\""))
            let latest = try #require(history.last)
            #expect(try await post(app, page + "/verifikasi", &verifier,
                                    ["tw": "1", "putusan[\(latest.id!.uuidString)][aksi]": "terima"]).status == .seeOther)
            let measured = try await get(app, page + "?tw=1", &verifier)
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let engine = pemda.capaianEngine
            for row in quantitative {
                let value = row.key == second.key ? d("61.25") : d("50.5")
                let expected = engine.evaluate(spec: row.spec, yearTarget: TargetInput.parseStored(row.target, for: row.spec),
                                               periodTargets: row.quarterly.map { TargetInput.parseStored($0, for: row.spec) },
                                               realisasi: [.value(value), nil, nil, nil], through: 1)
                let figure = try #require(expected.capaian.capped)
                #expect(measured.text.contains("id=\"capaian-\(row.key)\""))
                #expect(measured.text.contains("data-capaian=\"\(figure.description)\""), "\(row.indikator): \(figure)")
                #expect(measured.text.contains(IDFormat.percent(figure)))
            }
        }
    }

    @Test func the_author_cannot_verify_and_a_closed_window_refuses_new_entries() async throws {
        try await withDemoApp { app in
            let (pk, rows) = try await signedDinkesPk(app)
            let row = try #require(rows.first { $0.spec.kind.isQuantitative })
            let page = "/pemda/99.71/pk/\(pk.uuidString)/realisasi"
            var admin = try await signedIn(app, as: "admin")
            #expect(try await post(app, page, &admin, entryForm([row], values: [row.key: "40"])).status == .seeOther)
            let entry = try #require(try await entries(app, pk).first)
            let own = try await post(app, page + "/verifikasi", &admin, ["tw": "1", "putusan[\(entry.id!.uuidString)][aksi]": "terima"])
            #expect(own.status == .forbidden && own.text.contains("verifikator lain"))
            #expect(try await entries(app, pk).first?.status == .diajukan)

            // TW II closed on 20 July: a first entry is refused with the date; TW I, entered already, takes a correction
            // only with a reason.
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let writer = PemdaWriter(database: app.db, pemdaID: pemda.id)
            try await writer.setJadwal(year: 2026, window: try JadwalWindow(stage: .realisasiTw2, opens: day("2026-07-01"), closes: day("2026-07-20")))
            try await writer.setJadwal(year: 2026, window: try JadwalWindow(stage: .realisasiTw1, opens: day("2026-04-01"), closes: day("2026-04-20")))
            var operatorBrowser = try await signedIn(app, as: "operator.dinkes")
            var tw2 = entryForm([row], values: [row.key: "45"])
            tw2["tw"] = "2"
            let closed = try await post(app, page, &operatorBrowser, tw2)
            #expect(closed.status == .conflict && closed.text.contains("20 Juli 2026"))
            let noReason = try await post(app, page, &operatorBrowser, entryForm([row], values: [row.key: "41"]))
            #expect(noReason.status == .conflict && noReason.text.contains("Koreksi sesudah jadwal memerlukan alasan"))
            var late = entryForm([row], values: [row.key: "41"])
            late["alasanTerlambat"] = "Laporan bulanan puskesmas baru diterima."
            #expect(try await post(app, page, &operatorBrowser, late).status == .seeOther)
            let corrected = try await entries(app, pk)
            #expect(corrected.map(\.seq) == [1, 2])
            #expect(corrected.last?.lateReason == "Laporan bulanan puskesmas baru diterima.")
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entity == "realisasi").all()
            #expect(audited.contains { $0.reason == "Laporan bulanan puskesmas baru diterima." }, "the late reason is in the audit trail")
            // Hostile quarters are refused at the edge.
            var hostile = entryForm([row], values: [row.key: "41"])
            hostile["tw"] = "99999999999999999999"
            #expect(try await post(app, page, &operatorBrowser, hostile).status.code < 500)
            #expect(try await get(app, page + "?tw=-9223372036854775808", &operatorBrowser).status == .ok)
        }
    }

    @Test func budget_realisation_is_entered_on_sub_kegiatan_summed_up_and_set_against_capaian() async throws {
        try await withDemoApp { app in
            let (pk, rows) = try await signedDinkesPk(app)
            let pkModel = try #require(try await Pk.find(pk, on: app.db))
            let unitID = try #require(pkModel.$unit.id)
            let dpa = try #require(try await Dpa.query(on: app.db).filter(\.$unit.$id == unitID).filter(\.$year == 2026).first())
            let lines = try await DpaPagu.query(on: app.db).filter(\.$dpa.$id == dpa.requireID()).all()
            let leaves = Anggaran.leaves(lines.map(\.code))
            let leaf = try #require(lines.filter { leaves.contains($0.code) && $0.amount >= 1000 }.sorted { $0.code < $1.code }.first)
            let program = try #require(lines.first { $0.code == NomenclatureCode.parent(of: NomenclatureCode.parent(of: leaf.code) ?? "") })
            let path = "/pemda/99.71/dpa/\(unitID.uuidString)/realisasi?tahun=2026"
            var operatorBrowser = try await signedIn(app, as: "operator.dinkes")
            _ = try await get(app, "/pemda/99.71/dpa/\(unitID.uuidString)?tahun=2026", &operatorBrowser)
            let cell = "anggaran[\(leaf.id!.uuidString)][tw1]"

            // Above the pagu, or on a line that sums others: refused, nothing written.
            let over = try await post(app, path, &operatorBrowser, [cell: IDFormat.rupiah(leaf.amount + 1)])
            #expect(over.status == .unprocessableEntity && over.text.contains("melebihi pagu"))
            let summed = try await post(app, path, &operatorBrowser, ["anggaran[\(program.id!.uuidString)][tw1]": "1.000"])
            #expect(summed.status == .unprocessableEntity && summed.text.contains("isi pada sub kegiatan"))
            #expect(try await RealisasiAnggaran.query(on: app.db).count() == 0)

            let quarter = leaf.amount / 4
            #expect(try await post(app, path, &operatorBrowser, [cell: IDFormat.rupiah(quarter)]).status == .seeOther)
            #expect(try await post(app, path, &operatorBrowser, [cell: IDFormat.rupiah(quarter)]).status == .seeOther)
            #expect(try await RealisasiAnggaran.query(on: app.db).count() == 1, "an unchanged save adds nothing")
            let corrected = leaf.amount / 5
            #expect(try await post(app, path, &operatorBrowser, [cell: IDFormat.rupiah(corrected)]).status == .seeOther)
            let history = try await RealisasiAnggaran.query(on: app.db).sort(\.$seq).all()
            #expect(history.map(\.seq) == [1, 2] && history.map(\.amount) == [quarter, corrected], "a correction adds a row")
            // The pagu cannot go below what is realised; nothing is written when it is refused.
            let dpaWriter = PemdaWriter(database: app.db, pemdaID: dpa.$pemda.id, audit: AuditContext(userID: nil, username: "admin", requestID: "t"))
            await #expect(throws: RuleViolation.self) {
                try await dpaWriter.setDpaPagu(lineID: try leaf.requireID(), amount: IDFormat.rupiah(corrected - 1))
            }
            #expect(try await DpaPagu.find(leaf.id, on: app.db)?.amount == leaf.amount)
            try await dpaWriter.setDpaPagu(lineID: try leaf.requireID(), amount: IDFormat.rupiah(leaf.amount))

            // The DPA page sums the sub kegiatan into the program; the list gives the APBD's progress.
            let page = try await get(app, "/pemda/99.71/dpa/\(unitID.uuidString)?tahun=2026", &operatorBrowser)
            let leafSerapan = try #require(Serapan(pagu: leaf.amount, realised: corrected).percent)
            #expect(page.text.contains("data-serapan=\"\(leafSerapan.description)\""))
            let programSerapan = try #require(Serapan(pagu: program.amount, realised: corrected).percent)
            #expect(page.text.contains("data-serapan=\"\(programSerapan.description)\""))
            var admin = try await signedIn(app, as: "admin")
            let list = try await get(app, "/pemda/99.71/dpa?tahun=2026", &admin)
            let programTotal = try await DpaQueries.list(pemdaID: dpa.$pemda.id, year: 2026, on: app.db).values
                .reduce(Int64(0)) { $0 + $1.programTotal }
            let apbd = try #require(Serapan(pagu: programTotal, realised: corrected).percent)
            #expect(list.text.contains("id=\"apbd-progress\"") && list.text.contains("data-serapan=\"\(apbd.description)\""))

            // The PK page sets the PK's capaian against the serapan of its budget.
            let row = try #require(rows.first { $0.spec.kind.isQuantitative })
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            let writer = PemdaWriter(database: app.db, pemdaID: pemda.id, audit: AuditContext(userID: nil, username: "operator", requestID: "t"))
            _ = try await writer.saveRealisasi(pkID: pk, period: 1, drafts: [RealisasiDraft(key: row.key, value: "70")], confirmed: true,
                                               actor: PkActor(mayDraft: true))
            let ledger = try await RealisasiLedger.load(pemdaID: pemda.id, jabatanID: pkModel.$jabatan.id, year: 2026, on: app.db)
            let entry = try #require(ledger.latest(key: row.key, period: 1))
            _ = try await PemdaWriter(database: app.db, pemdaID: pemda.id, audit: AuditContext(userID: nil, username: "verifikator", requestID: "t"))
                .verifyRealisasi(pkID: pk, decisions: [entry.id: .accept(judgement: nil)], actor: PkActor(mayVerify: true))
            let measured = try await get(app, "/pemda/99.71/pk/\(pk.uuidString)/realisasi?tw=1", &admin)
            let content = try #require(try await PkContent.load(pk, pemdaID: pemda.id, organisation: try await PemdaOrganisation.load(pemdaID: pemda.id, on: app.db), page: false, on: app.db))
            let accepted = try await RealisasiLedger.load(pemdaID: pemda.id, jabatanID: pkModel.$jabatan.id, year: 2026, on: app.db)
            let sheet = pemda.capaianEngine.sheet(content.rows.map {
                accepted.measurement(key: $0.key, sasaran: $0.sasaran, spec: $0.spec, target: $0.target, quarterly: $0.quarterly)
            }, through: 1)
            let roots = Anggaran.roots(content.budget.map(\.code))
            let budget = content.budget.filter { roots.contains($0.code) }.reduce(Serapan(pagu: 0, realised: 0)) {
                Serapan(pagu: $0.pagu + (content.dpaAmounts[$1.code] ?? $1.amount), realised: $0.realised + $1.realised[0])
            }
            #expect(budget.realised == corrected, "the PK's budget lines take the sub kegiatan under them")
            let efficiency = Anggaran.efficiency(capaian: sheet.total.capaian, serapan: budget.percent)
            #expect(efficiency != nil)
            #expect(measured.text.contains("data-efisiensi=\"\(efficiency?.description ?? "none")\""))
        }
    }
}

private func d(_ text: String) -> FixedDecimal { FixedDecimal(canonical: text)! }
private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
