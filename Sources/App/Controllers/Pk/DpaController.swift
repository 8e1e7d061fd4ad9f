import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The DPA of each Perangkat Daerah for a year: number, ratification date (which starts the PK deadline) and pagu.
struct DpaController: Sendable {
    @Sendable func list(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        return try await renderList(req, pemda, year: req.year(in: pemda), error: nil, status: .ok)
    }

    struct RecordForm: Content {
        var nomor: String
        var tanggal: String
    }

    @Sendable func record(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda)
        let form = try req.content.decode(RecordForm.self)
        let year = try req.requestedYear(in: pemda)
        do {
            try await req.writer(for: pemda).recordDpa(unitID: unit.id, year: year, number: try Limits.text(form.nomor, field: .legalNumber),
                                                       ratifiedOn: Limits.date(form.tanggal))
            req.flash(.saved)
            return req.redirect(to: SiteURL.of(pemda.code, .dpaUnit(.value(unit.id))).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderList(req, pemda, year: year, error: "\(unit.name): \(violation.summary.text)", status: violation.status)
        }
    }

    @Sendable func detail(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda, action: .read)
        return try await renderDetail(req, pemda, unit, year: req.year(in: pemda), error: nil, status: .ok)
    }

    struct PaguForm: Content {
        var pagu: String
    }

    @Sendable func setPagu(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda)
        let form = try req.content.decode(PaguForm.self)
        let year = try req.requestedYear(in: pemda)
        let lineID = try req.uuid(SiteURL.Key.line)
        guard try await DpaQueries.lineBelongs(lineID, unitID: unit.id, on: req.db) else { throw Abort(.notFound) }
        do {
            try await req.writer(for: pemda).setDpaPagu(lineID: lineID, amount: String(form.pagu.prefix(Limits.shortText)))
            req.flash(.saved)
            return req.redirect(to: SiteURL.of(pemda.code, .dpaUnit(.value(unit.id))).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderDetail(req, pemda, unit, year: year, error: violation.summary.text, status: violation.status)
        }
    }

    struct RealisasiForm: Content {
        var anggaran: [String: QuarterFields]?
        var alasanTerlambat: String?
    }

    struct QuarterFields: Content {
        var tw1: String?
        var tw2: String?
        var tw3: String?
        var tw4: String?
    }

    /// TW I–IV of every lowest line at once.
    @Sendable func saveRealisasi(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda)
        let form = try req.content.decode(RealisasiForm.self)
        let year = try req.requestedYear(in: pemda)
        var amounts: [UUID: [String?]] = [:]
        for (key, q) in (form.anggaran ?? [:]).prefix(Limits.rows + 1) {
            guard let id = UUID(uuidString: String(key.prefix(64))) else { continue }
            amounts[id] = [q.tw1, q.tw2, q.tw3, q.tw4].map { $0.map { String($0.prefix(Limits.shortText)) } }
        }
        let late = String((form.alasanTerlambat ?? "").prefix(Limits.longText))
        do {
            let written = try await req.writer(for: pemda).saveAnggaranRealisasi(unitID: unit.id, year: year, amounts: amounts,
                                                                                  lateReason: late)
            req.flash(written == 0 ? .realisasiUnchanged : .saved)
            return req.redirect(to: SiteURL.of(pemda.code, .dpaUnit(.value(unit.id))).url(["tahun": String(year)]))
        } catch let violation as any Refusal {
            return try await renderDetail(req, pemda, unit, year: year,
                                          error: L("Realisasi anggaran belum disimpan: ", "The budget realisation was not saved: ")
                                              + violation.summary.text,
                                          status: violation.status, typed: amounts, lateReason: late,
                                          errors: FormErrors(violation.violations, names: .anggaran))
        }
    }

    /// The unit of `:unit` in this Pemda, once the policy allows the action on its DPA.
    func unitScope(_ req: Request, _ pemda: PemdaInfo, action: AccessAction = .update) async throws -> PemdaOrganisation.UnitInfo {
        guard let unit = try await req.organisation(of: pemda).units[try req.unitParameter()] else { throw Abort(.notFound) }
        try req.authorize(action, Subject(.dpa, pemda: pemda.code, unit: unit.code))
        return unit
    }

    func renderList(_ req: Request, _ pemda: PemdaInfo, year: Int, error: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let units = try await req.organisation(of: pemda).unitRows().filter(\.isPerangkatDaerah)
        let dpas = try await DpaQueries.list(pemdaID: pemda.id, year: year, on: req.db)
        let realised = try await AnggaranQueries.byUnit(pemdaID: pemda.id, year: year, through: 4, on: req.db)
        let rows = units.map { unit in
            DpaPages.Row(unit: unit, dpa: dpas[unit.id], realised: realised[unit.id] ?? 0, mayEdit: Layout.may(.update, Subject(.dpa, pemda: pemda.code, unit: unit.code)))
        }
        let rule = try await PkSettings.rule(pemdaID: pemda.id, on: req.db)
        return HTMLResponse.make(DpaPages.list(DpaPages.ListModel(pemda: PemdaRef(pemda), year: year, rows: rows, rule: rule,
                                                                  error: error, csrf: req.csrfToken)), status: status)
    }

    func renderDetail(_ req: Request, _ pemda: PemdaInfo, _ unit: PemdaOrganisation.UnitInfo, year: Int, error: String?,
                      status: HTTPResponseStatus, typed: [UUID: [String?]] = [:], lateReason: String = "",
                      errors: FormErrors = FormErrors()) async throws -> Response
    {
        let (dpa, lines) = try await DpaQueries.detail(unitID: unit.id, year: year, on: req.db)
        let realised = dpa == nil ? [:] : try await AnggaranQueries.byLine(dpaUnitID: unit.id, year: year, on: req.db)
        let mayEdit = Layout.may(.update, Subject(.dpa, pemda: pemda.code, unit: unit.code))
        return HTMLResponse.make(DpaPages.detail(DpaPages.DetailModel(
            pemda: PemdaRef(pemda), unitID: unit.id, unitName: unit.name, year: year, dpa: dpa, lines: lines, mayEdit: mayEdit,
            realised: realised, typed: typed, lateReason: lateReason, errors: errors,
            error: error, csrf: req.csrfToken)), status: status)
    }
}

extension FieldNames {
    /// The budget realisation table: `anggaran[<line>][tw2]`.
    static let anggaran = FieldNames(custom: { field in
        guard case .keyed(let key, .quarter(let n)) = field else { return field == .reason ? "alasanTerlambat" : nil }
        return "anggaran[\(key)][tw\(n)]"
    })
}
