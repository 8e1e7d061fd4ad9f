import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// `kinerja capaian recompute`: every Pemda's figures of a year computed again from the database, through the path the
/// executive view takes (organisation, `CapaianBoard`, `KinerjaFigures`), with the wall time, the rows read and the
/// national figures. The national benchmark (`scripts/national-bench.sh`) times it against a raw `COPY`.
struct CapaianCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "recompute")
        var action: String
        @Option(name: "year", help: "The year (default: this year).")
        var year: Int?
        @Option(name: "pemda-prefix", help: "Only the Pemda whose code starts with it, e.g. 98. for the generated ones (default: all).")
        var prefix: String?
        @Option(name: "tw", help: "The quarter measured through, 1–4 (default 4).")
        var tw: Int?
        @Option(name: "concurrency", help: "Pemda loaded and computed at once (default: 2 per event loop).")
        var concurrency: Int?
    }

    var help: String { "Recomputes the capaian of every Pemda for a year and prints the time it took and the national figures." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "recompute" else {
            context.console.error("Tindakan tidak dikenal: pakai recompute.")
            throw ExitCode(1)
        }
        let app = context.application
        let year = signature.year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let loops = Array(app.eventLoopGroup.makeIterator())
        let options = CapaianRecompute.Options(year: year, codePrefix: signature.prefix ?? "", through: signature.tw ?? 4,
                                               concurrency: signature.concurrency ?? 2 * max(loops.count, 1))
        let databases = app.databases
        let logger = app.logger
        let summary = try await CapaianRecompute.run(options) { worker in
            databases.database(logger: logger, on: loops[worker % loops.count])!
        }
        let console = context.console
        func percent(_ value: FixedDecimal?) -> String { value.map { IDFormat.number($0, maxFractionDigits: 2) + "%" } ?? "—" }
        console.print("Capaian \(year) s.d. TW \(IDFormat.roman(options.through)) dihitung ulang untuk \(summary.figures.count) Pemda dalam \(String(format: "%.2f", summary.seconds)) detik (\(options.concurrency) sekaligus).")
        console.print("Dibaca: \(summary.pks) PK berlaku, \(summary.rows) baris indikator, \(summary.quarters) triwulan berisi realisasi.")
        let n = summary.nation
        console.print("Nasional: capaian \(percent(n.capaian)) (rata-rata Pemda), prakiraan akhir tahun \(percent(summary.nationForecast.capaian)); IKU terukur \(n.measured), TDI \(n.tdi), belum ada nilai \(n.pending); \(summary.warnings) peringatan dini.")
        var bands: [String: Int] = [:]
        for figure in summary.figures { bands[figure.predikat?.label.id ?? "—", default: 0] += 1 }
        console.print("Predikat Pemda: " + bands.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        let ranked = summary.figures.filter { $0.capaian.capaian != nil }.sorted { $0.capaian.capaian! > $1.capaian.capaian! }
        if let best = ranked.first, let worst = ranked.last {
            console.print("Tertinggi \(best.code) \(percent(best.capaian.capaian)); terendah \(worst.code) \(percent(worst.capaian.capaian)).")
        }
        console.print("RECOMPUTE seconds=\(String(format: "%.3f", summary.seconds)) pemda=\(summary.figures.count) pks=\(summary.pks) rows=\(summary.rows) quarters=\(summary.quarters)")
    }
}
