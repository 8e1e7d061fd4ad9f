import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Testing
import VaporTesting
@testable import App

/// Correcting units, positions and employees: same rules as adding, no loops in the trees, audited before and after.
@Suite(.serialized)
struct EditTests {
    @Test func units_and_positions_are_corrected_without_loops() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let dinkes = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$name == "Dinas Kesehatan").first())
            let child = try #require(try await KinerjaStore.Unit.query(on: app.db).filter(\.$parent.$id == dinkes.requireID()).first())
            let path = "/pemda/99.71/unit/\(dinkes.id!.uuidString)/ubah"
            let form = try await get(app, path, &admin)
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"Dinas Kesehatan\""))
            let fields = ["kode": dinkes.code, "nama": "Dinas Kesehatan", "jenis": "dinas", "bidang": dinkes.bidangCodes]
            let loop = try await post(app, path, &admin, fields.merging(["induk": child.id!.uuidString]) { $1 })
            #expect(loop.status == .unprocessableEntity)
            #expect(loop.text.contains("id=\"induk-error\""))
            let renamed = try await post(app, path, &admin, fields.merging(["nama": "Dinas Kesehatan dan KB", "induk": ""]) { $1 })
            #expect(renamed.status == .seeOther)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "unit").filter(\.$action == .update).first())
            #expect(event.before?.contains("\"name\":\"Dinas Kesehatan\"") == true)
            #expect(event.after?.contains("Dinas Kesehatan dan KB") == true)

            let kepala = try #require(try await Jabatan.query(on: app.db).filter(\.$name == "Kepala Dinas Kesehatan").first())
            let sub = try #require(try await Jabatan.query(on: app.db).filter(\.$superior.$id == kepala.requireID()).first())
            let jabatanPath = "/pemda/99.71/jabatan/\(kepala.id!.uuidString)/ubah"
            let jabatanFields = ["nama": kepala.name, "tingkat": kepala.level.rawValue, "eselon": kepala.eselon,
                                 "unit": kepala.$unit.id?.uuidString ?? "", "atasan": kepala.$superior.id?.uuidString ?? ""]
            let underOwn = try await post(app, jabatanPath, &admin, jabatanFields.merging(["atasan": sub.id!.uuidString]) { $1 })
            #expect(underOwn.status == .unprocessableEntity)
            // Lowered below its own subordinates, the position would break the chain of command.
            let lowered = try await post(app, jabatanPath, &admin, jabatanFields.merging(["tingkat": "pelaksana"]) { $1 })
            #expect(lowered.status == .unprocessableEntity)
            #expect(try await Jabatan.find(kepala.id, on: app.db)?.level == kepala.level)

            var operatorOpd = try await signedIn(app, as: "operator.dinkes")
            #expect(try await post(app, path, &operatorOpd, fields.merging(["nama": "Diubah", "induk": ""]) { $1 }).status == .forbidden)
            #expect(try await KinerjaStore.Unit.find(dinkes.id, on: app.db)?.name == "Dinas Kesehatan dan KB")
        }
    }

    @Test func an_employee_is_corrected_and_a_taken_nip_refused() async throws {
        try await withDemoApp { app in
            var admin = try await signedIn(app, as: "admin")
            let people = try await Pegawai.query(on: app.db).filter(\.$nip != nil).sort(\.$name).range(..<2).all()
            let list = try await get(app, "/pemda/99.71/pegawai?q=\(people[0].nip!)", &admin)
            #expect(list.status == .ok)
            #expect(list.text.contains(people[0].name) && !list.text.contains(people[1].name))
            let path = "/pemda/99.71/pegawai/\(people[0].id!.uuidString)/ubah"
            let taken = try await post(app, path, &admin, ["nip": people[1].nip!, "nama": people[0].name, "pangkat": ""])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("sudah terdaftar atas nama"))
            let fixed = try await post(app, path, &admin, ["nip": people[0].nip!, "nama": people[0].name, "pangkat": "Pembina Utama Muda (IV/c)"])
            #expect(fixed.status == .seeOther)
            #expect(try await Pegawai.find(people[0].id, on: app.db)?.pangkat == "Pembina Utama Muda (IV/c)")
            #expect(try await Pegawai.find(people[1].id, on: app.db)?.nip == people[1].nip)
        }
    }
}
