import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The schedule (jadwal) of a year and the RKT targets it guards.
struct ScheduleController: Sendable {
    struct WindowForm: Content {
        var tahap: String
        var dibuka: String
        var ditutup: String
    }

    struct ReopenForm: Content {
        var tahap: String
        var sampai: String
        var alasan: String
    }

    struct TargetForm: Content {
        var indikator: UUID
        var nilai: String
    }

    

    @Sendable func page(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jadwal)
        return try await render(req, pemda, year: req.year(in: pemda), error: nil, status: .ok)
    }

    @Sendable func setWindow(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jadwal)
        try req.authorize(.update, Subject(.jadwal, pemda: pemda.code))
        let form = try req.content.decode(WindowForm.self)
        let year = try req.requestedYear(in: pemda)
        do {
            guard let stage = JadwalStage(rawValue: form.tahap), let opens = Limits.date(form.dibuka),
                let closes = Limits.date(form.ditutup)
            else {
                throw RuleViolation(code: "jadwal.form", field: nil,
                    message: Message(id: "Pilih tahap dan isi tanggal buka dan tutup.", en: "Choose a stage and both dates."))
            }
            try await writer(req, pemda).setJadwal(year: year, window: JadwalWindow(stage: stage, opens: opens, closes: closes))
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jadwal).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await render(req, pemda, year: year, error: violation.summary.text, status: violation.status)
        }
    }

    @Sendable func reopen(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .jadwal)
        try req.authorize(.reopen, Subject(.jadwal, pemda: pemda.code))
        let form = try req.content.decode(ReopenForm.self)
        let year = try req.requestedYear(in: pemda)
        do {
            guard let stage = JadwalStage(rawValue: form.tahap), let until = Limits.date(form.sampai) else {
                throw RuleViolation(code: "jadwal.form", field: nil,
                    message: Message(id: "Pilih tahap dan isi tanggal akhir pembukaan kembali.",
                                     en: "Choose a stage and the last day of the reopening."))
            }
            try await writer(req, pemda).reopenJadwal(year: year, stage: stage, until: until, reason: form.alasan)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .jadwal).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await render(req, pemda, year: year, error: violation.summary.text, status: violation.status)
        }
    }

    @Sendable func rkt(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rkt)
        return try await renderRkt(req, pemda, unitID: try req.unitParameter(), year: req.year(in: pemda), error: nil, status: .ok)
    }

    @Sendable func setTarget(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rkt)
        let unitID = try req.unitParameter()
        let form = try req.content.decode(TargetForm.self)
        guard let unit = try await RktQueries.unitOfRktIndikator(form.indikator, pemdaID: pemda.id, on: req.db),
            unit.id == unitID
        else { throw Abort(.notFound) }
        try req.authorize(.update, Subject(.rkt, pemda: pemda.code, unit: unit.code))
        let year = req.year(in: pemda)
        do {
            try await writer(req, pemda).setTarget(indikatorID: form.indikator, year: year, raw: form.nilai)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .rkt(.value(unitID))).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderRkt(req, pemda, unitID: unitID, year: year, error: violation.summary.text,
                                       status: violation.status)
        }
    }

    @Sendable func createRkt(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .rkt)
        let unitID = try req.unitParameter()
        guard let unit = try await KinerjaStore.Unit.find(unitID, on: req.db), unit.$pemda.id == pemda.id else {
            throw Abort(.notFound)
        }
        try req.authorize(.create, Subject(.rkt, pemda: pemda.code, unit: unit.code))
        let year = req.year(in: pemda)
        do {
            try await writer(req, pemda).createRkt(unitID: unitID, year: year)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .rkt(.value(unitID))).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderRkt(req, pemda, unitID: unitID, year: year, error: violation.summary.text,
                                       status: violation.status)
        }
    }

    func writer(_ req: Request, _ pemda: PemdaInfo) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    func render(_ req: Request, _ pemda: PemdaInfo, year: Int, error: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let rows = try await RktQueries.jadwal(pemdaID: pemda.id, year: year, today: req.today(in: pemda), on: req.db)
        return HTMLResponse.make(SchedulePages.jadwal(pemda, year: year, rows: rows, error: error, csrf: req.csrfToken),
                                 status: status)
    }

    func renderRkt(_ req: Request, _ pemda: PemdaInfo, unitID: UUID, year: Int, error: String?,
                   status: HTTPResponseStatus) async throws -> Response
    {
        guard let unit = try await req.organisation(of: pemda).units[unitID] else { throw Abort(.notFound) }
        guard let rkt = try await RktQueries.rkt(pemda: pemda, unit: unit, year: year, on: req.db) else {
            return HTMLResponse.make(SchedulePages.rktMissing(pemda, unitID: unitID, unitCode: unit.code, unitName: unit.name,
                                                              year: year, error: error, csrf: req.csrfToken),
                                     status: error == nil ? .ok : status)
        }
        let jadwal = try await RktQueries.jadwal(pemdaID: pemda.id, year: year, today: req.today(in: pemda),
                                                 on: req.db).first { $0.stage == .rkt }
        return HTMLResponse.make(SchedulePages.rkt(pemda, rkt, jadwal: jadwal, error: error, csrf: req.csrfToken),
                                 status: status)
    }
}
