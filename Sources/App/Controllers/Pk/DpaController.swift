import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The DPA of each Perangkat Daerah for a year: number, ratification date (which starts the PK deadline) and pagu.
struct DpaController: Sendable {
    func year(_ req: Request) -> Int { req.query[Int.self, at: "tahun"] ?? req.viewDate.year }

    @Sendable func list(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        return try await renderList(req, pemda, year: year(req), error: nil, status: .ok)
    }

    struct RecordForm: Content {
        var nomor: String
        var tanggal: String
    }

    @Sendable func record(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda)
        let form = try req.content.decode(RecordForm.self)
        let year = year(req)
        do {
            try await writer(req, pemda).recordDpa(unitID: try unit.requireID(), year: year, number: form.nomor,
                                                   ratifiedOn: CalendarDate(iso: form.tanggal))
            return req.redirect(to: "/pemda/\(pemda.code)/dpa/\(unit.id!.uuidString)?tahun=\(year)", redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderList(req, pemda, year: year, error: "\(unit.name): \(violation.message.text)",
                                        status: .unprocessableEntity)
        }
    }

    @Sendable func detail(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda, action: .read)
        return try await renderDetail(req, pemda, unit, year: year(req), error: nil, status: .ok)
    }

    struct PaguForm: Content {
        var pagu: String
    }

    @Sendable func setPagu(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .dpa)
        let unit = try await unitScope(req, pemda)
        let form = try req.content.decode(PaguForm.self)
        let year = year(req)
        guard let line = try await DpaPagu.find(try req.uuid("line"), on: req.db),
            let dpa = try await Dpa.find(line.$dpa.id, on: req.db), dpa.$unit.id == unit.id
        else { throw Abort(.notFound) }
        do {
            try await writer(req, pemda).setDpaPagu(lineID: try line.requireID(), amount: form.pagu)
            return req.redirect(to: "/pemda/\(pemda.code)/dpa/\(unit.id!.uuidString)?tahun=\(year)", redirectType: .normal)
        } catch let violation as RuleViolation {
            return try await renderDetail(req, pemda, unit, year: year, error: violation.message.text, status: .unprocessableEntity)
        }
    }

    /// The unit of `:unit` in this Pemda, once the policy allows the action on its DPA.
    func unitScope(_ req: Request, _ pemda: Pemda, action: AccessAction = .update) async throws -> KinerjaStore.Unit {
        guard let unit = try await KinerjaStore.Unit.find(try req.unitParameter(), on: req.db), unit.$pemda.id == pemda.id else {
            throw Abort(.notFound)
        }
        try req.authorize(action, Subject(.dpa, pemda: pemda.code, unit: unit.code))
        return unit
    }

    func writer(_ req: Request, _ pemda: Pemda) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    func renderList(_ req: Request, _ pemda: Pemda, year: Int, error: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let units = try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db).filter(\.isPerangkatDaerah)
        let dpas = Dictionary(try await Dpa.query(on: req.db).filter(\.$pemda.$id == pemda.requireID()).filter(\.$year == year).all()
            .map { ($0.$unit.id, $0) }, uniquingKeysWith: { a, _ in a })
        let totals = try await DpaPagu.query(on: req.db).filter(\.$pemda.$id == pemda.requireID()).all()
            .reduce(into: [UUID: Int64]()) { sums, line in
                // Programs carry the sum of their kegiatan: only they count towards the DPA total.
                if NomenclatureCode.level(of: line.code) == .program { sums[line.$dpa.id, default: 0] += line.amount }
            }
        let rows = units.map { unit in
            DpaPages.Row(unit: unit, dpa: dpas[unit.id], total: dpas[unit.id].flatMap { $0.id }.flatMap { totals[$0] },
                         mayEdit: Layout.may(.update, Subject(.dpa, pemda: pemda.code, unit: unit.code)))
        }
        let rule = try await PkBoard.rule(pemdaID: pemda.requireID(), on: req.db)
        return HTMLResponse.make(DpaPages.list(pemda, year: year, rows: rows, rule: rule, error: error, csrf: req.csrfToken),
                                 status: status)
    }

    func renderDetail(_ req: Request, _ pemda: Pemda, _ unit: KinerjaStore.Unit, year: Int, error: String?,
                      status: HTTPResponseStatus) async throws -> Response
    {
        let dpa = try await Dpa.query(on: req.db).filter(\.$unit.$id == unit.requireID()).filter(\.$year == year).first()
        let lines = try await dpa.asyncMap { try await DpaPagu.query(on: req.db).filter(\.$dpa.$id == $0.requireID()).sort(\.$code).all() } ?? []
        let mayEdit = Layout.may(.update, Subject(.dpa, pemda: pemda.code, unit: unit.code))
        return HTMLResponse.make(DpaPages.detail(pemda, unit: unit, year: year, dpa: dpa, lines: lines, mayEdit: mayEdit,
                                                 error: error, csrf: req.csrfToken), status: status)
    }
}
