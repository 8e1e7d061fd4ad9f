import Fluent
import Foundation
import KinerjaCore
@testable import KinerjaStore
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Each finding of the safety review, reproduced as a request: none stops the server, signs in another's name,
/// writes a header or a tag of its own, or is refused for being long.
@Suite(.serialized)
struct SafetyTests {
    func superAdmin(_ app: Application) async throws -> Browser {
        let hash = try await app.password.async.hash(DemoAccounts.password)
        try await UserWriter.create(UserWriter.NewUser(pemdaID: nil, username: "root", displayName: "Super Admin",
                                                       roles: [.superAdmin]), passwordHash: hash, mustChangePassword: false,
                                    on: app.db)
        return try await signedIn(app, as: "root")
    }

    func alive(_ app: Application) async throws {
        var visitor = Browser()
        #expect(try await get(app, "/healthz", &visitor).status == .ok)
    }

    @Test func numbers_from_outside_never_trap() async throws {
        try await withDemoApp { app in
            let dinkes = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let unit = dinkes.id!.uuidString
            var operator_ = try await signedIn(app, as: "operator.dinkes")
            var admin = try await signedIn(app, as: "admin")
            let hostile = ["-9223372036854775808", "9223372036854775807", "99999999999999999999", "-1", "0", "1e9", "２０２６"]
            for value in hostile {
                // The first finding: recording a DPA computed `year - 1` on the year of the query.
                let dpa = try await post(app, "/pemda/99.71/dpa/\(unit)?tahun=\(value)", &operator_,
                                         ["nomor": "DPA/1", "tanggal": "2026-01-05"])
                #expect(dpa.status == .unprocessableEntity || dpa.status == .badRequest, "DPA tahun=\(value): \(dpa.status)")
                for path in ["/pemda/99.71/pk?tahun=\(value)", "/pemda/99.71/pk?tahun=2026&halaman=\(value)",
                             "/pemda/99.71/dpa?tahun=\(value)", "/pemda/99.71/rkt/\(unit)?tahun=\(value)",
                             "/pemda/99.71/jadwal?tahun=\(value)", "/kotak-masuk?tahun=\(value)",
                             "/pemda/99.71/audit?halaman=\(value)", "/publik/pk?pemda=99.71&tahun=\(value)&halaman=\(value)",
                             "/pemda/99.71/pk/unduh.zip?tahun=\(value)"]
                {
                    let res = try await get(app, path, &admin)
                    #expect(res.status.code < 500, "\(path): \(res.status)")
                }
                let jadwal = try await post(app, "/pemda/99.71/jadwal?tahun=\(value)", &admin,
                                            ["tahap": "lkjip", "dibuka": "2027-01-02", "ditutup": "2027-02-28"])
                #expect(jadwal.status.code < 500, "jadwal tahun=\(value): \(jadwal.status)")
                let pagu = try await post(app, "/pemda/99.71/pengaturan", &admin,
                                          ["nama": "Kota Contoh", "tempat": "Kota Contoh", "sebutan": "Wali Kota",
                                           "skala": "lkjip-5", "batas": value])
                #expect(pagu.status.code < 500, "batas=\(value): \(pagu.status)")
            }
            try await alive(app)
        }
    }

    @Test func only_the_holder_in_person_signs_and_a_person_has_one_account() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            var verifier = try await signedIn(app, as: "verifikator")
            let kd = try #require(try await Jabatan.query(on: app.db).filter(\.$level == .kepalaDaerah).first())
            let holder = try #require(try await PositionHolder.find(jabatanID: kd.id!, on: TestClock.today, db: app.db))
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &admin, ["jabatan": kd.id!.uuidString, "tahun": "2026"])
            let pk = String(try #require(drafted.headers.first(name: .location)?.split(separator: "/").last))
            #expect(try await post(app, "/pemda/99.71/pk/\(pk)/aksi", &admin, ["aksi": "ajukan"]).status == .seeOther)
            _ = try await get(app, "/pemda/99.71/pk/\(pk)", &verifier)
            #expect(try await post(app, "/pemda/99.71/pk/\(pk)/aksi", &verifier, ["aksi": "setujui"]).status == .seeOther)

            // An account bound to the Walikota's position but to no person: it may sign in, never sign.
            _ = try await get(app, "/pemda/99.71/pengguna/baru", &admin)
            let minted = try await post(app, "/pemda/99.71/pengguna/baru", &admin, [
                "namaPengguna": "tiruan.walikota", "nama": "Tiruan", "nip": "", "peran": "pejabat",
                "jabatan": kd.id!.uuidString, "pegawai": "", "kataSandi": "Sementara2026x!"])
            #expect(minted.status == .seeOther, "\(minted.text.prefix(400))")
            let user = try #require(try await AppUser.query(on: app.db).filter(\.$username == "tiruan.walikota").first())
            try await UserWriter.setPassword(userID: user.requireID(), passwordHash: try await app.password.async.hash("Sementara2026x!"),
                                             mustChange: false, audit: .system, on: app.db)
            var impostor = try await signedIn(app, as: "tiruan.walikota", password: "Sementara2026x!")
            _ = try await get(app, "/pemda/99.71/pk/\(pk)", &impostor)
            let forged = try await post(app, "/pemda/99.71/pk/\(pk)/tandatangani", &impostor,
                                        ["pihak": "pihakPertama", "kataSandi": "Sementara2026x!"])
            #expect(forged.status == .forbidden, "\(forged.status)")
            #expect(try await Pk.find(UUID(uuidString: pk)!, on: app.db)?.status == .disetujui)
            #expect(try await PkSignature.query(on: app.db).count() == 0)

            // A second account for the Walikota in person is refused with the reason beside the field.
            _ = try await get(app, "/pemda/99.71/pengguna/baru", &admin)
            let second = try await post(app, "/pemda/99.71/pengguna/baru", &admin, [
                "namaPengguna": "walikota.dua", "nama": "Walikota Dua", "nip": "", "peran": "pejabat",
                "jabatan": kd.id!.uuidString, "pegawai": holder.pegawaiID.uuidString, "kataSandi": "Sementara2026x!"])
            #expect(second.status == .conflict && second.text.contains("satu orang satu akun"), "\(second.status)")
            #expect(second.text.contains("id=\"pegawai-error\""))
            #expect(try await AppUser.query(on: app.db).filter(\.$username == "walikota.dua").count() == 0)

            // The Walikota's own account signs.
            var walikota = try await signedIn(app, as: "walikota")
            _ = try await get(app, "/pemda/99.71/pk/\(pk)", &walikota)
            let signed = try await post(app, "/pemda/99.71/pk/\(pk)/tandatangani", &walikota,
                                        ["pihak": "pihakPertama", "kataSandi": DemoAccounts.password])
            #expect(signed.status == .seeOther)
        }
    }

    @Test func codes_that_could_write_headers_or_paths_are_refused_and_headers_are_encoded() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let dinkes = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            _ = try await get(app, "/pemda/99.71/unit/baru", &admin)
            for code in ["1.02\r\nX-Injected: 1", "1.02\"x", "../../etc", "1.02 0", "1.02/3", String(repeating: "1", count: 41)] {
                let res = try await post(app, "/pemda/99.71/unit/baru", &admin,
                                         ["kode": code, "nama": "Unit Uji", "jenis": "bidang", "induk": "", "bidang": ""])
                #expect(res.status == .unprocessableEntity && res.text.contains("id=\"kode-error\""), "\(code.debugDescription)")
            }
            let edit = try await post(app, "/pemda/99.71/unit/\(dinkes.id!.uuidString)/ubah", &admin,
                                      ["kode": "1.02\r\nSet-Cookie: x=1", "nama": dinkes.name, "jenis": "dinas", "induk": "",
                                       "bidang": dinkes.bidangCodes])
            #expect(edit.status == .unprocessableEntity)
            #expect(try await KinerjaStore.Unit.find(dinkes.id!, on: app.db)?.code == dinkes.code)

            // A code stored before the check (an older import) still cannot reach a header or a ZIP path.
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
            let published = try #require(try await Pk.query(on: app.db).filter(\.$status == .diterbitkan)
                .filter(\.$unit.$id != nil).first())
            try await app.db.sql.raw("""
                UPDATE unit SET code = \(bind: "../1.02\"\r\nX-Injected: 1") WHERE id = \(bind: published.$unit.id!)
                """).run()
            try await PemdaStructure.bump(pemda.id, on: app.db)
            var visitor = Browser()
            let pdf = try await get(app, "/publik/pk/\(published.id!.uuidString)/pdf", &visitor)
            #expect(pdf.status == .ok)
            #expect(pdf.headers.first(name: "X-Injected") == nil)
            let disposition = try #require(pdf.headers.first(name: .contentDisposition))
            #expect(!disposition.contains("\r") && !disposition.contains("\n") && disposition.contains("filename*=UTF-8''"))
            #expect(!disposition.contains("../"))
            let zip = try await get(app, "/pemda/99.71/pk/unduh.zip?tahun=2026", &admin)
            #expect(zip.status == .ok)
            #expect(try zipNames(zip.data).allSatisfy { !$0.contains("/") && !$0.contains("..") && !$0.contains("\"") })

            // The nomenclature version code is a code too.
            var superAdmin = try await superAdmin(app)
            _ = try await get(app, "/nomenklatur/impor", &superAdmin)
            let version = try await upload(app, "/nomenklatur/impor", &superAdmin,
                                           file: Array("code,level,name,jenis_pemda\n1,urusan,Wajib,PROV|KABKOT\n".utf8),
                                           field: "berkas", fields: ["kode": "V1\r\nX-Injected: 1", "nama": "Uji",
                                                                     "dasar": "Permendagri uji", "tahun": "2028"])
            #expect(version.status == .unprocessableEntity && version.headers.first(name: "X-Injected") == nil)
            try await alive(app)
        }
    }

    @Test func hostile_names_render_as_text_on_every_page_head_included() async throws {
        try await withDemoApp { app in
            let hostile = #"">'<meta http-equiv="refresh" content="0;url=//evil.example"><base href="//evil.example/">"#
            let sql = try app.db.sql
            for table in ["pemda", "unit", "jabatan", "pegawai"] {
                try await sql.raw("UPDATE \(ident: table) SET name = name || \(bind: hostile)").run()
            }
            let pemda = try #require(try await PemdaQueries.info(code: "99.71", on: app.db))
            try await PemdaStructure.bump(pemda.id, on: app.db)
            _ = try await DemoPk.run(pemdaID: pemda.id, year: 2026, keyring: app.config.keyring, on: app.db)
            let published = try #require(try await Pk.query(on: app.db).filter(\.$status == .diterbitkan).first()).id!.uuidString
            // The round drafts some PKs and leaves them so: one of them for the draft's pages.
            let draftPk = try #require(try await Pk.query(on: app.db).filter(\.$status == .draf).filter(\.$unit.$id != nil).first())
            let draft = draftPk.id!.uuidString
            let unit = try #require(draftPk.$unit.id).uuidString
            var admin = try await signedIn(app, as: "admin")
            var visitor = Browser()
            let publicPages = ["/", "/publik/pk?pemda=99.71&tahun=2026", "/verifikasi/\(published)"]
            let signedPages = ["/", "/pemda/99.71", "/pemda/99.71/unit", "/pemda/99.71/jabatan", "/pemda/99.71/pegawai",
                               "/pemda/99.71/pk?tahun=2026", "/pemda/99.71/pk/\(published)", "/pemda/99.71/pk/\(published)/cetak",
                               "/pemda/99.71/pk/\(draft)", "/pemda/99.71/pk/\(draft)/cetak", "/kotak-masuk?tahun=2026",
                               "/pemda/99.71/rpjmd", "/pemda/99.71/renstra/\(unit)", "/pemda/99.71/rkt/\(unit)?tahun=2026",
                               "/pemda/99.71/dpa?tahun=2026", "/pemda/99.71/audit", "/pemda/99.71/pengguna",
                               "/pemda/99.71/pengguna/baru", "/pemda/99.71/jadwal", "/pemda/99.71/pengaturan",
                               "/pemda/99.71/pk/pengaturan", "/pemda/99.71/unit/\(unit)/ubah"]
            for (path, browser) in publicPages.map({ ($0, "visitor") }) + signedPages.map({ ($0, "admin") }) {
                let page = browser == "visitor" ? try await get(app, path, &visitor) : try await get(app, path, &admin)
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(!page.text.contains("<meta http-equiv") && !page.text.contains("<base"), "\(path) lets a name write a tag")
                #expect(page.text.contains("&lt;base"), "\(path) shows a hostile name, as text")
            }
            try await alive(app)
        }
    }

    @Test func a_long_form_posts() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let dinkes = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let drafted = try await post(app, "/pemda/99.71/pk/baru", &admin, ["jabatan": dinkes.id!.uuidString, "tahun": "2026"])
            let pk = String(try #require(drafted.headers.first(name: .location)?.split(separator: "/").last))
            let row = try #require(try await PkRow.query(on: app.db).filter(\.$pk.$id == UUID(uuidString: pk)!).first())
            // Over 8 KB of sasaran: the token sits after it in the body and is still read.
            let sasaran = String(repeating: "Meningkatnya derajat kesehatan masyarakat. ", count: 200)
            var fields = ["baris[\(row.id!.uuidString)][sasaran]": sasaran, "aksi": "simpan",
                          "baris[\(row.id!.uuidString)][target]": TargetDisplay.text(row.target, spec: row.spec)]
            for n in 1...4 { fields["baris[\(row.id!.uuidString)][tw\(n)]"] = "" }
            _ = try await get(app, "/pemda/99.71/pk/\(pk)", &admin)
            let saved = try await post(app, "/pemda/99.71/pk/\(pk)/tabel", &admin, fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            #expect(try await PkRow.find(row.id!, on: app.db)?.sasaran == sasaran.trimmingCharacters(in: .whitespaces))
            // Past what any field holds, a clear message, and nothing written.
            fields["baris[\(row.id!.uuidString)][sasaran]"] = String(repeating: "x", count: Limits.longText + 1)
            let tooLong = try await post(app, "/pemda/99.71/pk/\(pk)/tabel", &admin, fields)
            #expect(tooLong.status == .unprocessableEntity && tooLong.text.contains("terlalu panjang"))
            #expect(try await PkRow.find(row.id!, on: app.db)?.sasaran == sasaran.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func every_input_is_bounded() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let long = String(repeating: "a", count: Limits.shortText + 1)
            _ = try await get(app, "/pemda/99.71/unit/baru", &admin)
            let unit = try await post(app, "/pemda/99.71/unit/baru", &admin,
                                      ["kode": "9.99", "nama": long, "jenis": "bidang", "induk": "", "bidang": ""])
            #expect(unit.status == .unprocessableEntity && unit.text.contains("terlalu panjang"))
            let pegawai = try await post(app, "/pemda/99.71/pegawai/baru", &admin,
                                         ["nip": "", "nama": long, "pangkat": ""])
            #expect(pegawai.status.code == 422 || pegawai.status.code == 400)
            let jabatan = try await post(app, "/pemda/99.71/jabatan/baru", &admin,
                                         ["nama": long, "tingkat": "pengawas", "eselon": "", "unit": "", "atasan": ""])
            #expect(jabatan.status == .unprocessableEntity && jabatan.text.contains("terlalu panjang"))
            var superAdmin = try await superAdmin(app)
            _ = try await get(app, "/nomenklatur/impor", &superAdmin)
            let name = String(repeating: "n", count: 3_000)
            let nomenclature = try await upload(app, "/nomenklatur/impor", &superAdmin,
                                                file: Array("code,level,name,jenis_pemda\n1,urusan,\(name),PROV|KABKOT\n".utf8),
                                                field: "berkas", fields: ["kode": "V2030", "nama": "Uji", "dasar": "Permendagri uji",
                                                                          "tahun": "2028"])
            #expect(nomenclature.status == .unprocessableEntity && nomenclature.text.contains("terlalu panjang"))
            #expect(try await NomenklaturVersion.query(on: app.db).filter(\.$code == "V2030").count() == 0)
        }
    }

    @Test func a_duplicate_nip_is_a_field_message_not_a_server_error() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let someone = try #require(try await Pegawai.query(on: app.db).filter(\.$nip != nil).first())
            _ = try await get(app, "/pemda/99.71/pegawai/baru", &admin)
            let res = try await post(app, "/pemda/99.71/pegawai/baru", &admin,
                                     ["nip": someone.nip!, "nama": "Orang Lain, S.E.", "pangkat": ""])
            #expect(res.status == .conflict && res.text.contains("id=\"nip-error\"") && res.text.contains("sudah terdaftar"))
            #expect(!res.text.lowercased().contains("unique") && !res.text.contains("constraint"))
        }
    }

    @Test func audit_csv_cells_cannot_run_as_formulas() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let user = try #require(try await AppUser.query(on: app.db).filter(\.$username == "sekdinkes").first()).id!.uuidString
            _ = try await get(app, "/pemda/99.71/pengguna", &admin)
            let reasons = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)"]
            for (n, reason) in reasons.enumerated() {
                let res = try await post(app, "/pemda/99.71/pengguna/\(user)/status", &admin,
                                         ["aktif": n % 2 == 0 ? "0" : "1", "alasan": reason])
                #expect(res.status == .seeOther, "\(res.status)")
            }
            let csv = try await get(app, "/pemda/99.71/audit.csv?entitas=app_user", &admin).text
            let rows = Self.csvRows(csv)
            let reasonColumn = try #require(rows.first?.firstIndex(of: "alasan"))
            let written = rows.dropFirst().compactMap { $0.count > reasonColumn ? $0[reasonColumn] : nil }
            for reason in reasons { #expect(written.contains("'" + reason), "\(reason) is kept, as text") }
            for cell in rows.dropFirst().joined() {
                #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "cell \(cell) could run")
            }
        }
    }

    /// RFC 4180 rows: quoted cells may hold commas, quotes and line breaks.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\n" || c == "\r\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else if c != "\r" { cell.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test func locked_or_not_an_unknown_name_is_answered_as_a_known_one() async throws {
        try await withDemoApp { app in
            func attempts(_ login: String) async throws -> [(HTTPStatus, String)] {
                var browser = Browser()
                _ = try await get(app, "/masuk", &browser)
                var answers: [(HTTPStatus, String)] = []
                for _ in 0..<7 {
                    let res = try await post(app, "/masuk", &browser, ["login": login, "password": "salah-sekali-123"])
                    let message = try #require(res.text.range(of: #"role="alert">[^<]*<"#, options: .regularExpression))
                    answers.append((res.status, String(res.text[message]).replacingOccurrences(of: login, with: "")))
                }
                return answers
            }
            let known = try await attempts("inspektorat")
            let unknown = try await attempts("tidak.ada.orangnya")
            #expect(known.map(\.0) == unknown.map(\.0))
            #expect(known.map(\.1) == unknown.map(\.1))
            #expect(known.last?.1.contains("Terlalu banyak percobaan") == true)
        }
    }

    @Test func the_current_password_check_is_throttled_with_sign_in_failures() async throws {
        try await withDemoApp { app in
            var browser = try await signedIn(app, as: "inspektorat")
            _ = try await get(app, "/akun/kata-sandi", &browser)
            var last: TestingHTTPResponse?
            for _ in 0..<6 {
                last = try await post(app, "/akun/kata-sandi", &browser,
                                      ["lama": "tebakan-salah-1", "baru": "KataSandiBaru2026!", "ulangi": "KataSandiBaru2026!"])
            }
            #expect(last?.text.contains("Terlalu banyak percobaan") == true)
            // Now even the right password waits, and signing in elsewhere is locked too.
            let right = try await post(app, "/akun/kata-sandi", &browser,
                                       ["lama": DemoAccounts.password, "baru": "KataSandiBaru2026!", "ulangi": "KataSandiBaru2026!"])
            #expect(right.text.contains("Terlalu banyak percobaan"))
            var elsewhere = Browser()
            _ = try await get(app, "/masuk", &elsewhere)
            let signIn = try await post(app, "/masuk", &elsewhere, ["login": "inspektorat", "password": DemoAccounts.password])
            #expect(signIn.status == .unauthorized && signIn.text.contains("Terlalu banyak percobaan"))
        }
    }

    @Test func only_an_admin_lists_accounts() async throws {
        try await withDemoApp { app in
            for user in ["inspektorat", "verifikator", "operator.dinkes", "walikota", "kadinkes"] {
                var browser = try await signedIn(app, as: user)
                #expect(try await get(app, "/pemda/99.71/pengguna", &browser).status == .forbidden, "\(user)")
            }
            var admin = try await signedIn(app, as: "admin")
            #expect(try await get(app, "/pemda/99.71/pengguna", &admin).status == .ok)
        }
    }

    @Test func the_forbidden_page_keeps_the_signed_in_header() async throws {
        try await withDemoApp { app in
            var inspektorat = try await signedIn(app, as: "inspektorat")
            let res = try await get(app, "/pemda/99.71/pengguna", &inspektorat)
            #expect(res.status == .forbidden)
            #expect(res.text.contains("action=\"/keluar\"") && res.text.contains("Auditor Inspektorat"))
            #expect(res.text.contains("aria-label=\"Menu Kota Contoh\""), "the Pemda's menu is still there")
        }
    }
}

/// Sends a file with other fields as `multipart/form-data`, with the session's form token.
func upload(_ app: Application, _ path: String, _ browser: inout Browser, file: [UInt8], field: String,
            fields: [String: String], filename: String = "data.csv", contentType: String = "text/csv") async throws
    -> TestingHTTPResponse
{
    let boundary = "kinerja-\(UUID().uuidString)"
    var body = ByteBuffer()
    for (name, value) in fields.merging(["_csrf": browser.csrf ?? ""], uniquingKeysWith: { a, _ in a }) {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
    body.writeString("Content-Type: \(contentType)\r\n\r\n")
    body.writeBytes(file)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = browser.headers
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    let res = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    browser.remember(res)
    return res
}
