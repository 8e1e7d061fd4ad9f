import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Correcting what was set up: the same forms as for adding, filled with the row, written through `PemdaWriter`.
struct ManageEditController: Sendable {
    let manage = ManageController()

    @Sendable func unitForm(_ req: Request) async throws -> Response {
        let (pemda, unit) = try await scope(req, KinerjaStore.Unit.self, "unit", .unit)
        let form = ManagePages.UnitForm(kode: unit.code, nama: unit.name, jenis: unit.kind.rawValue,
                                        induk: unit.$parent.id?.uuidString ?? "", bidang: unit.bidangCodes)
        return try await renderUnit(req, pemda, unit, form, FormErrors(), .ok)
    }

    @Sendable func updateUnit(_ req: Request) async throws -> Response {
        let (pemda, unit) = try await scope(req, KinerjaStore.Unit.self, "unit", .unit)
        let form = try req.content.decode(ManagePages.UnitForm.self)
        do {
            guard let kind = UnitKind(rawValue: form.jenis) else {
                throw RuleViolation(code: "unit.kind", field: .kind, message: Message(id: "Pilih jenis unit.", en: "Choose a unit kind."))
            }
            try await manage.writer(req, pemda).updateUnit(
                id: try unit.requireID(), code: form.kode.trimmingCharacters(in: .whitespaces),
                name: form.nama.trimmingCharacters(in: .whitespaces), kind: kind, parentID: UUID(uuidString: form.induk),
                bidangCodes: form.bidang.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            return req.redirectSaved(to: SiteURL.of(pemda.code, .units).path)
        } catch let violation as any Refusal {
            return try await renderUnit(req, pemda, unit, form, FormErrors(violation), violation.status)
        }
    }

    @Sendable func jabatanForm(_ req: Request) async throws -> Response {
        let (pemda, jabatan) = try await scope(req, Jabatan.self, "jabatan", .jabatan)
        let form = ManagePages.JabatanForm(nama: jabatan.name, tingkat: jabatan.level.rawValue, eselon: jabatan.eselon,
                                           unit: jabatan.$unit.id?.uuidString ?? "", atasan: jabatan.$superior.id?.uuidString ?? "")
        return try await renderJabatan(req, pemda, jabatan, form, FormErrors(), .ok)
    }

    @Sendable func updateJabatan(_ req: Request) async throws -> Response {
        let (pemda, jabatan) = try await scope(req, Jabatan.self, "jabatan", .jabatan)
        let form = try req.content.decode(ManagePages.JabatanForm.self)
        do {
            guard let level = JabatanLevel(rawValue: form.tingkat) else {
                throw RuleViolation(code: "jabatan.level", field: .level, message: Message(id: "Pilih tingkat jabatan.", en: "Choose a level."))
            }
            try await manage.writer(req, pemda).updateJabatan(
                id: try jabatan.requireID(), name: form.nama.trimmingCharacters(in: .whitespaces), level: level,
                eselon: form.eselon.trimmingCharacters(in: .whitespaces), unitID: UUID(uuidString: form.unit),
                superiorID: UUID(uuidString: form.atasan))
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jabatan).path)
        } catch let violation as any Refusal {
            return try await renderJabatan(req, pemda, jabatan, form, FormErrors(violation), violation.status)
        }
    }

    @Sendable func pegawaiForm(_ req: Request) async throws -> Response {
        let (pemda, pegawai) = try await scope(req, Pegawai.self, "pegawai", .pegawai)
        let form = ManagePages.PegawaiForm(nip: pegawai.nip.flatMap { try? Nip($0).grouped } ?? "", nama: pegawai.name,
                                           pangkat: pegawai.pangkat)
        return HTMLResponse.make(ManagePages.pegawai(pemda, form: form, errors: FormErrors(), csrf: req.csrfToken,
                                                     editing: pegawai.id))
    }

    @Sendable func updatePegawai(_ req: Request) async throws -> Response {
        let (pemda, pegawai) = try await scope(req, Pegawai.self, "pegawai", .pegawai)
        let form = try req.content.decode(ManagePages.PegawaiForm.self)
        do {
            let nip = form.nip.trimmingCharacters(in: .whitespaces)
            // Only a Kepala Daerah (elected, not a civil servant) is without a NIP, and only if it was so before.
            try await manage.writer(req, pemda).updatePegawai(id: try pegawai.requireID(),
                                                              nip: nip.isEmpty && pegawai.nip == nil ? nil : nip,
                                                              name: form.nama.trimmingCharacters(in: .whitespaces),
                                                              pangkat: form.pangkat.trimmingCharacters(in: .whitespaces))
            return req.redirectSaved(to: SiteURL.of(pemda.code, .pegawai).path)
        } catch let violation as any Refusal {
            return HTMLResponse.make(ManagePages.pegawai(pemda, form: form, errors: FormErrors(violation), csrf: req.csrfToken,
                                                         editing: pegawai.id), status: violation.status)
        }
    }

    /// The employee list, searchable by name, NIP or pangkat.
    @Sendable func pegawaiList(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pegawai)
        let all = try await req.organisation(of: pemda).peopleByName
        let query = req.searchQuery
        let rows = all.filter { SearchMatch.matches(query, [$0.name, $0.nip, $0.pangkat]) }
        return HTMLResponse.make(PegawaiListPage.render(pemda, rows: rows, query: query, total: all.count))
    }

    // MARK: helpers

    /// The row named by the path parameter, of this Pemda, once the policy allows changing it.
    func scope<M: Model & TenantRow>(_ req: Request, _ type: M.Type, _ parameter: String, _ resource: Resource)
        async throws -> (PemdaInfo, M) where M.IDValue == UUID
    {
        let pemda = try await req.pemda(reading: resource)
        guard let id = req.parameters.get(parameter).flatMap(UUID.init(uuidString:)), let row = try await M.find(id, on: req.db),
              row.tenantID == pemda.id
        else { throw Abort(.notFound) }
        try req.authorize(.update, Subject(resource, pemda: pemda.code))
        return (pemda, row)
    }

    func renderUnit(_ req: Request, _ pemda: PemdaInfo, _ unit: KinerjaStore.Unit, _ form: ManagePages.UnitForm,
                    _ errors: FormErrors, _ status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await req.organisation(of: pemda).unitRows().filter { $0.id != unit.id }
        return HTMLResponse.make(ManagePages.unit(pemda, units: units, form: form, errors: errors, csrf: req.csrfToken,
                                                  editing: unit.id), status: status)
    }

    func renderJabatan(_ req: Request, _ pemda: PemdaInfo, _ jabatan: Jabatan, _ form: ManagePages.JabatanForm,
                       _ errors: FormErrors, _ status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await req.organisation(of: pemda).unitRows()
        let positions = try await req.organisation(of: pemda).jabatanRows(on: req.viewDate(in: pemda))
            .filter { $0.id != jabatan.id }
        return HTMLResponse.make(ManagePages.jabatan(pemda, units: units, positions: positions, form: form, errors: errors,
                                                     csrf: req.csrfToken, editing: jabatan.id), status: status)
    }
}

/// A row that names its Pemda, for the edit routes' tenant check.
protocol TenantRow {
    var tenantID: UUID? { get }
}

extension KinerjaStore.Unit: TenantRow { var tenantID: UUID? { $pemda.id } }
extension Jabatan: TenantRow { var tenantID: UUID? { $pemda.id } }
extension Pegawai: TenantRow { var tenantID: UUID? { $pemda.id } }
