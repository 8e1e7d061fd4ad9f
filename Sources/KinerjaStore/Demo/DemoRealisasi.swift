import FluentKit
import Foundation
import KinerjaCore

/// The demo year measured through TW III, through the same writer as the web pages: the "Realisasi TW" windows, values
/// near each PK's quarterly plan (some short, some over), evidence-free, mostly accepted, some returned and corrected
/// (one late, with its reason), a few TDI, and TW III partly still awaiting the verifikator, so that every figure of
/// the capaian pages rests on accepted data. TW III stays reopened for the demo accounts to try.
public enum DemoRealisasi {
    public struct Summary: Sendable, Equatable {
        public var entries = 0
        public var accepted = 0
        public var returned = 0
        public var awaiting = 0
        /// Budget realisation entries (DPA line and quarter).
        public var budget = 0
    }

    public static func run(pemdaID: UUID, year: Int, on db: any Database) async throws -> Summary {
        var summary = Summary()
        let admin = AuditContext(userID: nil, username: "demo", requestID: "demo-realisasi")
        func day(_ month: Int, _ d: Int, _ y: Int? = nil) -> CalendarDate { CalendarDate(year: y ?? year, month: month, day: d)! }
        let schedule = PemdaWriter(database: db, pemdaID: pemdaID, audit: admin.on(day(1, 10)))
        let windows = [(1, day(4, 1), day(4, 20)), (2, day(7, 1), day(7, 20)), (3, day(10, 1), day(10, 20)),
                       (4, day(1, 4, year + 1), day(1, 20, year + 1))]
        for (q, opens, closes) in windows {
            try await schedule.setJadwal(year: year, window: try JadwalWindow(stage: Triwulan.stage(q), opens: opens, closes: closes))
        }
        try await schedule.on(day(10, 22)).reopenJadwal(
            year: year, stage: .realisasiTw3, until: day(12, 20),
            reason: "Dibuka kembali untuk melengkapi realisasi TW III yang terlambat dari beberapa Perangkat Daerah.")

        let pks = try await Pk.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$year == year).all()
        let names = Dictionary(try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id, $0.name) },
                               uniquingKeysWith: { a, _ in a })
        func order(_ pk: Pk) -> (String, String) { (pk.level.rawValue, names[pk.$jabatan.id] ?? "") }
        let inForce = Dictionary(grouping: pks, by: { $0.$jabatan.id }).values.compactMap { PkVersions.inForce($0) }
            .sorted { order($0) < order($1) }
        let unitActor = PkActor(mayDraft: true)
        let verifierActor = PkActor(mayVerify: true)
        var random = SeededRandom(seed: UInt64(year) &* 7919)
        for (n, pk) in inForce.enumerated() {
            let pkID = try pk.requireID()
            let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
            let unitName = try await pk.$unit.get(on: db)?.name ?? "Sekretariat Daerah"
            let operatorAudit = AuditContext(userID: nil, username: "Operator \(unitName)", requestID: "demo-realisasi")
            let verifierAudit = AuditContext(userID: nil, username: "Verifikator Bappeda", requestID: "demo-realisasi")
            // Most units report every quarter; every sixth stops after TW II.
            let lastQuarter = n % 6 == 5 ? 2 : 3
            for q in 1...lastQuarter {
                let entered = day(q * 3 + 1, 5 + n % 12)
                var drafts: [RealisasiDraft] = []
                for (r, row) in rows.enumerated() {
                    guard let value = demoValue(row, quarter: q, random: &random) else { continue }
                    let tdi = (n + r + q) % 17 == 0
                    let months = row.spec.reporting == .monthly ? demoMonths(row, quarter: q, value: value, random: &random) : [(0, value)]
                    for (month, value) in months {
                    drafts.append(RealisasiDraft(
                        key: row.key, month: month, value: tdi ? "TDI" : value,
                        tdiReason: tdi ? "Data survei triwulan dari BPS belum dirilis." : "",
                        confidence: String(6 + random.int(0...4)), forecast: tdi ? "" : demoForecast(row, shortfall: (n + r) % 5 == 3) ?? "",
                        narrative: RealisasiNarrative(
                            supporting: "Kegiatan berjalan sesuai rencana aksi triwulan.",
                            obstacles: random.chance(30) ? "Keterlambatan pengadaan barang dan jasa." : "",
                            followUp: "Percepatan pelaksanaan kegiatan pada triwulan berikutnya.")))
                    }
                }
                guard !drafts.isEmpty else { continue }
                let writer = PemdaWriter(database: db, pemdaID: pemdaID, audit: operatorAudit.on(entered))
                let saved = try await writer.saveRealisasi(pkID: pkID, period: q, drafts: drafts, confirmed: true, actor: unitActor)
                summary.entries += saved.saved
                // TW III of every third PK still waits for the verifikator.
                if q == 3 && n % 3 == 1 {
                    summary.awaiting += saved.saved
                    continue
                }
                let ledger = try await RealisasiLedger.load(pemdaID: pemdaID, jabatanID: pk.$jabatan.id, year: year, on: db)
                var decisions: [UUID: RealisasiDecision] = [:]
                var returnedKeys: [String] = []
                for (r, draft) in drafts.enumerated() {
                    guard let entry = ledger.latest(key: draft.key, period: q, month: draft.month), entry.status == .diajukan else { continue }
                    if (n + r) % 9 == 4 {
                        decisions[entry.id] = .giveBack(reason: "Bukti dukung belum dilampirkan dan angka belum sesuai laporan bulanan.")
                        returnedKeys.append(draft.fieldKey)
                    } else {
                        decisions[entry.id] = .accept(judgement: nil)
                    }
                }
                let verifier = PemdaWriter(database: db, pemdaID: pemdaID, audit: verifierAudit.on(day(q * 3 + 1, 18)))
                summary.accepted += try await verifier.verifyRealisasi(pkID: pkID, decisions: decisions, actor: verifierActor) - returnedKeys.count
                summary.returned += returnedKeys.count
                // Most returns are corrected and accepted; the TW I corrections of every fourth PK come late, with a reason.
                let corrections = drafts.filter { returnedKeys.contains($0.fieldKey) && (n + q) % 4 != 2 }
                guard !corrections.isEmpty else { continue }
                let late = q == 1 && n % 4 == 0
                let correctedOn = late ? day(5, 6) : day(q * 3 + 1, 19)
                let corrected = try await PemdaWriter(database: db, pemdaID: pemdaID, audit: operatorAudit.on(correctedOn))
                    .saveRealisasi(pkID: pkID, period: q, drafts: corrections.map { var d = $0; d.narrative.obstacles += " Angka dikoreksi sesuai laporan bulanan."; return d },
                                   lateReason: late ? "Koreksi atas pengembalian verifikator; laporan bulanan baru diterima." : "",
                                   confirmed: true, actor: unitActor)
                summary.entries += corrected.saved
                let again = try await RealisasiLedger.load(pemdaID: pemdaID, jabatanID: pk.$jabatan.id, year: year, on: db)
                var accept: [UUID: RealisasiDecision] = [:]
                for draft in corrections {
                    if let entry = again.latest(key: draft.key, period: q, month: draft.month), entry.status == .diajukan {
                        accept[entry.id] = .accept(judgement: nil)
                    }
                }
                summary.accepted += try await PemdaWriter(database: db, pemdaID: pemdaID, audit: verifierAudit.on(correctedOn))
                    .verifyRealisasi(pkID: pkID, decisions: accept, actor: verifierActor)
                summary.returned -= accept.count
            }
        }
        summary.budget = try await budget(pemdaID: pemdaID, year: year, random: &random, on: db)
        return summary
    }

    /// TW I–III of every DPA's sub kegiatan: a fifth to a third of the pagu each quarter, a little behind the plan as
    /// is usual early in the year; every fifth unit has not entered TW III yet.
    static func budget(pemdaID: UUID, year: Int, random: inout SeededRandom, on db: any Database) async throws -> Int {
        var written = 0
        // In the order of the unit codes, so that the same seed gives the same year.
        let codes = Dictionary(try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id, $0.code) },
                               uniquingKeysWith: { a, _ in a })
        let dpas = try await Dpa.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$year == year).all()
            .sorted { (codes[$0.$unit.id] ?? "") < (codes[$1.$unit.id] ?? "") }
        for (n, dpa) in dpas.enumerated() {
            let lines = try await DpaPagu.query(on: db).filter(\.$dpa.$id == dpa.requireID()).all().sorted { $0.code < $1.code }
            let leaves = Anggaran.leaves(lines.map(\.code))
            let audit = AuditContext(userID: nil, username: "Operator keuangan", requestID: "demo-realisasi")
            for q in 1...(n % 5 == 4 ? 2 : 3) {
                var amounts: [UUID: [String?]] = [:]
                for line in lines where leaves.contains(line.code) && line.amount > 0 {
                    var quarters: [String?] = [nil, nil, nil, nil]
                    quarters[q - 1] = String(line.amount / 100 * Int64(random.int(18...30)))
                    amounts[try line.requireID()] = quarters
                }
                let writer = PemdaWriter(database: db, pemdaID: pemdaID, audit: audit.on(CalendarDate(year: year, month: q * 3 + 1, day: 8)!))
                written += try await writer.saveAnggaranRealisasi(unitID: dpa.$unit.id, year: year, amounts: amounts)
            }
        }
        return written
    }

    /// A value near the quarter's plan: between 80% and 110% of it, the wrong way round for a negative indicator;
    /// cumulative indicators rise with the quarters through their quarterly plan.
    static func demoValue(_ row: PkRow, quarter q: Int, random: inout SeededRandom) -> String? {
        let spec = row.spec
        switch spec.kind {
        case .numeric, .percent, .index:
            let plan = TargetInput.parseStored(row.quarterly[q - 1], for: spec) ?? TargetInput.parseStored(row.target, for: spec)
            let base: FixedDecimal
            switch plan {
            case .value(let v): base = v
            case .range(let a, let b): base = (a + b) / FixedDecimal(2)
            default: return nil
            }
            let percent = FixedDecimal(random.int(80...110)) / FixedDecimal(100)
            let factor = spec.polarity == .negative ? FixedDecimal(2) - percent : percent
            return IDFormat.number((base * factor).rounded(toFractionDigits: 2))
        case .binary: return random.chance(80) ? "ya" : "tidak"
        case .ordinal: return spec.ordinalScale?.levels.last
        case .text: return nil
        }
    }

    /// The three months of a quarter for a monthly indicator: a summed one splits the quarter's value about evenly
    /// (the last month takes the rest), a level one moves towards it month by month.
    static func demoMonths(_ row: PkRow, quarter q: Int, value: String, random: inout SeededRandom) -> [(Int, String)] {
        let months = Array(Bulan.of(quarter: q))
        guard let total = try? NumberInput.parse(value).value else { return months.map { ($0, value) } }
        if row.spec.aggregation == .sum {
            let first = (total * FixedDecimal(random.int(30...36)) / FixedDecimal(100)).rounded(toFractionDigits: 0)
            let second = (total * FixedDecimal(random.int(30...36)) / FixedDecimal(100)).rounded(toFractionDigits: 0)
            return zip(months, [first, second, total - first - second]).map { ($0, IDFormat.number($1)) }
        }
        return months.enumerated().map { i, month in
            let factor = FixedDecimal(97 + i) / FixedDecimal(100 - (2 - i))
            return (month, i == 2 ? value : IDFormat.number((total * factor).rounded(toFractionDigits: 2)))
        }
    }

    /// The year target as forecast, or one that falls short of it by a tenth (above it for a negative indicator),
    /// so that the early warning has something true to say.
    static func demoForecast(_ row: PkRow, shortfall: Bool) -> String? {
        guard row.spec.kind.isQuantitative, case .value(let t)? = TargetInput.parseStored(row.target, for: row.spec) else { return nil }
        guard shortfall else { return IDFormat.number(t) }
        let factor = row.spec.polarity == .negative ? FixedDecimal(11) / FixedDecimal(10) : FixedDecimal(9) / FixedDecimal(10)
        return IDFormat.number((t * factor).rounded(toFractionDigits: 2))
    }
}
