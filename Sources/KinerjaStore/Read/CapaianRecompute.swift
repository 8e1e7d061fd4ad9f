import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Every Pemda's figures of a year recomputed from the database through the path the pages take (`PemdaOrganisation`,
/// `CapaianBoard.load`, `KinerjaFigures`), several Pemda at a time: `kinerja capaian recompute`, the national
/// benchmark of `scripts/national-bench.sh`.
public enum CapaianRecompute {
    public struct Options: Sendable {
        public var year: Int
        /// Only the Pemda whose code starts with it ("" for all).
        public var codePrefix: String
        /// The quarter measured through, 1–4.
        public var through: Int
        public var today: CalendarDate
        /// How many Pemda are loaded and computed at once.
        public var concurrency: Int

        public init(year: Int, codePrefix: String = "", through: Int = 4, today: CalendarDate? = nil, concurrency: Int = 4) {
            self.year = year
            self.codePrefix = codePrefix
            self.through = min(max(through, 1), 4)
            self.today = today ?? CalendarDate(year: year + 1, month: 2, day: 1)!
            self.concurrency = max(1, concurrency)
        }
    }

    /// One Pemda's year, as its executive view heads it.
    public struct PemdaFigure: Sendable {
        public var code: String
        public var pks: Int
        public var rows: Int
        /// Indicator quarters with an entry (what the board's second statement answered).
        public var quarters: Int
        public var capaian: RollupResult
        public var forecast: RollupResult
        public var predikat: PredikatBand?
        public var warnings: Int
        public var serapan: FixedDecimal?
    }

    public struct Summary: Sendable {
        public var seconds: Double
        public var figures: [PemdaFigure]
        /// The Pemda's figures rolled up with equal weights.
        public var nation: RollupResult
        public var nationForecast: RollupResult
        public var pks: Int { figures.reduce(0) { $0 + $1.pks } }
        public var rows: Int { figures.reduce(0) { $0 + $1.rows } }
        public var quarters: Int { figures.reduce(0) { $0 + $1.quarters } }
        public var warnings: Int { figures.reduce(0) { $0 + $1.warnings } }
    }

    /// - Parameter database: a database for each worker (0 ..< concurrency), e.g. one per event loop so that they
    ///   run on their own connection and thread.
    public static func run(_ options: Options, database: @escaping @Sendable (Int) -> any Database) async throws -> Summary {
        let started = ContinuousClock.now
        let pemda = try await database(0).sql.raw("""
            SELECT \(unsafeRaw: PemdaInfo.columns) FROM pemda WHERE code LIKE \(bind: options.codePrefix + "%") ORDER BY code
            """).all().map { try PemdaInfo(row: $0) }
        let figures = try await withThrowingTaskGroup(of: [(Int, PemdaFigure)].self) { group in
            let next = NextIndex()
            // One Pemda a statement. Batches (`CapaianBoard.loadMany`) were faster at 50 Pemda (4.7 s against 5.3) but
            // twice as slow at 546 (104 s against 47): PostgreSQL then scanned the country's rows for every batch.
            let batch = 1
            for worker in 0..<min(options.concurrency, max(pemda.count, 1)) {
                let db = database(worker)
                group.addTask {
                    var done: [(Int, PemdaFigure)] = []
                    while let range = next.take(batch, below: pemda.count) {
                        let boards = try await CapaianBoard.loadMany(pemdaIDs: pemda[range].map(\.id), year: options.year, on: db)
                        for (i, board) in zip(range, boards) {
                            done.append((i, try await figure(pemda[i], board: board, options: options, on: db)))
                        }
                    }
                    return done
                }
            }
            var all: [(Int, PemdaFigure)] = []
            for try await done in group { all += done }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        return Summary(seconds: seconds, figures: figures, nation: Rollup.mean(figures.map(\.capaian)),
                       nationForecast: Rollup.mean(figures.map(\.forecast)))
    }

    /// One Pemda as its executive view reads it.
    public static func figure(_ pemda: PemdaInfo, board: CapaianBoard, options: Options, on db: any Database) async throws -> PemdaFigure {
        let organisation = try await PemdaOrganisation.load(pemdaID: pemda.id, on: db)
        let figures = KinerjaFigures(board: board, engine: pemda.capaianEngine, through: options.through,
                                     today: options.today, opd: organisation.opd(of:))
        var quarters = 0
        for row in board.rows {
            quarters += board.slots(row).filter { $0.latestStatus != nil }.count
        }
        let capaian = figures.capaian.pemda.at(figures.through)
        return PemdaFigure(code: pemda.code, pks: board.pks.count, rows: board.rows.count, quarters: quarters,
                           capaian: capaian, forecast: figures.capaian.pemda.forecast, predikat: figures.predikat(capaian.capaian),
                           warnings: figures.warnings.count, serapan: figures.serapan)
    }

    /// The next Pemda for whichever worker asks first.
    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(_ size: Int, below count: Int) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard value < count else { return nil }
            let range = value..<min(count, value + max(size, 1))
            value = range.upperBound
            return range
        }
    }
}
