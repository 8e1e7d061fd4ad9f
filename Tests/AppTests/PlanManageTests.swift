import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// The plan management pages: each form writes through the rules, a refused form keeps what was typed, and every
/// change lands in the audit trail with the person who made it.
@Suite(.serialized)
struct PlanManageTests {
    func unit(_ app: Application, _ name: String) async throws -> KinerjaStore.Unit {
        try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == name).first())
    }

    @Test func an_admin_grows_the_rpjmd_tree_and_a_refused_form_keeps_its_text() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let page = try await get(app, "/pemda/99.71/rpjmd/kelola", &admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("Tambah tujuan"))
            let misi = try #require(try await Misi.query(on: app.db).sort(\.$number).first())
            let before = try await Tujuan.query(on: app.db).filter(\.$misi.$id == misi.requireID()).count()

            let empty = try await post(app, "/pemda/99.71/rpjmd/kelola/tujuan", &admin, ["misi": misi.id!.uuidString, "teks": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Rumusan tujuan wajib diisi."))
            #expect(empty.text.contains("id=\"tujuan-teks-error\""))

            let added = try await post(app, "/pemda/99.71/rpjmd/kelola/tujuan", &admin,
                                       ["misi": misi.id!.uuidString, "teks": "Meningkatnya daya saing UMKM"])
            #expect(added.status == .seeOther)
            let tujuan = try #require(try await Tujuan.query(on: app.db).filter(\.$text == "Meningkatnya daya saing UMKM").first())
            #expect(tujuan.number == before + 1)

            let overlap = try await post(app, "/pemda/99.71/rpjmd/kelola/periode", &admin, [
                "awal": "2027", "akhir": "2031", "perda": "Perda 9/2026", "tanggal": "2026-12-01", "visi": "Kota yang lebih maju"])
            #expect(overlap.status == .unprocessableEntity)
            #expect(overlap.text.contains("bertumpang tindih"))
            #expect(overlap.text.contains("Kota yang lebih maju"), "the typed visi is shown again")

            let events = try await AuditEvent.query(on: app.db).filter(\.$username == "admin").all()
            #expect(events.map(\.entity) == ["tujuan"])
            #expect(events.first?.after?.contains("daya saing UMKM") == true)

            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            #expect(try await get(app, "/pemda/99.71/rpjmd/kelola", &operatorOpd).status == .forbidden)
            let refused = try await post(app, "/pemda/99.71/rpjmd/kelola/misi", &operatorOpd,
                                         ["periode": misi.$periode.id.uuidString, "teks": "Misi liar"])
            #expect(refused.status == .forbidden)
            #expect(try await Misi.query(on: app.db).filter(\.$text == "Misi liar").count() == 0)
        }
    }

    @Test func an_operator_adds_to_their_own_renstra_by_code_and_never_to_another() async throws {
        try await withDemoApp { app in
            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            let dinkes = try await unit(app, "Dinas Kesehatan")
            let renstra = try #require(try await Renstra.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).first())
            let items = try await RenstraItem.query(on: app.db).filter(\.$renstra.$id == renstra.requireID()).all()
            let program = try #require(items.first { $0.level == .program })
            let index = try await NomenklaturIndex.load(versionCode: NomenklaturCatalog.sipd2027.code, jenisPemda: .kabkot,
                                                        on: app.db)
            let fresh = try #require(index.children(of: program.code).first { child in
                child.level == .kegiatan && !items.contains { $0.code == child.code }
            })
            let base = "/pemda/99.71/renstra/\(dinkes.id!.uuidString)/kelola"
            #expect(try await get(app, base, &operatorOpd).status == .ok)

            let foreignSasaran = try #require(try await RenstraSasaran.query(on: app.db).filter(\.$renstra.$id != renstra.requireID()).first())
            let program2 = try #require(index.all.first { e in e.level == .program && e.code.hasPrefix("1.02") && !items.contains { $0.code == e.code } })
            let foreign = try await post(app, "\(base)/item", &operatorOpd,
                                         ["kode": program2.code, "sasaran": foreignSasaran.id!.uuidString])
            #expect(foreign.status == .unprocessableEntity)
            #expect(foreign.text.contains("milik Renstra lain"))
            let orphan = try await post(app, "\(base)/item", &operatorOpd, ["kode": "1.02.99.2.01", "sasaran": ""])
            #expect(orphan.status == .unprocessableEntity)
            #expect(orphan.text.contains("Tambahkan dulu induknya, 1.02.99"))
            let added = try await post(app, "\(base)/item", &operatorOpd, ["kode": fresh.code, "sasaran": ""])
            #expect(added.status == .seeOther)
            let item = try #require(try await RenstraItem.query(on: app.db).filter(\.$renstra.$id == renstra.requireID())
                .filter(\.$code == fresh.code).first())
            #expect(item.name == fresh.name)
            #expect(item.$parent.id == program.id)

            let badPagu = try await post(app, "\(base)/pagu", &operatorOpd,
                                         ["item": item.id!.uuidString, "tahun": "2026", "pagu": "1.250,5"])
            #expect(badPagu.status == .unprocessableEntity)
            #expect(badPagu.text.contains("Rupiah penuh"))
            let pagu = try await post(app, "\(base)/pagu", &operatorOpd,
                                      ["item": item.id!.uuidString, "tahun": "2026", "pagu": "1.250.000.000"])
            #expect(pagu.status == .seeOther)
            #expect(try await RenstraPagu.query(on: app.db).filter(\.$item.$id == item.requireID()).first()?.amount == 1_250_000_000)

            let dikbud = try await unit(app, "Dinas Pendidikan")
            let other = "/pemda/99.71/renstra/\(dikbud.id!.uuidString)/kelola"
            #expect(try await get(app, other, &operatorOpd).status == .forbidden)
            let refused = try await post(app, "\(other)/sasaran", &operatorOpd, ["rpjmd": "", "teks": "Sasaran liar"])
            #expect(refused.status == .forbidden)
            #expect(try await RenstraSasaran.query(on: app.db).filter(\.$text == "Sasaran liar").count() == 0)

            let events = try await AuditEvent.query(on: app.db).filter(\.$username == "operator.dinkes").all()
            #expect(Set(events.map(\.entity)) == ["renstra_item", "renstra_pagu"])
            #expect(events.allSatisfy { $0.unitID == dinkes.id })
        }
    }

    @Test func an_indicator_is_edited_with_its_manual_and_bad_settings_are_refused() async throws {
        try await withDemoApp { app in
            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            let dinkes = try await unit(app, "Dinas Kesehatan")
            let renstra = try #require(try await Renstra.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).first())
            let sasaran = try #require(try await RenstraSasaran.query(on: app.db).filter(\.$renstra.$id == renstra.requireID()).first())
            let indikator = try #require(try await Indikator.query(on: app.db).filter(\.$ownerID == sasaran.requireID()).first())
            let path = "/pemda/99.71/indikator/\(indikator.id!.uuidString)"
            let form = try await get(app, path, &operatorOpd)
            #expect(form.status == .ok)
            #expect(form.text.contains(indikator.name))
            var fields = IndikatorController.formValues(of: indikator)
            fields["definisi"] = "Persentase balita ditimbang setiap bulan"
            fields["sumber"] = "e-PPGBM"
            fields["agregasi"] = "sum"
            fields["jenis"] = "ordinal"
            let bad = try await post(app, path, &operatorOpd, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"skala-error\""))
            #expect(bad.text.contains("Persentase balita ditimbang setiap bulan"), "typed text kept")
            #expect(try await Indikator.find(indikator.id, on: app.db)?.definition == indikator.definition)

            fields["jenis"] = indikator.kind.rawValue
            fields["agregasi"] = indikator.aggregation.rawValue
            let saved = try await post(app, path, &operatorOpd, fields)
            #expect(saved.status == .seeOther)
            let stored = try #require(try await Indikator.find(indikator.id, on: app.db))
            #expect(stored.definition == "Persentase balita ditimbang setiap bulan")
            #expect(stored.dataSource == "e-PPGBM")
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "indikator").first())
            #expect(event.action == .update && event.username == "operator.dinkes")
            #expect(event.after?.contains("e-PPGBM") == true && event.before?.contains("e-PPGBM") == false)

            let newForm = "/pemda/99.71/indikator/baru?pemilik=renstraSasaran&id=\(sasaran.id!.uuidString)"
            let created = try await post(app, newForm, &operatorOpd, [
                "kode": "IK-9", "nama": "Cakupan imunisasi dasar lengkap", "satuan": "%", "jenis": "percent",
                "polaritas": "positive", "rumusNegatif": "inverse", "agregasi": "last", "modeIsian": "perPeriod",
                "aturanPeringkat": "rankRatio", "bobot": "1", "awal": "91,5", "tahunAwal": "2024"])
            #expect(created.status == .seeOther)
            let imunisasi = try #require(try await Indikator.query(on: app.db).filter(\.$code == "IK-9").first())
            #expect(imunisasi.baselineValue == "91.5")

            // An RPJMD indicator belongs to no unit: an operator may not touch it.
            let iku = try #require(try await Indikator.query(on: app.db).filter(\.$ownerKind == .sasaranRpjmd).first())
            let refused = try await post(app, "/pemda/99.71/indikator/\(iku.id!.uuidString)", &operatorOpd,
                                         IndikatorController.formValues(of: iku).merging(["nama": "Diubah"]) { $1 })
            #expect(refused.status == .forbidden)
            #expect(try await Indikator.find(iku.id, on: app.db)?.name == iku.name)
        }
    }

    @Test func settings_nomenclature_search_and_a_disabled_account() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let empty = try await post(app, "/pemda/99.71/pengaturan", &admin,
                                       ["nama": "", "tempat": "Kota Contoh", "sebutan": "Wali Kota", "skala": "permendagri86-5", "batas": "none"])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Nama Pemda wajib diisi."))
            let saved = try await post(app, "/pemda/99.71/pengaturan", &admin,
                                       ["nama": "Kota Contoh", "tempat": "Kota Contoh", "sebutan": "Wali Kota",
                                        "skala": "permendagri86-5", "batas": "110"])
            #expect(saved.status == .seeOther)
            #expect(try await Pemda.query(on: app.db).filter(\.$code == "99.71").first()?.capaianCap == .at110)

            let search = try await get(app, "/nomenklatur?versi=SIPD-2027&jenis=KABKOT&q=imunisasi", &admin)
            #expect(search.status == .ok)
            #expect(search.text.contains("baris cocok"))
            #expect(search.text.lowercased().contains("imunisasi"))
            let byCode = try await get(app, "/nomenklatur?q=1.02.02", &admin)
            #expect(byCode.text.contains(">1.02.02<"))

            let units = try await get(app, "/pemda/99.71/unit?q=kesehatan", &admin)
            #expect(units.text.contains("Dinas Kesehatan"))
            #expect(!units.text.contains("Dinas Pendidikan"))

            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            let target = try #require(try await AppUser.query(on: app.db).filter(\.$username == "operator.dinkes").first())
            let noReason = try await post(app, "/pemda/99.71/pengguna/\(target.id!.uuidString)/status", &admin,
                                          ["aktif": "0", "alasan": ""])
            #expect(noReason.status == .unprocessableEntity)
            let off = try await post(app, "/pemda/99.71/pengguna/\(target.id!.uuidString)/status", &admin,
                                     ["aktif": "0", "alasan": "Pindah tugas"])
            #expect(off.status == .seeOther)
            // The open session stops working at once, and signing in again is refused.
            #expect(try await get(app, "/akun/kata-sandi", &operatorOpd).status != .ok)
            var again = Browser()
            _ = try await get(app, "/masuk", &again)
            let login = try await post(app, "/masuk", &again, ["login": "operator.dinkes", "password": DemoAccounts.password])
            #expect(login.status != .seeOther)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$reason == "Pindah tugas").first())
            #expect(event.before?.contains("\"active\":true") == true && event.after?.contains("\"active\":false") == true)

            let me = try #require(try await AppUser.query(on: app.db).filter(\.$username == "admin").first())
            let selfOff = try await post(app, "/pemda/99.71/pengguna/\(me.id!.uuidString)/status", &admin,
                                         ["aktif": "0", "alasan": "coba"])
            #expect(selfOff.status == .conflict)
            #expect(try await AppUser.find(me.id, on: app.db)?.active == true)
        }
    }
}

@Suite(.serialized)
struct SetupTests {
    @Test func only_the_super_admin_creates_a_pemda() async throws {
        try await withDemoApp { app in
            let hash = try await app.password.async.hash(DemoAccounts.password)
            try await UserWriter.create(UserWriter.NewUser(pemdaID: nil, username: "root", displayName: "Super Admin",
                                                           roles: [.superAdmin]), passwordHash: hash, mustChangePassword: false,
                                        on: app.db)
            var admin = try await signedIn(app, as: "admin")
            let fields = ["jenis": "kota", "kode": "33.74", "nama": "Kota Semarang", "tempat": "Semarang"]
            #expect(try await post(app, "/pemda/baru", &admin, fields).status == .forbidden)
            #expect(try await Pemda.query(on: app.db).filter(\.$code == "33.74").count() == 0)

            var root = try await signedIn(app, as: "root")
            #expect(try await get(app, "/", &root).text.contains("Tambah Pemda"))
            let badCode = try await post(app, "/pemda/baru", &root, fields.merging(["kode": "3374"]) { $1 })
            #expect(badCode.status == .unprocessableEntity)
            #expect(badCode.text.contains("NN.NN"))
            let taken = try await post(app, "/pemda/baru", &root, fields.merging(["kode": "99.71"]) { $1 })
            #expect(taken.text.contains("sudah dipakai"))
            let created = try await post(app, "/pemda/baru", &root, fields)
            #expect(created.headers.first(name: .location) == "/pemda/33.74/pengguna/baru")
            let pemda = try #require(try await Pemda.query(on: app.db).filter(\.$code == "33.74").first())
            #expect(pemda.kepalaDaerahTitle == "Walikota")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "pemda").filter(\.$username == "root").count() == 1)
            // A new Pemda has no RPJMD: the one who may build it is taken to where it is built.
            let rpjmd = try await get(app, "/pemda/33.74/rpjmd", &root)
            #expect(rpjmd.headers.first(name: .location) == "/pemda/33.74/rpjmd/kelola")
        }
    }

    @Test func an_rkt_is_drafted_from_the_renstra_with_its_indicators_and_targets() async throws {
        try await withDemoApp { app in
            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            let dinkes = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let page = "/pemda/99.71/rkt/\(dinkes.id!.uuidString)?tahun=2027"
            let empty = try await get(app, page, &operatorOpd)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Susun RKT dari Renstra"))
            let renstra = try #require(try await Renstra.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).first())
            let sasaran = try await RenstraSasaran.query(on: app.db).filter(\.$renstra.$id == renstra.requireID()).all()
            let source = try #require(try await Indikator.query(on: app.db).filter(\.$ownerID == sasaran[0].requireID()).first())
            let sourceTarget = try #require(try await IndikatorTarget.query(on: app.db).filter(\.$indikator.$id == source.requireID())
                .filter(\.$year == 2027).filter(\.$period == 0).first())

            let created = try await post(app, "/pemda/99.71/rkt/\(dinkes.id!.uuidString)/buat?tahun=2027", &operatorOpd, [:])
            #expect(created.status == .seeOther)
            let rkt = try #require(try await Rkt.query(on: app.db).filter(\.$unit.$id == dinkes.requireID()).filter(\.$year == 2027).first())
            let copied = try await RktSasaran.query(on: app.db).filter(\.$rkt.$id == rkt.requireID()).all()
            #expect(copied.count == sasaran.count)
            let twin = try #require(try await Indikator.query(on: app.db).filter(\.$ownerKind == .rktSasaran)
                .filter(\.$ownerID ~~ copied.compactMap(\.id)).filter(\.$code == source.code).first())
            #expect(twin.definition == source.definition && twin.kind == source.kind)
            let twinTarget = try await IndikatorTarget.query(on: app.db).filter(\.$indikator.$id == twin.requireID()).first()
            #expect(twinTarget?.value == sourceTarget.value)
            #expect(try await get(app, page, &operatorOpd).text.contains(source.name))
            let again = try await post(app, "/pemda/99.71/rkt/\(dinkes.id!.uuidString)/buat?tahun=2027", &operatorOpd, [:])
            #expect(again.status == .conflict)
            #expect(again.text.contains("sudah ada"))

            let dikbud = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Pendidikan").first())
            let refused = try await post(app, "/pemda/99.71/rkt/\(dikbud.id!.uuidString)/buat?tahun=2027", &operatorOpd, [:])
            #expect(refused.status == .forbidden)
            #expect(try await Rkt.query(on: app.db).filter(\.$unit.$id == dikbud.requireID()).filter(\.$year == 2027).count() == 0)
        }
    }
}
