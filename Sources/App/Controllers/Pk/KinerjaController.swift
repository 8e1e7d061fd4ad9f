import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The Pemda's year measured: the Kepala Daerah's executive view, a view per unit, the early warning list and the
/// public IKU capaian, all from one `KinerjaFigures`.
struct KinerjaController: Sendable {
    /// What every view of the year starts from.
    struct Year: Sendable {
        var pemda: PemdaInfo
        var organisation: PemdaOrganisation
        var year: Int
        var figures: KinerjaFigures
    }

    static func load(_ req: Request, pemda: PemdaInfo) async throws -> Year {
        let year = req.year(in: pemda)
        let organisation = try await req.organisation(of: pemda)
        let today = req.today(in: pemda)
        let board = try await CapaianBoard.load(pemdaID: pemda.id, year: year, on: req.db)
        // `?tw=` is bounded before it indexes anything; without it, the last quarter whose window has opened.
        let asked = req.query[String.self, at: "tw"].flatMap { $0.utf8.count == 1 ? Int($0) : nil }
        let through = asked.flatMap { Triwulan.all.contains($0) ? $0 : nil }
            ?? Triwulan.reported(on: today, year: year, windows: board.windows)
        return Year(pemda: pemda, organisation: organisation, year: year,
                    figures: KinerjaFigures(board: board, engine: pemda.capaianEngine, through: through, today: today,
                                             opd: organisation.opd(of:)))
    }

    @Sendable func dashboard(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let y = try await Self.load(req, pemda: pemda)
        let pkYear = try await PkYear.load(pemdaID: pemda.id, year: y.year, on: req.db)
        let round = PkBoard.rows(organisation: y.organisation, year: pkYear, today: y.figures.today)
        return HTMLResponse.make(ExecutivePage.render(ExecutivePage.Model(year: y, round: round)))
    }

    @Sendable func unit(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let unitID = try req.unitParameter()
        let y = try await Self.load(req, pemda: pemda)
        guard y.organisation.units[unitID] != nil else { throw Abort(.notFound) }
        return HTMLResponse.make(UnitKinerjaPage.render(UnitKinerjaPage.Model(year: y, unitID: unitID)))
    }

    @Sendable func warnings(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let y = try await Self.load(req, pemda: pemda)
        let unit = req.query[String.self, at: "unit"].flatMap { UUID(uuidString: String($0.prefix(36))) }
            .flatMap { y.organisation.units[$0] != nil ? $0 : nil }
        let kind = req.query[String.self, at: "jenis"].flatMap { EarlyWarningSignal.Kind(rawValue: String($0.prefix(32))) }
        return HTMLResponse.make(EarlyWarningPage.render(EarlyWarningPage.Model(year: y, unit: unit, kind: kind)))
    }

    /// The Pemda's IKU capaian for everyone: only a published Kepala Daerah PK, only accepted values.
    @Sendable func portal(_ req: Request) async throws -> Response {
        guard let code = req.parameters.get(SiteURL.Key.code).map({ String($0.prefix(32)) }),
              let pemda = try await PemdaQueries.info(code: code, on: req.db)
        else { throw Abort(.notFound) }
        let y = try await Self.load(req, pemda: pemda)
        return HTMLResponse.make(PortalKinerjaPage.render(PortalKinerjaPage.Model(year: y)))
    }
}

extension KinerjaController {
    /// One indicator of a PK through the year: its target path against the accepted values, every entry with its
    /// confidence and forecast.
    @Sendable func indicator(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let key = String((req.query[String.self, at: "baris"] ?? "").prefix(64))
        guard let row = context.content.rows.first(where: { $0.key == key }) else { throw Abort(.notFound) }
        let ledger = try await RealisasiLedger.load(pemdaID: context.pemda.id, jabatanID: context.content.jabatanID,
                                                    year: context.content.year, on: req.db)
        let asked = req.query[String.self, at: "tw"].flatMap { $0.utf8.count == 1 ? Int($0) : nil }
        let through = asked.flatMap { Triwulan.all.contains($0) ? $0 : nil }
            ?? Triwulan.reported(on: context.today, year: context.content.year, windows: ledger.windows)
        let measurement = ledger.measurement(key: row.key, sasaran: row.sasaran, spec: row.spec, target: row.target,
                                             quarterly: row.quarterly, weight: row.weight)
        let measured = context.pemda.capaianEngine.measure(measurement, through: through)
        return HTMLResponse.make(IndicatorPage.render(IndicatorPage.Model(context: context, row: row, ledger: ledger,
                                                                          measured: measured, through: through)))
    }
}
