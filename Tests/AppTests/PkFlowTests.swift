import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// A year's PKs through the web application, as the people of Kota Contoh would do it: the Walikota's own PK, then
/// the Kepala Dinas Kesehatan's, returned once, fixed, approved, signed by both parties and published; then read
/// back as PDF, verified in public and downloaded as a ZIP.
@Suite(.serialized)
struct PkFlowTests {
    func pkID(of res: TestingHTTPResponse) throws -> String {
        let location = try #require(res.headers.first(name: .location))
        return String(try #require(location.split(separator: "/").last))
    }

    func jabatan(_ app: Application, level: JabatanLevel? = nil, name: String? = nil) async throws -> Jabatan {
        var query = Jabatan.query(on: app.db)
        if let level { query = query.filter(\.$level == level) }
        if let name { query = query.filter(\.$name == name) }
        return try #require(try await query.first())
    }

    /// The PK page's one form for one row: `baris[<id>][field]`, saved with the table's Simpan.
    func rowForm(_ id: UUID, sasaran: String, target: String, quarters: [String] = ["", "", "", ""]) -> [String: String] {
        var fields = ["baris[\(id.uuidString)][sasaran]": sasaran, "baris[\(id.uuidString)][target]": target, "aksi": "simpan"]
        for (n, value) in quarters.enumerated() { fields["baris[\(id.uuidString)][tw\(n + 1)]"] = value }
        return fields
    }

    /// Empties the rencana aksi of every row (a warning, not an error), so the demo's rounded quarterly split does
    /// not block the submission in a test about the workflow: one save of the whole table.
    func clearQuarters(_ app: Application, _ pk: String, _ browser: inout Browser) async throws {
        var fields: [String: String] = [:]
        for row in try await PkRow.query(on: app.db).filter(\.$pk.$id == UUID(uuidString: pk)!).all() {
            fields.merge(rowForm(row.id!, sasaran: row.sasaran, target: TargetDisplay.text(row.target, spec: row.spec)),
                         uniquingKeysWith: { a, _ in a })
        }
        let res = try await post(app, "/pemda/99.71/pk/\(pk)/tabel", &browser, fields)
        #expect(res.status == .seeOther, "\(res.text.prefix(300))")
    }

    func status(_ app: Application, _ pk: String) async throws -> PkStatus? {
        try await Pk.find(UUID(uuidString: pk)!, on: app.db)?.status
    }

    @Test func two_levels_of_pk_from_draft_to_published_document() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            var verifier = try await signedIn(app, as: "verifikator")
            var walikota = try await signedIn(app, as: "walikota")
            var kadinkes = try await signedIn(app, as: "kadinkes")
            let kd = try await jabatan(app, level: .kepalaDaerah)
            let dinkesHead = try await jabatan(app, name: "Kepala Dinas Kesehatan")

            // The Walikota's own PK, drafted by the Bappeda and signed by the Walikota alone.
            let board = try await get(app, "/pemda/99.71/pk?tahun=2026", &admin)
            #expect(board.status == .ok && board.text.contains("Belum disusun"))
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &admin, ["jabatan": kd.id!.uuidString, "tahun": "2026"])
            #expect(drafted.status == .seeOther)
            let pemdaPk = try pkID(of: drafted)
            #expect(try await post(app, "/pemda/99.71/pk/\(pemdaPk)/aksi", &admin, ["aksi": "ajukan"]).status == .seeOther)
            let own = try await post(app, "/pemda/99.71/pk/\(pemdaPk)/aksi", &admin, ["aksi": "setujui"])
            #expect(own.status == .forbidden && own.text.contains("verifikator lain"), "no one verifies their own entry")
            _ = try await get(app, "/pemda/99.71/pk/\(pemdaPk)", &verifier)
            #expect(try await post(app, "/pemda/99.71/pk/\(pemdaPk)/aksi", &verifier, ["aksi": "setujui"]).status == .seeOther)
            _ = try await get(app, "/pemda/99.71/pk/\(pemdaPk)", &walikota)
            let wrong = try await post(app, "/pemda/99.71/pk/\(pemdaPk)/tandatangani", &walikota,
                                       ["pihak": "pihakPertama", "kataSandi": "salah-sekali"])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Kata sandi salah"))
            #expect(try await status(app, pemdaPk) == .disetujui)
            let signed = try await post(app, "/pemda/99.71/pk/\(pemdaPk)/tandatangani", &walikota,
                                        ["pihak": "pihakPertama", "kataSandi": DemoAccounts.password])
            #expect(signed.status == .seeOther)
            #expect(try await status(app, pemdaPk) == .ditandatangani)
            _ = try await get(app, "/pemda/99.71/pk/\(pemdaPk)", &verifier)
            #expect(try await post(app, "/pemda/99.71/pk/\(pemdaPk)/aksi", &verifier, ["aksi": "terbitkan"]).status == .seeOther)

            // The Kepala Dinas Kesehatan drafts their own PK; its rows serve the Walikota's.
            let dinkes = try await post(app, "/pemda/99.71/pk/baru", &kadinkes, ["jabatan": dinkesHead.id!.uuidString, "tahun": "2026"])
            #expect(dinkes.status == .seeOther)
            let dinkesPk = try pkID(of: dinkes)
            let page = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &kadinkes)
            #expect(page.text.contains("Mendukung indikator atasan") && !page.text.contains("Belum dikaitkan"))
            try await clearQuarters(app, dinkesPk, &kadinkes)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &kadinkes, ["aksi": "ajukan"]).status == .seeOther)
            let inbox = try await get(app, "/kotak-masuk?tahun=2026", &verifier)
            #expect(inbox.text.contains("Kepala Dinas Kesehatan") && inbox.text.contains("Menunggu verifikasi Anda"))
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &verifier)
            let noReason = try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &verifier, ["aksi": "kembalikan", "alasan": "x"])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("alasan pengembalian"))
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &verifier,
                                   ["aksi": "kembalikan", "alasan": "Target baris 1 harus sama dengan Renstra"]).status == .seeOther)
            #expect(try await status(app, dinkesPk) == .dikembalikan)
            let returned = try await get(app, "/kotak-masuk?tahun=2026", &kadinkes)
            #expect(returned.text.contains("Dikembalikan verifikator"))
            let first = try #require(try await PkRow.query(on: app.db).filter(\.$pk.$id == UUID(uuidString: dinkesPk)!)
                .sort(\.$sortOrder).first())
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &kadinkes)
            let bad = try await post(app, "/pemda/99.71/pk/\(dinkesPk)/tabel", &kadinkes,
                                     rowForm(first.id!, sasaran: first.sasaran, target: "banyak sekali"))
            #expect(bad.status == .unprocessableEntity && bad.text.contains("harus berupa angka"))
            let fixed = try await post(app, "/pemda/99.71/pk/\(dinkesPk)/tabel", &kadinkes,
                                       rowForm(first.id!, sasaran: first.sasaran,
                                               target: TargetDisplay.text(first.renstraTarget!, spec: first.spec)))
            #expect(fixed.status == .seeOther)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &kadinkes, ["aksi": "ajukan"]).status == .seeOther)
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &verifier)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &verifier, ["aksi": "setujui"]).status == .seeOther)
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &walikota)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/tandatangani", &walikota,
                                   ["pihak": "pihakKedua", "kataSandi": DemoAccounts.password]).status == .seeOther)
            // The Walikota cannot sign for the Kepala Dinas.
            let notTheirs = try await post(app, "/pemda/99.71/pk/\(dinkesPk)/tandatangani", &walikota,
                                           ["pihak": "pihakPertama", "kataSandi": DemoAccounts.password])
            #expect(notTheirs.status == .forbidden)
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &kadinkes)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/tandatangani", &kadinkes,
                                   ["pihak": "pihakPertama", "kataSandi": DemoAccounts.password]).status == .seeOther)
            #expect(try await status(app, dinkesPk) == .ditandatangani)
            _ = try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &verifier)
            #expect(try await post(app, "/pemda/99.71/pk/\(dinkesPk)/aksi", &verifier, ["aksi": "terbitkan"]).status == .seeOther)

            // The PDF read back: the statement, both parties and every target.
            let pdf = try await get(app, "/pemda/99.71/pk/\(dinkesPk)/pdf", &admin)
            #expect(pdf.headers.contentType?.subType == "pdf")
            let text = try pdftotext(pdf.data)
            let seal = try #require(try await PkSeal.query(on: app.db).filter(\.$pk.$id == UUID(uuidString: dinkesPk)!).first())
            let document = try PkCanonical.decode(Data(seal.document.utf8))
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("PERJANJIAN KINERJA TAHUN 2026"))
            #expect(flat.contains("Pihak pertama berjanji akan mewujudkan target kinerja"))
            #expect(flat.contains(document.pihakPertama.name) && flat.contains("H. Arif Wicaksono, S.E., M.M."))
            #expect(flat.contains("NIP. \(document.pihakPertama.groupedNip!)"))
            for row in document.performance { #expect(flat.contains(row.target), "target \(row.target) in the PDF") }
            #expect(flat.contains(IDFormat.rupiah(document.budgetTotal)))

            // Public: the portal lists it, the verification page says it is genuine, anyone can fetch its PDF.
            var visitor = Browser()
            let portal = try await get(app, "/publik/pk?pemda=99.71&tahun=2026&q=kesehatan", &visitor)
            #expect(portal.text.contains("Kepala Dinas Kesehatan") && portal.text.contains(dinkesPk))
            let dinkesUnit = try #require(dinkesHead.$unit.id)
            let byUnit = try await get(app, "/publik/pk?pemda=99.71&tahun=2026&unit=\(dinkesUnit.uuidString)", &visitor)
            #expect(byUnit.text.contains(dinkesPk) && !byUnit.text.contains(pemdaPk), "the unit's PKs only")
            #expect(try await get(app, "/publik/pk", &visitor).text.contains("Pilih Pemda"), "one Pemda at a time")
            let verify = try await get(app, "/verifikasi/\(dinkesPk)", &visitor)
            #expect(verify.text.contains("data-valid=\"true\"") && verify.text.contains(seal.sha256))
            #expect(try await get(app, "/publik/pk/\(dinkesPk)/pdf", &visitor).status == .ok)
            #expect(try await get(app, "/pemda/99.71/pk/\(dinkesPk)", &visitor).status == .seeOther, "drafts and pages need sign-in")

            // The year's ZIP holds both signed PKs.
            let zip = try await get(app, "/pemda/99.71/pk/unduh.zip?tahun=2026", &admin)
            #expect(zip.status == .ok)
            let names = try zipNames(zip.data)
            #expect(names.count == 2 && names.allSatisfy { $0.hasSuffix(".pdf") })
            #expect(names.contains { $0.contains("Kepala-Dinas-Kesehatan-v0") })
        }
    }

    @Test func another_opd_cannot_touch_this_pk_and_nothing_is_written() async throws {
        try await withDemoApp { app in
            var kadinkes = try await signedIn(app, as: "kadinkes")
            let dinkesHead = try await jabatan(app, name: "Kepala Dinas Kesehatan")
            let dinkes = try await post(app, "/pemda/99.71/pk/baru", &kadinkes, ["jabatan": dinkesHead.id!.uuidString, "tahun": "2026"])
            let pk = try pkID(of: dinkes)
            let pendidikan = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Pendidikan").first())
            let hash = try await app.password.async.hash(DemoAccounts.password)
            try await UserWriter.create(UserWriter.NewUser(pemdaID: pendidikan.$pemda.id, username: "operator.dikbud",
                                                           displayName: "Operator Pendidikan", roles: [.operatorOpd],
                                                           unitIDs: [pendidikan.requireID()]),
                                        passwordHash: hash, mustChangePassword: false, on: app.db)
            var other = try await signedIn(app, as: "operator.dikbud")
            let row = try #require(try await PkRow.query(on: app.db).filter(\.$pk.$id == UUID(uuidString: pk)!).first())
            let before = try await AuditEvent.query(on: app.db).count()
            _ = try await get(app, "/pemda/99.71/pk/\(pk)", &other)
            let edit = try await post(app, "/pemda/99.71/pk/\(pk)/tabel", &other, rowForm(row.id!, sasaran: "Diubah", target: "1"))
            #expect(edit.status == .forbidden && edit.text.contains("Peran Anda tidak mencakup"))
            let submit = try await post(app, "/pemda/99.71/pk/\(pk)/aksi", &other, ["aksi": "ajukan"])
            #expect(submit.status == .forbidden)
            let draftOther = try await post(app, "/pemda/99.71/pk/baru", &other, ["jabatan": dinkesHead.id!.uuidString, "tahun": "2027"])
            #expect(draftOther.status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).count() == before)
            #expect(try await PkRow.find(row.id!, on: app.db)?.sasaran == row.sasaran)

            // Their own PK's URL does not open another PK's rows.
            let kepalaDikbud = try await jabatan(app, name: "Kepala Dinas Pendidikan")
            let own = try pkID(of: try await post(app, "/pemda/99.71/pk/baru", &other,
                                                  ["jabatan": kepalaDikbud.id!.uuidString, "tahun": "2026"]))
            _ = try await get(app, "/pemda/99.71/pk/\(own)", &other)
            let smuggled = try await post(app, "/pemda/99.71/pk/\(own)/tabel", &other, rowForm(row.id!, sasaran: "Diubah", target: "1"))
            #expect(smuggled.status == .notFound && smuggled.text.contains("tidak ada pada PK ini"))
            #expect(try await PkRow.find(row.id!, on: app.db)?.sasaran == row.sasaran)

            // A pejabat drafts for their own position and those below, never for a superior in the same unit.
            let kasubbag = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Subbagian Umum dan Kepegawaian")
                .filter(\.$superior.$id == (try jabatan(app, name: "Sekretaris Dinas Kesehatan")).id!).first())
            let holder = try #require(try await PositionHolder.find(jabatanID: kasubbag.id!, on: TestClock.today, db: app.db))
            try await UserWriter.create(UserWriter.NewUser(pemdaID: kasubbag.$pemda.id, username: "kasubbag.dinkes", nip: holder.nip,
                                                           displayName: holder.name, roles: [.pejabat], jabatanID: kasubbag.id),
                                        passwordHash: hash, mustChangePassword: false, on: app.db)
            var kasub = try await signedIn(app, as: "kasubbag.dinkes")
            _ = try await get(app, "/pemda/99.71/pk?tahun=2026", &kasub)
            let sekretaris = try await jabatan(app, name: "Sekretaris Dinas Kesehatan")
            let upward = try await post(app, "/pemda/99.71/pk/baru", &kasub, ["jabatan": sekretaris.id!.uuidString, "tahun": "2026"])
            #expect(upward.status == .forbidden)
            #expect(try await post(app, "/pemda/99.71/pk/baru", &kasub, ["jabatan": kasubbag.id!.uuidString, "tahun": "2026"]).status
                    == .seeOther)
        }
    }
}

/// The text of a PDF, as `pdftotext -layout` reads it.
func pdftotext(_ data: Data) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).pdf")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try run("/usr/bin/pdftotext", ["-layout", url.path, "-"])
}

/// The entry names of a ZIP archive, read by Python's zipfile (an independent reader).
func zipNames(_ data: Data) throws -> [String] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).zip")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let out = try run("/usr/bin/env", ["python3", "-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint('\\n'.join(z.namelist()))", url.path])
    return out.split(separator: "\n").map(String.init)
}

func run(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw RuleViolation(code: "tool.failed", field: nil, message: Message(id: "\(tool) gagal", en: "\(tool) failed"))
    }
    return String(decoding: data, as: UTF8.self)
}
