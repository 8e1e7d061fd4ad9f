import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// A new nomenclature version from a CSV: the super admin only, all rows or none.
@Suite(.serialized)
struct NomenklaturImportTests {
    func multipart(_ browser: Browser, fields: [String: String], file: String) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----kinerja\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields.merging(["_csrf": browser.csrf ?? ""], uniquingKeysWith: { a, _ in a }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"versi.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers = browser.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, ByteBuffer(string: body))
    }

    @Test func a_version_is_imported_whole_or_refused_with_every_problem() async throws {
        try await withDemoApp { app in
            let hash = try await app.password.async.hash(DemoAccounts.password)
            try await UserWriter.create(UserWriter.NewUser(pemdaID: nil, username: "root", displayName: "Super Admin",
                                                           roles: [.superAdmin]), passwordHash: hash, mustChangePassword: false,
                                        on: app.db)
            let fields = ["kode": "UJI-2028", "nama": "Nomenklatur uji 2028", "dasar": "Kepmendagri Uji", "tahun": "2028"]
            let versionsBefore = try await NomenklaturVersion.query(on: app.db).count()

            var admin = try await signedIn(app, as: "admin")
            _ = try await get(app, "/nomenklatur", &admin)
            let (h0, b0) = multipart(admin, fields: fields, file: "code,level,name,jenis_pemda\n1,urusan,URUSAN,KABKOT\n")
            #expect(try await app.testing().sendRequest(.POST, "/nomenklatur/impor", headers: h0, body: b0).status == .forbidden)

            var root = try await signedIn(app, as: "root")
            _ = try await get(app, "/nomenklatur/impor", &root)
            let bad = "code,level,name,jenis_pemda\n1,urusan,URUSAN WAJIB,KABKOT\n1.01,program,BIDANG PENDIDIKAN,KABKOT\n1.01.02,program,,KABKOT\n"
            let (h1, b1) = multipart(root, fields: fields, file: bad)
            let refused = try await app.testing().sendRequest(.POST, "/nomenklatur/impor", headers: h1, body: b1)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Berkas ditolak: 2 masalah."))
            #expect(refused.text.contains("<td class=\"num\">3</td><td>level</td>"))
            #expect(refused.text.contains("<td class=\"num\">4</td><td>name</td>"))
            #expect(try await NomenklaturVersion.query(on: app.db).count() == versionsBefore)

            var latin1 = multipart(root, fields: fields, file: "code,level,name,jenis_pemda\n1,urusan,URUSAN X,KABKOT\n")
            let marker = latin1.1.readableBytesView.firstRange(of: Array("URUSAN X".utf8))!
            latin1.1.setBytes([0xC9], at: marker.upperBound - 1)
            let notUTF8 = try await app.testing().sendRequest(.POST, "/nomenklatur/impor", headers: latin1.0, body: latin1.1)
            #expect(notUTF8.status == .unprocessableEntity)
            #expect(notUTF8.text.contains("UTF-8"))
            #expect(try await NomenklaturVersion.query(on: app.db).count() == versionsBefore)

            let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/KinerjaStore/Resources/nomenklatur/nomenklatur_kepmendagri_1317_2023_kabkota.csv")
            let text = try String(contentsOf: shipped, encoding: .utf8)
            let (h2, b2) = multipart(root, fields: fields, file: text)
            let imported = try await app.testing().sendRequest(.POST, "/nomenklatur/impor", headers: h2, body: b2)
            #expect(imported.status == .seeOther)
            let version = try #require(try await NomenklaturVersion.query(on: app.db).filter(\.$code == "UJI-2028").first())
            #expect(try await Nomenklatur.query(on: app.db).filter(\.$version.$id == version.requireID()).count() == 4367)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "nomenklatur_version").first())
            #expect(event.username == "root" && event.reason == "4367 baris dari unggahan: versi.csv")
            let page = try await get(app, "/nomenklatur?versi=UJI-2028&q=pendidikan", &root)
            #expect(page.text.contains("UJI-2028"))
        }
    }
}
