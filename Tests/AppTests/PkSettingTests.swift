import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// The admin's PK settings (deadline rule, wording, emblem) and the DPA that starts each PK's clock.
@Suite(.serialized)
struct PkSettingTests {
    func dueOfKepalaDinkes(_ app: Application, _ browser: inout Browser, year: Int) async throws -> String {
        let board = try await get(app, "/pemda/99.71/pk?tahun=\(year)&tingkat=jpt", &browser)
        let row = try #require(board.text.components(separatedBy: "<tr").first { $0.contains(">Kepala Dinas Kesehatan<") })
        return row
    }

    @Test func the_deadline_rule_and_the_wording_are_the_pemdas_own() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            #expect(try await dueOfKepalaDinkes(app, &admin, year: 2026).contains("5 Februari 2026"))
            let page = try await get(app, "/pemda/99.71/pk/pengaturan", &admin)
            #expect(page.status == .ok && page.text.contains("penghargaan dan sanksi"))
            var fields = [
                "tempat": "Kota Contoh", "bulan": "0", "pengingat": "10",
                "pembuka": "Dalam rangka mewujudkan pemerintahan yang bersih dan melayani, kami yang bertanda tangan di bawah ini:",
                "janji": PkStatementTemplate.bilateral.promise, "pengawasan": PkStatementTemplate.bilateral.supervision!,
                "pembuka_kd": PkStatementTemplate.unilateral.opening, "janji_kd": PkStatementTemplate.unilateral.promise,
            ]
            let refused = try await post(app, "/pemda/99.71/pk/pengaturan", &admin, fields)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("id=\"bulan-error\""))
            #expect(try await PkSetting.query(on: app.db).count() == 0, "nothing kept")
            fields["bulan"] = "2"
            #expect(try await post(app, "/pemda/99.71/pk/pengaturan", &admin, fields).status == .seeOther)
            #expect(try await dueOfKepalaDinkes(app, &admin, year: 2026).contains("5 Maret 2026"))
            // The new wording reaches the documents.
            let kd = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &admin, ["jabatan": kd.id!.uuidString, "tahun": "2026"])
            let location = try #require(drafted.headers.first(name: .location))
            let print = try await get(app, location + "/cetak", &admin)
            #expect(print.text.contains("pemerintahan yang bersih dan melayani") && print.text.contains("DRAF"))
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "pk_setting").first())
            #expect(event.after?.contains("\"monthsAfterDpa\":2") == true)

            var operator_ = try await signedIn(app, as: "operator.dinkes")
            _ = try await get(app, "/pemda/99.71/pk?tahun=2026", &operator_)
            #expect(try await post(app, "/pemda/99.71/pk/pengaturan", &operator_, fields).status == .forbidden)
        }
    }

    @Test func the_emblem_must_be_a_readable_png_and_then_heads_every_pdf() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, "/pemda/99.71/pk/pengaturan", &admin)
            let png = try Array(Data(contentsOf: URL(fileURLWithPath: try makePNG())))
            let broken = PkSettingRules.pngSignature + [UInt8](repeating: 7, count: 200)
            let refused = try await upload(app, "/pemda/99.71/pk/logo", &admin, file: broken)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("tidak dapat dibaca"))
            let notPng = try await upload(app, "/pemda/99.71/pk/logo", &admin, file: Array("GIF89a".utf8))
            #expect(notPng.status == .unprocessableEntity && notPng.text.contains("harus berkas PNG"))
            #expect(try await upload(app, "/pemda/99.71/pk/logo", &admin, file: png).status == .seeOther)
            let stored = try await get(app, "/pemda/99.71/pk/logo.png", &admin).data
            #expect(stored.starts(with: PkSettingRules.pngSignature) && stored.count > 50, "a clean copy is kept")

            let kd = try #require(try await Jabatan.query(on: app.db).filter(\.$level == .kepalaDaerah).first())
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &admin, ["jabatan": kd.id!.uuidString, "tahun": "2026"])
            let pdf = try await get(app, try #require(drafted.headers.first(name: .location)) + "/pdf", &admin)
            let images = try pdfImages(pdf.data)
            #expect(images.contains { $0.hasPrefix("1 ") }, "an image on page 1: \(images)")

            var other = try await signedIn(app, as: "operator.dinkes")
            _ = try await get(app, "/pemda/99.71/pk?tahun=2026", &other)
            #expect(try await upload(app, "/pemda/99.71/pk/logo", &other, file: png).status == .forbidden)
        }
    }

    @Test func a_dpa_is_recorded_with_pagu_from_the_renstra_and_corrected_line_by_line() async throws {
        try await withDemoApp { app in
            let dinkes = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let pendidikan = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Pendidikan").first())
            var operator_ = try await signedIn(app, as: "operator.dinkes")
            let list = try await get(app, "/pemda/99.71/dpa?tahun=2027", &operator_)
            #expect(list.status == .ok && list.text.contains("Dinas Kesehatan"))
            let badYear = try await post(app, "/pemda/99.71/dpa/\(dinkes.id!.uuidString)?tahun=2027", &operator_,
                                         ["nomor": "DPA/1.02/2027", "tanggal": "2020-01-05"])
            #expect(badYear.status == .unprocessableEntity && badYear.text.contains("disahkan pada akhir 2026 atau pada 2027"))
            let recorded = try await post(app, "/pemda/99.71/dpa/\(dinkes.id!.uuidString)?tahun=2027", &operator_,
                                          ["nomor": "DPA/1.02/2027", "tanggal": "2027-01-08"])
            #expect(recorded.status == .seeOther)
            let dpa = try #require(try await Dpa.query(on: app.db).filter(\.$unit.$id == dinkes.id!).filter(\.$year == 2027).first())
            let lines = try await DpaPagu.query(on: app.db).filter(\.$dpa.$id == dpa.id!).all()
            let items = try await RenstraItem.query(on: app.db).join(Renstra.self, on: \RenstraItem.$renstra.$id == \Renstra.$id)
                .filter(Renstra.self, \.$unit.$id == dinkes.id!).count()
            #expect(lines.count == items && lines.allSatisfy { $0.amount > 0 })
            let line = try #require(lines.first)
            let set = try await post(app, "/pemda/99.71/dpa/\(dinkes.id!.uuidString)/pagu/\(line.id!.uuidString)?tahun=2027",
                                     &operator_, ["pagu": "1.250.000.000"])
            #expect(set.status == .seeOther)
            #expect(try await DpaPagu.find(line.id!, on: app.db)?.amount == 1_250_000_000)
            let page = try await get(app, "/pemda/99.71/dpa/\(dinkes.id!.uuidString)?tahun=2027", &operator_)
            #expect(page.text.contains("1.250.000.000") && page.text.contains("8 Januari 2027"))
            // The board counts from it: due one month later.
            let board = try await get(app, "/pemda/99.71/pk?tahun=2027&tingkat=jpt", &operator_)
            #expect(board.text.contains("8 Februari 2027"))
            // Another agency's DPA is not the operator's to record.
            let before = try await AuditEvent.query(on: app.db).count()
            let refused = try await post(app, "/pemda/99.71/dpa/\(pendidikan.id!.uuidString)?tahun=2027", &operator_,
                                         ["nomor": "DPA/1.01/2027", "tanggal": "2027-01-08"])
            #expect(refused.status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).count() == before)
        }
    }
}

/// Sends one file as `multipart/form-data`, with the session's form token.
func upload(_ app: Application, _ path: String, _ browser: inout Browser, file: [UInt8], field: String = "logo")
    async throws -> TestingHTTPResponse
{
    let boundary = "kinerja-\(UUID().uuidString)"
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n")
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"logo.png\"\r\n")
    body.writeString("Content-Type: image/png\r\n\r\n")
    body.writeBytes(file)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = browser.headers
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    let res = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    browser.remember(res)
    return res
}

/// A 24 × 24 RGB PNG written by Python's zlib, independent of the code under test; returns its path.
func makePNG() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("emblem-\(UUID().uuidString).png").path
    let script = """
    import struct, sys, zlib
    w = h = 24
    raw = b''.join(b'\\x00' + b''.join(bytes([200, 30, 30]) if (x - 12) ** 2 + (y - 12) ** 2 < 100 else bytes([255, 255, 255]) for x in range(w)) for y in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(sys.argv[1], 'wb').write(png)
    """
    _ = try run("/usr/bin/env", ["python3", "-c", script, path])
    return path
}

/// `pdfimages -list` rows (page first), skipping the header.
func pdfImages(_ data: Data) throws -> [String] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).pdf")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try run("/usr/bin/pdfimages", ["-list", url.path]).split(separator: "\n").dropFirst(2)
        .map { $0.trimmingCharacters(in: .whitespaces) }
}
