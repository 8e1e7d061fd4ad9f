import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// Setting up a Pemda from the browser: forms that write through `PemdaWriter`, with the policy asked first and the
/// audit trail naming the user.
struct ManageController: Sendable {
    @Sendable func unitForm(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .unit)
        try req.authorize(.create, Subject(.unit, pemda: pemda.code))
        return try await renderUnit(req, pemda, ManagePages.UnitForm(), FormErrors(), status: .ok)
    }

    @Sendable func createUnit(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .unit)
        try req.authorize(.create, Subject(.unit, pemda: pemda.code))
        let form = try req.content.decode(ManagePages.UnitForm.self)
        do {
            guard let kind = UnitKind(rawValue: form.jenis) else {
                throw RuleViolation(code: "unit.kind", field: "jenis",
                                    message: Message(id: "Pilih jenis unit.", en: "Choose a unit kind."))
            }
            try requireFilled(form.kode, "kode", "Kode unit")
            try requireFilled(form.nama, "nama", "Nama unit")
            try await writer(req, pemda).addUnit(
                code: form.kode.trimmingCharacters(in: .whitespaces), name: form.nama.trimmingCharacters(in: .whitespaces),
                kind: kind, parentID: UUID(uuidString: form.induk),
                bidangCodes: form.bidang.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return req.redirect(to: "/pemda/\(pemda.code)/unit", redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderUnit(req, pemda, form, FormErrors(violation), status: .unprocessableEntity)
        }
    }

    @Sendable func jabatanForm(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        try req.authorize(.create, Subject(.jabatan, pemda: pemda.code))
        return try await renderJabatan(req, pemda, ManagePages.JabatanForm(), FormErrors(), status: .ok)
    }

    @Sendable func createJabatan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jabatan)
        try req.authorize(.create, Subject(.jabatan, pemda: pemda.code))
        let form = try req.content.decode(ManagePages.JabatanForm.self)
        do {
            guard let level = JabatanLevel(rawValue: form.tingkat) else {
                throw RuleViolation(code: "jabatan.level", field: "tingkat",
                                    message: Message(id: "Pilih tingkat jabatan.", en: "Choose a level."))
            }
            try requireFilled(form.nama, "nama", "Nama jabatan")
            try await writer(req, pemda).addJabatan(
                name: form.nama.trimmingCharacters(in: .whitespaces), level: level,
                eselon: form.eselon.trimmingCharacters(in: .whitespaces), unitID: UUID(uuidString: form.unit),
                superiorID: UUID(uuidString: form.atasan))
            return req.redirect(to: "/pemda/\(pemda.code)/jabatan", redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderJabatan(req, pemda, form, FormErrors(violation), status: .unprocessableEntity)
        }
    }

    @Sendable func pegawaiForm(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pegawai)
        try req.authorize(.create, Subject(.pegawai, pemda: pemda.code))
        return HTMLResponse.make(ManagePages.pegawai(pemda, form: .init(), errors: FormErrors(), csrf: req.csrfToken))
    }

    @Sendable func createPegawai(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pegawai)
        try req.authorize(.create, Subject(.pegawai, pemda: pemda.code))
        let form = try req.content.decode(ManagePages.PegawaiForm.self)
        do {
            try await writer(req, pemda).addPegawai(nip: form.nip, name: form.nama.trimmingCharacters(in: .whitespaces),
                                                    pangkat: form.pangkat.trimmingCharacters(in: .whitespaces))
            return req.redirect(to: "/pemda/\(pemda.code)/jabatan", redirectType: .normal)
        } catch let violation as RuleViolation {
            return HTMLResponse.make(ManagePages.pegawai(pemda, form: form, errors: FormErrors(violation), csrf: req.csrfToken),
                                     status: .unprocessableEntity)
        }
    }

    // MARK: helpers

    func writer(_ req: Request, _ pemda: Pemda) throws -> PemdaWriter {
        PemdaWriter(database: req.db, pemdaID: try pemda.requireID(), audit: req.auditContext)
    }

    func requireFilled(_ value: String, _ field: String, _ label: String) throws(RuleViolation) {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RuleViolation(code: "form.required", field: field,
                                message: Message(id: "\(label) wajib diisi.", en: "\(label) is required."))
        }
    }

    func renderUnit(_ req: Request, _ pemda: Pemda, _ form: ManagePages.UnitForm, _ errors: FormErrors,
                    status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db)
        return HTMLResponse.make(ManagePages.unit(pemda, units: units, form: form, errors: errors, csrf: req.csrfToken),
                                 status: status)
    }

    func renderJabatan(_ req: Request, _ pemda: Pemda, _ form: ManagePages.JabatanForm, _ errors: FormErrors,
                       status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db)
        let positions = try await PemdaQueries.jabatan(pemdaID: pemda.requireID(), today: req.viewDate, on: req.db)
        return HTMLResponse.make(
            ManagePages.jabatan(pemda, units: units, positions: positions, form: form, errors: errors, csrf: req.csrfToken),
            status: status)
    }
}
