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
                throw RuleViolation(code: "unit.kind", field: .kind,
                                    message: Message(id: "Pilih jenis unit.", en: "Choose a unit kind."))
            }
            try Required.text(form.kode, field: .code, label: Message(id: "Kode unit", en: "The unit code"))
            try Required.text(form.nama, field: .name, label: Message(id: "Nama unit", en: "The unit name"))
            try await writer(req, pemda).addUnit(
                code: form.kode.trimmingCharacters(in: .whitespaces), name: form.nama.trimmingCharacters(in: .whitespaces),
                kind: kind, parentID: UUID(uuidString: form.induk),
                bidangCodes: form.bidang.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return req.redirectSaved(to: SiteURL.of(pemda.code, .units).path)
        } catch let violation as any Refusal {
            return try await renderUnit(req, pemda, form, FormErrors(violation), status: violation.status)
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
                throw RuleViolation(code: "jabatan.level", field: .level,
                                    message: Message(id: "Pilih tingkat jabatan.", en: "Choose a level."))
            }
            try Required.text(form.nama, field: .name, label: Message(id: "Nama jabatan", en: "The position name"))
            try await writer(req, pemda).addJabatan(
                name: form.nama.trimmingCharacters(in: .whitespaces), level: level,
                eselon: form.eselon.trimmingCharacters(in: .whitespaces), unitID: UUID(uuidString: form.unit),
                superiorID: UUID(uuidString: form.atasan))
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jabatan).path)
        } catch let violation as any Refusal {
            return try await renderJabatan(req, pemda, form, FormErrors(violation), status: violation.status)
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
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jabatan).path)
        } catch let violation as any Refusal {
            return HTMLResponse.make(ManagePages.pegawai(pemda, form: form, errors: FormErrors(violation), csrf: req.csrfToken),
                                     status: violation.status)
        }
    }

    @Sendable func penugasanForm(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .penugasan)
        try req.authorize(.create, Subject(.penugasan, pemda: pemda.code))
        return try await renderPenugasan(req, pemda, ManagePages.PenugasanForm(), FormErrors(), status: .ok)
    }

    @Sendable func createPenugasan(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .penugasan)
        try req.authorize(.create, Subject(.penugasan, pemda: pemda.code))
        let form = try req.content.decode(ManagePages.PenugasanForm.self)
        do {
            guard let kind = PenugasanKind(rawValue: form.jenis) else {
                throw RuleViolation(code: "penugasan.kind", field: .kind,
                                    message: Message(id: "Pilih jenis penugasan.", en: "Choose the kind."))
            }
            guard let start = CalendarDate(iso: form.mulai.trimmingCharacters(in: .whitespaces)) else {
                throw RuleViolation(code: "penugasan.start", field: .start,
                                    message: Message(id: "Tanggal mulai harus tanggal yang sah, mis. 2026-08-01.",
                                                     en: "The start must be a valid date, e.g. 2026-08-01."))
            }
            let endText = form.selesai.trimmingCharacters(in: .whitespaces)
            let end = endText.isEmpty ? nil : CalendarDate(iso: endText)
            if !endText.isEmpty && end == nil {
                throw RuleViolation(code: "penugasan.end", field: .end,
                                    message: Message(id: "Tanggal selesai harus tanggal yang sah atau dikosongkan.",
                                                     en: "The end must be a valid date or empty."))
            }
            try Required.text(form.sk, field: .decree, label: Message(id: "Nomor SK", en: "The decree number"))
            guard let pegawai = UUID(uuidString: form.pegawai), let jabatan = UUID(uuidString: form.jabatan) else {
                throw RuleViolation(code: "penugasan.choose", field: .position,
                                    message: Message(id: "Pilih pegawai dan jabatan.", en: "Choose the employee and the position."))
            }
            try await writer(req, pemda).assign(pegawaiID: pegawai, jabatanID: jabatan, kind: kind, start: start, end: end,
                                                decree: form.sk.trimmingCharacters(in: .whitespaces))
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jabatan).path)
        } catch let violation as any Refusal {
            return try await renderPenugasan(req, pemda, form, FormErrors(violation), status: violation.status)
        }
    }

    // MARK: helpers

    func renderPenugasan(_ req: Request, _ pemda: PemdaInfo, _ form: ManagePages.PenugasanForm, _ errors: FormErrors,
                         status: HTTPResponseStatus) async throws -> Response
    {
        let people = try await Pegawai.query(on: req.db).filter(\.$pemda.$id == pemda.id).sort(\.$name).all()
            .map { (id: $0.id!.uuidString, label: $0.name + ($0.nip.flatMap { try? Nip($0).grouped }.map { " (\($0))" } ?? "")) }
        let positions = try await req.organisation(of: pemda).jabatanRows(on: req.viewDate(in: pemda))
        return HTMLResponse.make(ManagePages.penugasan(pemda, people: people, positions: positions, form: form,
                                                       errors: errors, csrf: req.csrfToken), status: status)
    }


    func writer(_ req: Request, _ pemda: PemdaInfo) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    func renderUnit(_ req: Request, _ pemda: PemdaInfo, _ form: ManagePages.UnitForm, _ errors: FormErrors,
                    status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await req.organisation(of: pemda).unitRows()
        return HTMLResponse.make(ManagePages.unit(pemda, units: units, form: form, errors: errors, csrf: req.csrfToken),
                                 status: status)
    }

    func renderJabatan(_ req: Request, _ pemda: PemdaInfo, _ form: ManagePages.JabatanForm, _ errors: FormErrors,
                       status: HTTPResponseStatus) async throws -> Response
    {
        let units = try await req.organisation(of: pemda).unitRows()
        let positions = try await req.organisation(of: pemda).jabatanRows(on: req.viewDate(in: pemda))
        return HTMLResponse.make(
            ManagePages.jabatan(pemda, units: units, positions: positions, form: form, errors: errors, csrf: req.csrfToken),
            status: status)
    }
}
