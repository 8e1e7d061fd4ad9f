import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// `/api/v1` for the year measured: capaian at every level with the formula used, the early warning, and a PK's
/// realisation history. The same `KinerjaFigures` as the pages, so an API reader and a page never disagree.
extension APIController {
    struct Rollup: Encodable {
        var capaian: String?
        var measured: Int
        var tdi: Int
        var pending: Int

        init(_ r: RollupResult) {
            capaian = r.capaian?.description
            measured = r.measured
            tdi = r.tdi
            pending = r.pending
        }
    }

    struct Indicator: Encodable {
        var key: String
        var sasaran: String
        var indikator: String
        var satuan: String
        var target: String
        var weight: String
        /// The realisation to date as the engine aggregated it (canonical), nil when none is accepted.
        var realisasi: String?
        var status: String
        var capaian: String?
        var capaianRaw: String?
        var formula: String
        var formulaExpression: String
        var predikat: String?
        var forecast: String?
        /// Capaian to date through TW I–IV.
        var quarters: [String?]
    }

    struct PkCapaian: Encodable {
        var id: UUID
        var jabatanId: UUID
        var jabatan: String
        var unitId: UUID?
        var level: String
        var status: String
        var total: Rollup
        var forecast: String?
        var predikat: String?
        var quarters: [String?]
        var indicators: [Indicator]
    }

    struct UnitCapaian: Encodable {
        var id: UUID
        var name: String
        var total: Rollup
        var predikat: String?
        var forecast: String?
        var quarters: [String?]
        var pagu: Int64
        var realised: Int64
        var serapan: String?
        var efficiency: String?
    }

    struct StrategicCapaian: Encodable {
        var id: UUID
        var kind: String
        var parent: UUID?
        var number: Int
        var text: String
        var weight: String
        var total: Rollup?
        var forecast: String?
    }

    struct CapaianReport: Encodable {
        var year: Int
        var through: Int
        var scale: String
        var method: String
        var pemda: Rollup
        var forecast: String?
        var predikat: String?
        var quarters: [String?]
        var pagu: Int64
        var realised: Int64
        var serapan: String?
        var strategic: [StrategicCapaian]
        var units: [UnitCapaian]
        var pks: [PkCapaian]
    }

    struct Warning: Encodable {
        var kind: String
        var label: String
        var period: Int
        var unitId: UUID?
        var pkId: UUID
        var jabatanId: UUID
        var key: String
        var indikator: String
        var capaian: String?
        var fix: String
    }

    struct WarningList: Encodable {
        var year: Int
        var through: Int
        var data: [Warning]
    }

    struct Entry: Encodable {
        var key: String
        var period: Int
        var month: Int
        var seq: Int
        var value: String
        var tdiReason: String?
        var confidence: Int?
        var forecast: String?
        var status: String
        var lateReason: String?
        var author: String
        var enteredAt: Date
        var judgement: String?
        var verifier: String?
        var verifiedAt: Date?
        var returnReason: String?
    }

    struct RealisasiList: Encodable {
        var pkId: UUID
        var year: Int
        var data: [Entry]
    }

    /// TW I–IV to date; null after the quarter read, which has no figure yet.
    static func quarters(_ path: CapaianPath?, through: Int) -> [String?] {
        Triwulan.all.map { $0 <= through ? path?.at($0).capaian?.description : nil }
    }

    @Sendable func capaian(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let y = try await KinerjaController.load(req, pemda: pemda)
        let f = y.figures
        let total = f.capaian.pemda.at(f.through)
        let pks = f.board.pks.map { pk -> PkCapaian in
            let sheet = f.sheet(pk.id)
            let path = f.path(pk.id)
            return PkCapaian(
                id: pk.id, jabatanId: pk.jabatanID, jabatan: KinerjaParts.positionName(y, pk.jabatanID), unitId: pk.unitID,
                level: pk.level.rawValue, status: pk.status.rawValue, total: Rollup(sheet?.total ?? RollupResult(.pending)),
                forecast: sheet?.forecastTotal.capaian?.description, predikat: sheet?.predikat?.label.id,
                quarters: Self.quarters(path, through: f.through),
                indicators: f.rows(of: pk.id).map { row in
                    let c = f.indicator(row)
                    return Indicator(
                        key: row.key, sasaran: row.sasaran, indikator: row.indikator, satuan: row.satuan, target: row.target,
                        weight: row.weight.description,
                        realisasi: c?.toDate.realisasi.value.map { RealisasiEntryRules.canonical($0, spec: row.spec, statement: "") },
                        status: c?.toDate.capaian.status.rawValue ?? CapaianResult.Status.pending.rawValue,
                        capaian: c?.toDate.capaian.capped?.description, capaianRaw: c?.toDate.capaian.raw?.description,
                        formula: c?.toDate.capaian.formula.rawValue ?? CapaianFormula.none.rawValue,
                        formulaExpression: c?.toDate.capaian.formula.expression ?? CapaianFormula.none.expression,
                        predikat: c?.predikat?.label.id, forecast: c?.forecast.capped?.description,
                        quarters: Triwulan.all.map { q in
                            q <= f.through && (c?.path.indices.contains(q - 1) ?? false) ? c?.path[q - 1].capaian.capped?.description : nil
                        })
                })
        }
        let report = CapaianReport(
            year: y.year, through: f.through, scale: f.engine.scale.id,
            method: "indikator → sasaran → tujuan → misi: rata-rata tertimbang; TDI dan yang belum ada data tidak dihitung",
            pemda: Rollup(total), forecast: f.capaian.pemda.forecast.capaian?.description,
            predikat: f.predikat(total.capaian)?.label.id, quarters: Self.quarters(f.capaian.pemda, through: f.through),
            pagu: f.pagu, realised: f.realised, serapan: f.serapan?.description,
            strategic: f.board.strategic.map { node in
                let figures = f.capaian.strategic[node.id.uuidString]
                return StrategicCapaian(id: node.id, kind: node.kind.rawValue, parent: node.parent, number: node.number, text: node.text,
                                        weight: node.weight.description, total: figures.map { Rollup($0.toDate) },
                                        forecast: figures?.forecast.capaian?.description)
            },
            units: f.units.map { u in
                UnitCapaian(id: u.unitID, name: KinerjaParts.unitName(y, u.unitID), total: Rollup(u.capaian), predikat: u.predikat?.label.id,
                            forecast: u.path.forecast.capaian?.description, quarters: Self.quarters(u.path, through: f.through), pagu: u.pagu,
                            realised: u.realised, serapan: u.serapan?.description, efficiency: u.efficiency?.description)
            },
            pks: pks)
        return try JSONResponse.make(report)
    }

    @Sendable func warnings(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let y = try await KinerjaController.load(req, pemda: pemda)
        let unit = req.query[String.self, at: "unit"].flatMap { UUID(uuidString: String($0.prefix(36))) }
        let data = y.figures.warnings
            .filter { w in unit.map { y.organisation.opd(of: w.pk.unitID) == $0 } ?? true }
            .map { w in
                Warning(kind: w.signal.kind.rawValue, label: w.signal.kind.label.id, period: w.signal.period,
                        unitId: y.organisation.opd(of: w.pk.unitID), pkId: w.pk.id, jabatanId: w.pk.jabatanID, key: w.row.key,
                        indikator: w.row.indikator, capaian: w.signal.capaian?.description,
                        fix: KinerjaParts.fixURL(y, pk: w.pk.id, key: w.row.key, period: w.signal.period, kind: w.signal.kind))
            }
        return try JSONResponse.make(WarningList(year: y.year, through: y.figures.through, data: data))
    }

    @Sendable func realisasi(_ req: Request) async throws -> Response {
        let context = try await req.pkContext(page: false)
        let ledger = try await RealisasiLedger.load(pemdaID: context.pemda.id, jabatanID: context.content.jabatanID,
                                                    year: context.content.year, on: req.db)
        return try JSONResponse.make(RealisasiList(pkId: context.content.id, year: context.content.year, data: ledger.entries.map { e in
            Entry(key: e.rowKey, period: e.period, month: e.month, seq: e.seq, value: e.value, tdiReason: e.tdiReason, confidence: e.confidence,
                  forecast: e.forecast, status: e.status.rawValue, lateReason: e.lateReason, author: e.authorName, enteredAt: e.enteredAt,
                  judgement: e.judgement?.description, verifier: e.verifierName, verifiedAt: e.verifiedAt, returnReason: e.returnReason)
        }))
    }
}
