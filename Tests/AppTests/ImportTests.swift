import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// Importing employees from a SIMPEG-shaped file: a preview that writes nothing, an apply that writes all rows in one
/// transaction or none, and a second import of the same file that changes nothing.
@Suite(.serialized)
struct ImportTests {
    static let path = "/pemda/99.71/impor/pegawai"
    static let unit = "1.02.0.00.0.00.01.0000.01"
    static let position = "Kepala Subbagian Umum dan Kepegawaian"

    func upload(_ browser: Browser, name: String, bytes: [UInt8]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----kinerja\(UUID().uuidString)"
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"\(name)\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = browser.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, body)
    }

    func csv(_ rows: [String]) -> [UInt8] {
        Array(("NIP;Nama;Pangkat;Golongan;Unit;Jabatan;Jenis;TMT Jabatan;Nomor SK\r\n" + rows.joined(separator: "\r\n")).utf8)
    }

    func token(in page: String) throws -> String {
        let marker = "name=\"berkas\" value=\""
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix(36))
    }

    func count(_ app: Application, nip: String) async throws -> Int {
        try await Pegawai.query(on: app.db).filter(\.$nip == nip).count()
    }

    @Test func a_file_is_previewed_applied_whole_and_a_second_import_changes_nothing() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let index = try await get(app, "/pemda/99.71/impor", &admin)
            #expect(index.status == .ok && index.text.contains("Periksa berkas"))
            let file = csv(["19800202 200501 1 002;Drs. Ahmad Baru, M.M.;Penata Tk. I;III/d;\(Self.unit);\(Self.position);;01/12/2026;800/77/2026",
                            "199001012015032001;Siti Tanpa Jabatan;;;;;;;"])
            let (h, b) = upload(admin, name: "simpeg.csv", bytes: file)
            let preview = try await app.testing().sendRequest(.POST, Self.path, headers: h, body: b)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Terapkan 2 perubahan"))
            #expect(preview.text.contains("berakhir 30 November 2026") || preview.text.contains("berakhir 30/11/2026"))
            // The preview wrote nothing.
            #expect(try await count(app, nip: "198002022005011002") == 0)

            let applied = try await post(app, Self.path + "/terapkan", &admin, ["berkas": try token(in: preview.text)])
            #expect(applied.status == .ok)
            #expect(applied.text.contains("satu transaksi"))
            let person = try #require(try await Pegawai.query(on: app.db).filter(\.$nip == "198002022005011002").first())
            #expect(person.pangkat == "Penata Tk. I (III/d)")
            let assignments = try await Penugasan.query(on: app.db).filter(\.$pegawai.$id == person.requireID()).all()
            #expect(assignments.map(\.startDate) == ["2026-12-01"])
            let jabatanID = assignments[0].$jabatan.id
            let ended = try await Penugasan.query(on: app.db).filter(\.$jabatan.$id == jabatanID).filter(\.$endDate == "2026-11-30").count()
            #expect(ended == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "impor").count() == 1)

            // The same file again: nothing to apply.
            let (h2, b2) = upload(admin, name: "simpeg.csv", bytes: file)
            let again = try await app.testing().sendRequest(.POST, Self.path, headers: h2, body: b2)
            #expect(again.status == .ok)
            #expect(again.text.contains("tidak ada yang perlu diterapkan"))
            #expect(!again.text.contains("Terapkan"))
            // The token was used up.
            let replay = try await post(app, Self.path + "/terapkan", &admin, ["berkas": try token(in: preview.text)])
            #expect(replay.status == .gone)
        }
    }

    @Test func one_bad_row_refuses_the_file_naming_row_and_column_and_nothing_is_written() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, "/pemda/99.71/impor", &admin)
            let file = csv(["198002022005011002;Ahmad;;;;;;;",
                            "198002022005011002;Ahmad Lagi;;;;;;;",
                            "19800202200501100;Kurang Digit;;;;;;;",
                            "198103032006041003;Budi;;;\(Self.unit);Jabatan Khayalan;;01/12/2026;",
                            "198104042006041004;Citra;;;9.99.9;\(Self.position);;01/12/2026;"])
            let (h, b) = upload(admin, name: "simpeg.csv", bytes: file)
            let refused = try await app.testing().sendRequest(.POST, Self.path, headers: h, body: b)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Berkas ditolak: 4 masalah."))
            #expect(refused.text.contains("sudah ada di baris 2"))
            #expect(refused.text.contains("<td>CSV</td><td class=\"num\">4</td><td>NIP</td>"))
            #expect(refused.text.contains("Jabatan Khayalan"))
            #expect(refused.text.contains("9.99.9"))
            #expect(!refused.text.contains("Terapkan"))
            #expect(try await count(app, nip: "198002022005011002") == 0)
        }
    }

    @Test func an_xlsx_with_a_formula_or_a_truncated_file_or_wrong_headers_is_refused() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, "/pemda/99.71/impor", &admin)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("impor-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: url) }
            let writer = try XlsxWriter(path: url.path)
            try writer.addSheet("Data", columns: PegawaiImport.template.columns.map { SheetColumn($0.header) })
            try writer.write([.text("198002022005011002"), .text("Ahmad")])
            try writer.close()
            let good = [UInt8](try Data(contentsOf: url))
            let (h, b) = upload(admin, name: "simpeg.xlsx", bytes: good)
            let preview = try await app.testing().sendRequest(.POST, Self.path, headers: h, body: b)
            #expect(preview.status == .ok && preview.text.contains("Terapkan 1 perubahan"))

            let (h1, b1) = upload(admin, name: "simpeg.xlsx", bytes: Array(good.prefix(good.count / 2)))
            let truncated = try await app.testing().sendRequest(.POST, Self.path, headers: h1, body: b1)
            #expect(truncated.status == .unprocessableEntity && truncated.text.contains("bukan XLSX yang utuh"))

            let (h2, b2) = upload(admin, name: "salah.csv", bytes: Array("Nomor;Nama Lengkap\r\n1;Ahmad".utf8))
            let headers = try await app.testing().sendRequest(.POST, Self.path, headers: h2, body: b2)
            #expect(headers.status == .unprocessableEntity)
            #expect(headers.text.contains("Kolom &quot;NIP&quot; tidak ada di baris judul") || headers.text.contains("Kolom \"NIP\" tidak ada di baris judul"))
            #expect(try await count(app, nip: "198002022005011002") == 0)
        }
    }

    @Test func only_an_admin_may_import_and_a_file_over_the_limit_is_refused_plainly() async throws {
        try await withDemoApp { app in
            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            #expect(try await get(app, "/pemda/99.71/impor", &operatorOpd).status == .forbidden)
            let (h, b) = upload(operatorOpd, name: "simpeg.csv", bytes: csv(["198002022005011002;Ahmad;;;;;;;"]))
            #expect(try await app.testing().sendRequest(.POST, Self.path, headers: h, body: b).status == .forbidden)
            #expect(try await count(app, nip: "198002022005011002") == 0)

            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, "/pemda/99.71/impor", &admin)
            let (h2, b2) = upload(admin, name: "besar.csv", bytes: [UInt8](repeating: 0x41, count: 21 << 20))
            let large = try await app.testing().sendRequest(.POST, Self.path, headers: h2, body: b2)
            #expect(large.status == .payloadTooLarge)
            #expect(large.text.contains("paling besar 20 MB"))
        }
    }

    @Test func the_templates_download_as_xlsx_and_csv() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let xlsx = try await get(app, "/pemda/99.71/impor/templat/pegawai.xlsx", &admin)
            #expect(xlsx.status == .ok)
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            let csvFile = try await get(app, "/pemda/99.71/impor/templat/pegawai.csv", &admin)
            #expect(csvFile.text.hasPrefix("\u{FEFF}NIP;Nama;Pangkat"))
            #expect(try await get(app, "/pemda/99.71/impor/templat/rahasia.xlsx", &admin).status == .notFound)
        }
    }
}
