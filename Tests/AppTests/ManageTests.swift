import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

@Suite(.serialized)
struct ManageTests {
    @Test func an_admin_creates_a_unit_and_a_position_and_both_are_in_the_audit_trail() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            #expect(try await get(app, "/pemda/99.71/unit", &admin).text.contains("Tambah unit"))
            #expect(try await get(app, "/pemda/99.71", &admin).text.contains("Jejak audit"))
            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            #expect(!(try await get(app, "/pemda/99.71/unit", &operatorOpd).text.contains("Tambah unit")))
            #expect(!(try await get(app, "/pemda/99.71", &operatorOpd).text.contains("Jejak audit")))
            let form = try await get(app, "/pemda/99.71/unit/baru", &admin)
            #expect(form.status == .ok)
            #expect(form.text.contains("<label for=\"kode\">Kode unit</label>"))
            let created = try await post(app, "/pemda/99.71/unit/baru", &admin, [
                "kode": "1.02.0.00.0.00.01.0000.09", "nama": "UPTD Puskesmas Kota Lama", "jenis": "uptd", "induk": "",
                "bidang": "1.02"])
            #expect(created.status == .seeOther)
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "UPTD Puskesmas Kota Lama").first())
            let position = try await post(app, "/pemda/99.71/jabatan/baru", &admin, [
                "nama": "Kepala UPTD Puskesmas Kota Lama", "tingkat": "pengawas", "eselon": "IV.a",
                "unit": unit.id!.uuidString, "atasan": ""])
            // A position other than the Kepala Daerah's needs a superior: the form says so beside the field.
            #expect(position.status == .unprocessableEntity)
            #expect(position.text.contains("id=\"atasan-error\""))
            #expect(position.text.contains("harus memiliki atasan langsung"))
            let kepala = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let fixed = try await post(app, "/pemda/99.71/jabatan/baru", &admin, [
                "nama": "Kepala UPTD Puskesmas Kota Lama", "tingkat": "pengawas", "eselon": "IV.a",
                "unit": unit.id!.uuidString, "atasan": kepala.id!.uuidString])
            #expect(fixed.status == .seeOther)

            let audit = try await get(app, "/pemda/99.71/audit", &admin)
            #expect(audit.status == .ok)
            #expect(audit.text.contains("UPTD Puskesmas Kota Lama"))
            let events = try await AuditEvent.query(on: app.db).filter(\.$username != "sistem").sort(\.$at).all()
            #expect(events.map(\.entity) == ["unit", "jabatan"])
            #expect(events.allSatisfy { $0.username == "admin" && $0.before == nil && !$0.requestID.isEmpty })
            #expect(events[1].after?.contains("Kepala UPTD Puskesmas Kota Lama") == true)

            let csv = try await get(app, "/pemda/99.71/audit.csv?entitas=jabatan", &admin)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("waktu,pengguna,nama,id_permintaan,entitas") == true)
            #expect(lines.count == 2)
            #expect(lines[1].contains(",admin,"))
        }
    }

    @Test func a_bad_nip_gets_its_message_beside_the_field_and_nothing_is_written() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let before = try await Pegawai.query(on: app.db).count()
            let res = try await post(app, "/pemda/99.71/pegawai/baru", &admin, [
                "nip": "19700101 199003 1 00", "nama": "Dra. Siti Aminah, M.Si.", "pangkat": "Pembina (IV/a)"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("NIP harus 18 digit angka (tertulis 17 digit)."))
            #expect(res.text.contains("id=\"nip-error\""))
            #expect(res.text.contains("value=\"Dra. Siti Aminah, M.Si.\""), "what was typed is kept")
            #expect(try await Pegawai.query(on: app.db).count() == before)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$username != "sistem").count() == 0)
            let ok = try await post(app, "/pemda/99.71/pegawai/baru", &admin, [
                "nip": "19700101 199003 2 001", "nama": "Dra. Siti Aminah, M.Si.", "pangkat": "Pembina (IV/a)"])
            #expect(ok.status == .seeOther)
            #expect(try await Pegawai.query(on: app.db).count() == before + 1)
        }
    }

    /// Every role against every write route and restricted page: allowed pairs succeed, others are refused (403, or a
    /// redirect to sign in) and write nothing.
    @Test func roles_by_actions_matrix() async throws {
        try await withDemoApp { app in
            let pemda = try #require(try await PemdaQueries.find(code: "99.71", on: app.db))
            let pemdaID = try pemda.requireID()
            let kepalaDinkes = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let somePegawai = try #require(try await Pegawai.query(on: app.db).filter(\.$nip != nil).first()?.id?.uuidString)
            let hash = try await app.password.async.hash(DemoAccounts.password)
            // The demo has "walikota" (Kepala Daerah, bound to the Walikota's position) and "kadinkes" (pejabat bound
            // to Kepala Dinas Kesehatan); "verif" is a verifikator bound to nothing.
            try await UserWriter.create(UserWriter.NewUser(pemdaID: pemdaID, username: "verif", displayName: "verif",
                                                           roles: [.verifikator]), passwordHash: hash, on: app.db)
            let other = Pemda(code: "98.001", name: "Kabupaten Lain", kind: .kabupaten, seat: "Lain")
            try await other.create(on: app.db)
            try await UserWriter.create(UserWriter.NewUser(pemdaID: other.id, username: "admin.lain", displayName: "Admin Lain",
                                                           roles: [.adminPemda]), passwordHash: hash, on: app.db)
            let spare = try await UserWriter.create(UserWriter.NewUser(pemdaID: pemdaID, username: "cadangan", displayName: "Cadangan",
                                                                       roles: [.verifikator]), passwordHash: hash, on: app.db)
            let dinkes = try #require(try await Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let renstra = try #require(try await Renstra.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).first())
            let sasaran = try #require(try await RenstraSasaran.query(on: app.db).filter(\.$renstra.$id == renstra.requireID()).first())
            let indikator = try #require(try await Indikator.query(on: app.db).filter(\.$ownerID == sasaran.requireID()).first())
            let periode = try #require(try await PeriodeRpjmd.query(on: app.db).first())
            let renstraPage = "/pemda/99.71/renstra/\(dinkes.id!.uuidString)/kelola"

            enum Outcome { case ok, forbidden, signIn }
            struct Route { var method: HTTPMethod; var path: String; var fields: [String: String] = [:] }
            let routes = [
                Route(method: .GET, path: "/pemda/99.71/unit/baru"),
                Route(method: .POST, path: "/pemda/99.71/unit/baru",
                      fields: ["kode": "X.99", "nama": "Unit Uji", "jenis": "bidang", "induk": "", "bidang": ""]),
                Route(method: .POST, path: "/pemda/99.71/jabatan/baru",
                      fields: ["nama": "Jabatan Uji", "tingkat": "pengawas", "eselon": "IV.a", "unit": "",
                               "atasan": kepalaDinkes.id!.uuidString]),
                Route(method: .POST, path: "/pemda/99.71/pegawai/baru",
                      fields: ["nip": "198505052010012001", "nama": "Pegawai Uji", "pangkat": ""]),
                Route(method: .GET, path: "/pemda/99.71/audit"),
                Route(method: .GET, path: "/pemda/99.71/audit.csv"),
                Route(method: .GET, path: "/pemda/99.71/rpjmd"),
                Route(method: .POST, path: "/pemda/99.71/penugasan/baru",
                      fields: ["pegawai": somePegawai, "jabatan": kepalaDinkes.id!.uuidString, "jenis": "plh",
                               "mulai": "2026-11-20", "selesai": "2026-11-21", "sk": "SP 1"]),
                Route(method: .GET, path: "/pemda/99.71/pengguna"),
                Route(method: .GET, path: "/pemda/99.71/jadwal"),
                Route(method: .POST, path: "/pemda/99.71/jadwal?tahun=2026",
                      fields: ["tahap": "lkjip", "dibuka": "2027-01-02", "ditutup": "2027-02-28"]),
                Route(method: .GET, path: "/pemda/99.71/rpjmd/kelola"),
                Route(method: .POST, path: "/pemda/99.71/rpjmd/kelola/misi",
                      fields: ["periode": periode.id!.uuidString, "teks": "Misi uji"]),
                Route(method: .GET, path: renstraPage),
                Route(method: .POST, path: "\(renstraPage)/sasaran", fields: ["rpjmd": "", "teks": "Sasaran uji"]),
                Route(method: .POST, path: "/pemda/99.71/indikator/\(indikator.id!.uuidString)",
                      fields: IndikatorController.formValues(of: indikator).merging(["sumber": "Sumber uji"]) { $1 }),
                Route(method: .POST, path: "/pemda/99.71/pengaturan",
                      fields: ["nama": "Kota Contoh", "tempat": "Kota Contoh", "sebutan": "Wali Kota",
                               "skala": "lkjip-5", "batas": "120"]),
                Route(method: .GET, path: "/nomenklatur?q=imunisasi"),
                Route(method: .POST, path: "/pemda/99.71/pengguna/\(spare.uuidString)/status",
                      fields: ["aktif": "0", "alasan": "Uji"]),
                Route(method: .POST, path: "/pemda/99.71/unit/\(dinkes.id!.uuidString)/ubah",
                      fields: ["kode": dinkes.code, "nama": "Dinas Kesehatan", "jenis": "dinas", "induk": "",
                               "bidang": dinkes.bidangCodes]),
                Route(method: .GET, path: "/pemda/99.71/pegawai"),
                Route(method: .GET, path: "/pemda/99.71/pk?tahun=2026"),
                Route(method: .POST, path: "/pemda/99.71/pk/hardcopy",
                      fields: ["jabatan": kepalaDinkes.id!.uuidString, "tahun": "2026", "diterima": "2026-02-10", "catatan": ""]),
            ]
            // Rows: users; columns: the routes above, in order.
            let expected: [(String?, [Outcome])] = [
                (nil, [.signIn, .signIn, .signIn, .signIn, .signIn, .signIn, .ok, .signIn, .signIn, .signIn, .signIn,
                    .signIn, .signIn, .signIn, .signIn, .signIn, .signIn, .ok, .signIn, .signIn, .signIn, .signIn, .signIn]),
                ("admin", [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok,
                    .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok]),
                ("inspektorat", [.forbidden, .forbidden, .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .forbidden, .ok, .forbidden,
                    .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .ok, .forbidden]),
                ("operator.dinkes", [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .forbidden,
                    .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .ok, .forbidden, .forbidden, .ok, .ok, .forbidden]),
                ("walikota", [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .forbidden,
                    .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .ok, .forbidden]),
                ("verif", [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .forbidden,
                    .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .ok, .forbidden]),
                ("kadinkes", [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .ok, .forbidden,
                    .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .ok, .forbidden, .forbidden, .ok, .ok, .forbidden]),
                ("admin.lain", [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .forbidden,
                    .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden]),
            ]
            for (user, outcomes) in expected {
                try #require(outcomes.count == routes.count, "one outcome per route for \(user ?? "anonim")")
                var browser = Browser()
                if let user { browser = try await signedIn(app, as: user) } else { _ = try await get(app, "/masuk", &browser) }
                for (route, outcome) in zip(routes, outcomes) {
                    // Every write is audited, so the number of audit events tells whether anything was written.
                    let rows = try await AuditEvent.query(on: app.db).count()
                    let res = route.method == .GET ? try await get(app, route.path, &browser)
                        : try await post(app, route.path, &browser, route.fields)
                    let label = "\(user ?? "anonim") \(route.method) \(route.path)"
                    switch outcome {
                    case .ok:
                        #expect(res.status == .ok || res.status == .seeOther, "\(label): \(res.status)")
                    case .forbidden:
                        #expect(res.status == .forbidden, "\(label): \(res.status)")
                        #expect(!res.text.contains("Formulir ini kedaluwarsa"), "\(label): refused by the policy, not the form token")
                    case .signIn:
                        #expect(res.status == .seeOther, "\(label): \(res.status)")
                        #expect(res.headers.first(name: .location)?.hasPrefix("/masuk?next=") == true, "\(label)")
                    }
                    if outcome != .ok {
                        let after = try await AuditEvent.query(on: app.db).count()
                        #expect(after == rows, "\(label) wrote despite refusal")
                    }
                }
            }
        }
    }
}

@Suite(.serialized)
struct PenugasanFormTests {
    @Test func a_definitive_holder_blocks_a_second_one_but_a_plh_may_stand_in() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let kepala = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let held = try #require(try await Penugasan.query(on: app.db).filter(\.$jabatan.$id == kepala.id!).first())
            let other = try #require(try await Pegawai.query(on: app.db).filter(\.$id != held.$pegawai.id)
                .filter(\.$nip != nil).first())
            let before = try await Penugasan.query(on: app.db).count()
            #expect(try await get(app, "/pemda/99.71/penugasan/baru", &admin).status == .ok)
            let clash = try await post(app, "/pemda/99.71/penugasan/baru", &admin, [
                "pegawai": other.id!.uuidString, "jabatan": kepala.id!.uuidString, "jenis": "definitif",
                "mulai": "2026-09-01", "selesai": "", "sk": "821.2/999/BKPSDM/2026"])
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("Jabatan ini sudah dijabat secara definitif sejak"))
            let badDate = try await post(app, "/pemda/99.71/penugasan/baru", &admin, [
                "pegawai": other.id!.uuidString, "jabatan": kepala.id!.uuidString, "jenis": "plh",
                "mulai": "2026-02-30", "selesai": "", "sk": "SP 1"])
            #expect(badDate.text.contains("id=\"mulai-error\""))
            #expect(try await Penugasan.query(on: app.db).count() == before)
            let plh = try await post(app, "/pemda/99.71/penugasan/baru", &admin, [
                "pegawai": other.id!.uuidString, "jabatan": kepala.id!.uuidString, "jenis": "plh",
                "mulai": "2026-11-20", "selesai": "2026-11-27", "sk": "Surat Perintah 800/77/2026"])
            #expect(plh.status == .seeOther)
            let page = try await get(app, "/pemda/99.71/jabatan?tanggal=2026-11-23", &admin)
            #expect(page.text.contains("Plh."))
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "penugasan").first())
            #expect(event.unitID == kepala.$unit.id, "filed under the position's unit")
        }
    }
}
