import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
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
        // The quarter is bounded before it indexes anything; without `?tw=`, the last whose window has opened.
        let asked = req.query[String.self, at: "tw"].flatMap { $0.utf8.count == 1 ? Int($0) : nil }
            .flatMap { Triwulan.all.contains($0) ? $0 : nil }
        func compute(_ board: CapaianBoard) -> KinerjaFigures {
            KinerjaFigures(board: board, engine: pemda.capaianEngine,
                           through: asked ?? Triwulan.reported(on: today, year: year, windows: board.windows),
                           today: today, opd: organisation.opd(of:))
        }
        guard req.application.pageCache.isEnabled else {
            let board = try await CapaianBoard.load(pemdaID: pemda.id, year: year, on: req.db)
            return Year(pemda: pemda, organisation: organisation, year: year, figures: compute(board))
        }
        let stored = req.webSession.state.withLockedValue { $0.record?.dataRevision }
        let revision = if let stored { stored } else { try await DataRevision.current(on: req.db) }
        let key = "\(pemda.id)|\(year)|\(asked.map(String.init) ?? "-")|\(today)|\(organisation.version)|\(pemda.predikatScale)|\(pemda.capaianCap)"
        let figures = try await req.application.figuresCache.figures(key, revision: revision) {
            compute(try await CapaianBoard.load(pemdaID: pemda.id, year: year, on: req.db))
        }
        return Year(pemda: pemda, organisation: organisation, year: year, figures: figures)
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
        var older: (pk: CapaianBoard.Pk, rows: [CapaianBoard.Row])?
        if let pk = y.figures.ikuPk, pk.status != .diterbitkan {
            older = try await y.figures.board.published(jabatanID: pk.jabatanID, pemdaID: pemda.id, on: req.db)
        }
        return HTMLResponse.make(PortalKinerjaPage.render(PortalKinerjaPage.Model(year: y, shown: .of(y, published: older))))
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

extension KinerjaController {
    /// The report of `?unit=` (a Perangkat Daerah, with its DPA lines) or of the Pemda.
    static func monitoring(_ req: Request) async throws -> (Year, UUID?, TabularReport) {
        let pemda = try await req.pemda(reading: .pk)
        let y = try await load(req, pemda: pemda)
        let unit = req.query[String.self, at: "unit"].flatMap { UUID(uuidString: String($0.prefix(36))) }
            .flatMap { y.organisation.units[$0]?.kind.isPerangkatDaerah == true ? $0 : nil }
        var lines: [MonitoringReport.BudgetLine] = []
        if let unit {
            let (_, dpa) = try await DpaQueries.detail(unitID: unit, year: y.year, on: req.db)
            let realised = try await AnggaranQueries.byLine(dpaUnitID: unit, year: y.year, on: req.db)
            lines = dpa.map { line in
                MonitoringReport.BudgetLine(code: line.code, name: line.name, pagu: line.amount,
                                            quarters: (realised[line.id] ?? [nil, nil, nil, nil]).map { $0 ?? 0 })
            }
        }
        let made = Fmt.moment(req.now, zone: pemda.zone)
        return (y, unit, MonitoringReport.make(y, unit: unit, lines: lines, made: made))
    }

    @Sendable func report(_ req: Request) async throws -> Response {
        let (y, unit, report) = try await Self.monitoring(req)
        return HTMLResponse.make(MonitoringPage.render(MonitoringPage.Model(year: y, unit: unit, report: report)))
    }

    @Sendable func reportPdf(_ req: Request) async throws -> Response {
        let (y, unit, report) = try await Self.monitoring(req)
        let bytes = try TabularReportPdf.render(report)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        let who = unit.flatMap { y.organisation.units[$0]?.code } ?? y.pemda.code
        headers.setDisposition("inline", filename: "E81-\(y.year)-TW\(y.figures.through)-\(who).pdf")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }
}
