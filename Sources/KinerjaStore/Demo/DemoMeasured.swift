import FluentKit
import Foundation
import KinerjaCore

/// A generated Pemda's year signed and measured, made in memory from the plan just made (`DemoPlan`) and written in
/// bulk (`DemoInsert`: COPY on PostgreSQL, multi-row INSERTs elsewhere) in the Pemda's own transaction: the benchmark
/// data of a national year (`kinerja demo --pemda 546 --measured`). No writer path runs per row; what the writer
/// stores is stored in the same form: values as `RealisasiEntryRules.canonical` writes them, targets as
/// `Target.canonical` does (from the plan's own targets), windows as `JadwalWindow`s.
///
/// - PKs (version 0, published, signed in January) for the Kepala Daerah and every position at Eselon II, III and IV:
///   the Kepala Daerah's rows are the RPJMD's IKU; a Kepala OPD's the RKT sasaran and the programs' indicators; an
///   Eselon III's its program, the indicators of the program's sub kegiatan and, per kegiatan, its physical progress
///   and budget absorption; an Eselon IV's, per sub kegiatan of its kegiatan, the indicator, its physical progress
///   and its absorption (about 3,000 rows for a Pemda). Each row is linked to the superior's rows it serves along
///   the planning chain; the budget table has the DPA pagu of the level's lines.
/// - Realisation TW I–IV of every row, accepted: values between 80% and 110% of the quarter's plan, every 17th TDI
///   with its reason, a year-end forecast, and every 20th first returned by the verifikator and corrected.
/// - Budget realisation TW I–IV of every lowest DPA line (15–25% of the pagu each quarter), and the four "Realisasi
///   TW" windows. No evidence files and no sealed documents: the verification page does not know these PKs.
struct DemoMeasured {
    struct Counts: Sendable, Equatable {
        var pk = 0
        var pkRows = 0
        var realisasi = 0
        var rows = 0
    }

    let pemdaID: UUID
    let year: Int
    let batch: DemoBatch
    var random: SeededRandom

    var pk: [Pk] = []
    var pkRows: [PkRow] = []
    var links: [PkLink] = []
    var budget: [PkBudget] = []
    var events: [PkEvent] = []
    var signatures: [PkSignature] = []
    var jadwal: [Jadwal] = []
    var realisasi: [EntryRow] = []
    var anggaran: [AnggaranRow] = []

    /// A row being made, with the anchors it offers to the PKs below and those it serves above (most wanted first).
    private struct Draft {
        var sasaran: String
        var indikator: String
        var satuan: String
        var spec: IndicatorSpec
        var target: String
        var quarterly: [String]
        var source: UUID?
        var offers: [String]
        var wants: [String]
        /// Physical progress and absorption stay within 100%.
        var bounded = false
    }

    init(plan: DemoPlan, seed: UInt64) {
        pemdaID = plan.pemdaID
        year = plan.year
        batch = plan.batch
        random = SeededRandom(seed: seed)
    }

    var counts: Counts {
        Counts(pk: pk.count, pkRows: pkRows.count, realisasi: realisasi.count,
               rows: pk.count + pkRows.count + links.count + budget.count + events.count + signatures.count + jadwal.count
                   + realisasi.count + anggaran.count)
    }

    func write(on db: any Database) async throws {
        try await DemoInsert.write(jadwal, on: db)
        try await DemoInsert.write(pk, on: db)
        try await DemoInsert.write(pkRows, on: db)
        try await DemoInsert.write(links, on: db)
        try await DemoInsert.write(budget, on: db)
        try await DemoInsert.write(events, on: db)
        try await DemoInsert.write(signatures, on: db)
        try await DemoInsert.write(records: realisasi, on: db)
        try await DemoInsert.write(records: anggaran, on: db)
    }

    // MARK: Making the year

    mutating func make() throws {
        guard batch.periode.contains(where: { $0.startYear <= year && $0.endYear >= year }) else {
            throw RuleViolation(code: "demo.measuredYear", field: .year,
                message: Message(id: "Tahun \(year) di luar periode RPJMD demo; PK dan realisasi tidak dapat dibangun.",
                                 en: "The year \(year) is outside the demo RPJMD period; no PKs or realisation can be built."))
        }
        try makeWindows()
        let plans = Plans(batch, year: year)
        // Superiors before their subordinates, so that a row can be linked to what the superior's PK offers.
        let levels: [JabatanLevel: Int] = [.kepalaDaerah: 0, .jpt: 1, .administrator: 2, .pengawas: 3]
        var offered: [UUID: [String: [UUID]]] = [:]
        var depth: [UUID: Int] = [:]
        func chainDepth(_ jabatan: Jabatan) -> Int {
            if let known = depth[jabatan.id!] { return known }
            let d = jabatan.$superior.id.flatMap { plans.jabatan[$0] }.map { chainDepth($0) + 1 } ?? 0
            depth[jabatan.id!] = d
            return d
        }
        let positions = batch.jabatan.filter { levels[$0.level] != nil }
            .map { (jabatan: $0, depth: chainDepth($0)) }
            .sorted { $0.depth < $1.depth }
        for (n, (jabatan, _)) in positions.enumerated() {
            let superior = jabatan.$superior.id.flatMap { plans.jabatan[$0] }
            guard let level = PkLevel(jabatan: jabatan.level, superior: superior?.level),
                level == .pemda || superior != nil
            else { continue }
            let drafts = plans.rows(level: level, jabatan: jabatan)
            guard !drafts.isEmpty else { continue }
            let pkID = UUID()
            let signedOn = CalendarDate(year: year, month: 1, day: 15 + n % 14)!
            let record = Pk(id: pkID, pemdaID: pemdaID, unitID: jabatan.$unit.id, jabatanID: jabatan.id!,
                            superiorJabatanID: superior?.id, year: year, version: 0, level: level)
            record.status = .diterbitkan
            record.signedOn = signedOn.description
            pk.append(record)
            let superiorOffers = superior.flatMap { offered[$0.id!] } ?? [:]
            var offers: [String: [UUID]] = [:]
            var made: [PkRow] = []
            for (order, draft) in drafts.enumerated() {
                let row = PkRow(id: UUID(), pemdaID: pemdaID, pkID: pkID, key: UUID().uuidString, sortOrder: order,
                                sasaran: draft.sasaran, indikator: draft.indikator, satuan: draft.satuan, spec: draft.spec,
                                target: draft.target, quarterly: draft.quarterly,
                                renstraTarget: draft.source == nil ? nil : draft.target, sourceIndikatorID: draft.source)
                pkRows.append(row)
                made.append(row)
                for anchor in draft.offers { offers[anchor, default: []].append(row.id!) }
                if let anchor = draft.wants.first(where: { superiorOffers[$0] != nil }) {
                    for superiorRow in superiorOffers[anchor] ?? [] {
                        links.append(PkLink(pemdaID: pemdaID, rowID: row.id!, superiorRowID: superiorRow))
                    }
                }
            }
            offered[jabatan.id!] = offers
            for (order, line) in plans.budget(level: level, jabatan: jabatan).enumerated() {
                budget.append(PkBudget(pemdaID: pemdaID, pkID: pkID, sortOrder: order, code: line.code, name: line.name,
                                       amount: line.amount))
            }
            makeHistory(pkID: pkID, level: level, jabatan: jabatan, superior: superior, signedOn: signedOn, plans: plans)
            try measure(pk: record, rows: made, drafts: drafts, unitName: plans.unitName(jabatan.$unit.id), order: n)
        }
        makeBudgetRealisation(plans)
    }

    private mutating func makeWindows() throws {
        func day(_ month: Int, _ d: Int, _ y: Int? = nil) -> CalendarDate { CalendarDate(year: y ?? year, month: month, day: d)! }
        for (q, opens, closes) in [(1, day(4, 1), day(4, 20)), (2, day(7, 1), day(7, 20)), (3, day(10, 1), day(10, 20)),
                                   (4, day(1, 4, year + 1), day(1, 20, year + 1))]
        {
            jadwal.append(Jadwal(pemdaID: pemdaID, year: year,
                                 window: try JadwalWindow(stage: Triwulan.stage(q), opens: opens, closes: closes)))
        }
    }

    /// The workflow's steps and both signatures, as the writer records them.
    private mutating func makeHistory(pkID: UUID, level: PkLevel, jabatan: Jabatan, superior: Jabatan?, signedOn: CalendarDate,
                                      plans: Plans)
    {
        let at = Self.moment(signedOn)
        let steps: [(String, PkStatus, PkStatus)] = [("susun", .draf, .draf), ("ajukan", .draf, .diajukan),
                                                     ("setujui", .diajukan, .disetujui),
                                                     ("tandatangani", .disetujui, .ditandatangani),
                                                     ("terbitkan", .ditandatangani, .diterbitkan)]
        for (seq, (action, from, to)) in steps.enumerated() {
            events.append(PkEvent(pemdaID: pemdaID, pkID: pkID, seq: seq + 1, at: at.addingTimeInterval(Double(seq) * 600),
                                  userID: nil, userName: "demo", action: action, from: from, to: to, reason: nil))
        }
        var parties: [(PkParty, Jabatan)] = [(.pihakPertama, jabatan)]
        if !level.isUnilateral, let superior { parties.append((.pihakKedua, superior)) }
        for (party, position) in parties {
            let holder = plans.holder[position.id!]
            signatures.append(PkSignature(pemdaID: pemdaID, pkID: pkID, party: party, userID: nil,
                                          signer: PkSigner(name: holder?.name ?? position.name, nip: holder?.nip,
                                                           pangkat: holder?.pangkat ?? "", jabatan: position.name),
                                          at: at.addingTimeInterval(1_800), on: signedOn))
        }
    }

    /// TW I–IV of every row, entered in the quarter's window and accepted a few days later. Each value is stored in
    /// the form `RealisasiEntryRules.canonical` gives it, which is what the writer stores after validating a draft.
    private mutating func measure(pk: Pk, rows: [PkRow], drafts: [Draft], unitName: String, order n: Int) throws {
        let author = "Operator \(unitName)"
        let pkID = pk.id!
        let jabatanID = pk.$jabatan.id
        for (r, row) in rows.enumerated() {
            let spec = drafts[r].spec
            guard spec.kind != .text else { continue }
            let forecast = Self.forecast(spec: spec, target: row.target, shortfall: (n + r) % 5 == 3)
                .map { RealisasiEntryRules.canonical(.value($0), spec: spec, statement: "") }
            for q in Triwulan.all {
                guard var value = Self.value(spec: spec, plan: row.quarterly[q - 1], target: row.target, random: &random)
                else { continue }
                if drafts[r].bounded, case .value(let v) = value, v > FixedDecimal(100) { value = .value(FixedDecimal(100)) }
                let tdi = (n + r + q) % 17 == 0
                let (opensMonth, opensYear) = q == 4 ? (1, year + 1) : (q * 3 + 1, year)
                let entered = Self.moment(CalendarDate(year: opensYear, month: opensMonth, day: 5 + (n + r) % 10)!)
                var entry = EntryRow(
                    id: UUID(), pemdaID: pemdaID, pkID: pkID, jabatanID: jabatanID, year: year, rowKey: row.key, period: q,
                    seq: 1, value: RealisasiEntryRules.canonical(tdi ? .tdi : value, spec: spec, statement: ""),
                    tdiReason: tdi ? "Data survei triwulan dari BPS belum dirilis." : nil,
                    confidence: 6 + random.int(0...4), forecast: tdi ? nil : forecast,
                    supporting: "Kegiatan berjalan sesuai rencana aksi triwulan.",
                    obstacles: random.chance(30) ? "Keterlambatan pengadaan barang dan jasa." : "",
                    followUp: "Percepatan pelaksanaan kegiatan pada triwulan berikutnya.",
                    status: .diterima, authorName: author, enteredAt: entered,
                    verifierName: "Verifikator Bappeda", verifiedAt: entered.addingTimeInterval(2 * 86_400), returnReason: nil)
                if (n + r + q) % 20 == 7 {
                    // Returned first, then entered again and accepted.
                    var returned = entry
                    returned.status = .dikembalikan
                    returned.returnReason = "Bukti dukung belum dilampirkan dan angka belum sesuai laporan bulanan."
                    realisasi.append(returned)
                    entry.id = UUID()
                    entry.seq = 2
                    entry.enteredAt = entered.addingTimeInterval(3 * 86_400)
                    entry.verifiedAt = entered.addingTimeInterval(5 * 86_400)
                }
                realisasi.append(entry)
            }
        }
    }

    /// Every lowest DPA line, TW I–IV, a sixth to a quarter of its pagu each quarter (never above the pagu in all).
    private mutating func makeBudgetRealisation(_ plans: Plans) {
        for dpa in batch.dpa {
            let lines = plans.dpaLines[dpa.id!] ?? []
            let leaves = Anggaran.leaves(lines.map(\.code))
            for line in lines where leaves.contains(line.code) && line.amount > 0 {
                for q in Triwulan.all {
                    anggaran.append(AnggaranRow(
                        id: UUID(), pemdaID: pemdaID, lineID: line.id!, year: year, period: q,
                        amount: line.amount / 100 * Int64(random.int(15...25)), authorName: "Operator keuangan",
                        enteredAt: Self.moment(CalendarDate(year: q == 4 ? year + 1 : year, month: q == 4 ? 1 : q * 3 + 1, day: 8)!)))
                }
            }
        }
    }

    // MARK: Values

    static func moment(_ day: CalendarDate) -> Date {
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (day.year, day.month, day.day, 2)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// A value near the quarter's plan (the year target where none): 80–110% of it, the other way round for a
    /// negative indicator.
    static func value(spec: IndicatorSpec, plan: String, target: String, random: inout SeededRandom) -> Realisasi? {
        switch spec.kind {
        case .numeric, .percent, .index:
            let base: FixedDecimal
            switch TargetInput.parseStored(plan, for: spec) ?? TargetInput.parseStored(target, for: spec) {
            case .value(let v): base = v
            case .range(let a, let b): base = (a + b) / FixedDecimal(2)
            default: return nil
            }
            let percent = FixedDecimal(random.int(80...110)) / FixedDecimal(100)
            let factor = spec.polarity == .negative ? FixedDecimal(2) - percent : percent
            return .value((base * factor).rounded(toFractionDigits: 2))
        case .binary: return .binary(random.chance(80))
        case .ordinal: return spec.ordinalScale.map { .ordinal(rank: $0.levels.count) }
        case .text: return nil
        }
    }

    /// The year target, or a tenth short of it (above it for a negative indicator).
    static func forecast(spec: IndicatorSpec, target: String, shortfall: Bool) -> FixedDecimal? {
        guard spec.kind.isQuantitative, case .value(let t)? = TargetInput.parseStored(target, for: spec) else { return nil }
        guard shortfall else { return t }
        let factor = spec.polarity == .negative ? FixedDecimal(11) / FixedDecimal(10) : FixedDecimal(9) / FixedDecimal(10)
        return (t * factor).rounded(toFractionDigits: 2)
    }

    // MARK: The plans, indexed

    /// The Pemda's plans as the prefill reads them, indexed once.
    private struct Plans {
        struct Line {
            var code: String
            var name: String
            var amount: Int64
        }

        let year: Int
        var jabatan: [UUID: Jabatan] = [:]
        var units: [UUID: Unit] = [:]
        var holder: [UUID: Pegawai] = [:]
        var indikator: [UUID: [Indikator]] = [:]
        var targets: [UUID: [Int: String]] = [:]
        var previousTargets: [UUID: String] = [:]
        var items: [UUID: RenstraItem] = [:]
        var children: [UUID: [RenstraItem]] = [:]
        var responsible: [UUID: [RenstraItem]] = [:]
        var programs: [UUID: [RenstraItem]] = [:]
        var rktSasaran: [UUID: [RktSasaran]] = [:]
        var renstraSasaran: [UUID: RenstraSasaran] = [:]
        var sasaranRpjmd: [SasaranRpjmd] = []
        var dpaLines: [UUID: [DpaPagu]] = [:]
        var pagu: [UUID: [String: Int64]] = [:]

        init(_ batch: DemoBatch, year: Int) {
            self.year = year
            for j in batch.jabatan { jabatan[j.id!] = j }
            for u in batch.units { units[u.id!] = u }
            let pegawai = Dictionary(uniqueKeysWithValues: batch.pegawai.map { ($0.id!, $0) })
            for p in batch.penugasan where holder[p.$jabatan.id] == nil { holder[p.$jabatan.id] = pegawai[p.$pegawai.id] }
            for i in batch.indikator { indikator[i.ownerID, default: []].append(i) }
            for t in batch.targets {
                if t.year == year { targets[t.$indikator.id, default: [:]][t.period] = t.value }
                if t.year == year - 1 && t.period == 0 { previousTargets[t.$indikator.id] = t.value }
            }
            for item in batch.renstraItems {
                items[item.id!] = item
                if let parent = item.$parent.id { children[parent, default: []].append(item) }
            }
            for link in batch.itemUnits { if let item = items[link.$item.id] { responsible[link.$unit.id, default: []].append(item) } }
            let renstraUnit = Dictionary(uniqueKeysWithValues: batch.renstra.map { ($0.id!, $0.$unit.id) })
            for item in batch.renstraItems where item.level == .program {
                if let unit = renstraUnit[item.$renstra.id] { programs[unit, default: []].append(item) }
            }
            let rktUnit = Dictionary(uniqueKeysWithValues: batch.rkt.filter { $0.year == year }.map { ($0.id!, $0.$unit.id) })
            for s in batch.rktSasaran { if let unit = rktUnit[s.$rkt.id] { rktSasaran[unit, default: []].append(s) } }
            for s in batch.renstraSasaran { renstraSasaran[s.id!] = s }
            sasaranRpjmd = batch.sasaran
            let dpaUnit = Dictionary(uniqueKeysWithValues: batch.dpa.filter { $0.year == year }.map { ($0.id!, $0.$unit.id) })
            for line in batch.dpaPagu {
                dpaLines[line.$dpa.id, default: []].append(line)
                if let unit = dpaUnit[line.$dpa.id] { pagu[unit, default: [:]][line.code] = line.amount }
            }
            for key in dpaLines.keys { dpaLines[key]?.sort { $0.code < $1.code } }
        }

        func unitName(_ id: UUID?) -> String { id.flatMap { units[$0]?.name } ?? "Sekretariat Daerah" }

        /// The Perangkat Daerah a unit belongs to.
        func opd(_ id: UUID?) -> UUID? {
            var current = id
            while let id = current, let unit = units[id], let parent = unit.$parent.id { current = parent }
            return current
        }

        func sentence(_ name: String) -> String { name == name.uppercased() ? name.capitalized : name }

        func rpjmdAnchor(_ renstraSasaranID: UUID?) -> [String] {
            renstraSasaranID.flatMap { renstraSasaran[$0]?.$sasaranRpjmd.id }.map { ["rpjmd:\($0)"] } ?? []
        }

        /// The year target and TW I–IV plan of an indicator: the stored quarterly targets where the RKT has them;
        /// else a sum split about 20/25/25/30 and a level moving from last year's target to this year's.
        func target(_ i: Indikator) -> (String, [String]) {
            let stored = targets[i.id!] ?? [:]
            let year = stored[0] ?? ""
            if (1...4).allSatisfy({ stored[$0] != nil }) { return (year, (1...4).map { stored[$0]! }) }
            let spec = i.spec
            guard spec.kind.isQuantitative, let t = FixedDecimal(canonical: year) else { return (year, Array(repeating: year, count: 4)) }
            if spec.aggregation == .sum {
                let shares = [20, 25, 25].map { (t * FixedDecimal($0) / FixedDecimal(100)).rounded(toFractionDigits: 0) }
                return (year, shares.map(\.description) + [(t - shares.reduce(FixedDecimal.zero, +)).description])
            }
            let previous = previousTargets[i.id!].flatMap(FixedDecimal.init(canonical:)) ?? t
            return (year, (1...4).map { q in (previous + (t - previous) * FixedDecimal(q) / FixedDecimal(4)).rounded(toFractionDigits: 3).description })
        }

        func row(_ i: Indikator, sasaran: String, offers: [String], wants: [String]) -> Draft {
            let (target, quarterly) = target(i)
            // The generated country is entered a quarter at a time, in bulk: its PKs take every row as quarterly.
            var spec = i.spec
            spec.reporting = .quarterly
            return Draft(sasaran: sasaran, indikator: i.name, satuan: i.satuan, spec: spec, target: target,
                         quarterly: quarterly, source: i.id, offers: offers + ["ind:\(i.id!)"], wants: wants)
        }

        /// A rencana aksi measure of a kegiatan or sub kegiatan with no indicator of its own in the plan.
        func progress(_ what: String, of item: RenstraItem, sasaran: String, plan: [String], offers: [String], wants: [String]) -> Draft {
            Draft(sasaran: sasaran, indikator: "Persentase \(what) \(sentence(item.name).lowercased())", satuan: "%",
                  spec: IndicatorSpec(kind: .percent, aggregation: .last), target: "100", quarterly: plan, source: nil,
                  offers: offers, wants: wants, bounded: true)
        }

        static let physical = ["20", "45", "75", "100"]
        static let absorption = ["15", "40", "70", "100"]

        func rows(level: PkLevel, jabatan: Jabatan) -> [Draft] {
            switch level {
            case .pemda:
                return sasaranRpjmd.flatMap { s in
                    (indikator[s.id!] ?? []).map { row($0, sasaran: s.text, offers: ["rpjmd:\(s.id!)"], wants: []) }
                }
            case .jpt:
                guard let unit = jabatan.$unit.id else { return [] }
                var drafts: [Draft] = []
                for s in rktSasaran[unit] ?? [] {
                    for i in indikator[s.id!] ?? [] {
                        drafts.append(row(i, sasaran: s.text, offers: s.$renstraSasaran.id.map { ["renstraSasaran:\($0)"] } ?? [],
                                          wants: rpjmdAnchor(s.$renstraSasaran.id)))
                    }
                }
                for program in programs[unit] ?? [] {
                    let sasaran = program.$sasaran.id.flatMap { renstraSasaran[$0]?.text } ?? sentence(program.name)
                    for i in indikator[program.id!] ?? [] {
                        drafts.append(row(i, sasaran: sasaran, offers: ["prog:\(program.id!)"], wants: rpjmdAnchor(program.$sasaran.id)))
                    }
                }
                return drafts
            case .administrator:
                guard let unit = jabatan.$unit.id else { return [] }
                var drafts: [Draft] = []
                for program in (responsible[unit] ?? []).filter({ $0.level == .program }) {
                    let wants = (program.$sasaran.id.map { ["renstraSasaran:\($0)"] } ?? []) + ["prog:\(program.id!)"]
                    for i in indikator[program.id!] ?? [] {
                        drafts.append(row(i, sasaran: sentence(program.name), offers: ["prog:\(program.id!)"], wants: wants))
                    }
                    for kegiatan in children[program.id!] ?? [] {
                        let sasaran = sentence(kegiatan.name)
                        let anchors = ["keg:\(kegiatan.id!)"]
                        for sub in children[kegiatan.id!] ?? [] {
                            for i in indikator[sub.id!] ?? [] {
                                drafts.append(row(i, sasaran: sasaran, offers: ["sub:\(sub.id!)"] + anchors, wants: ["prog:\(program.id!)"]))
                            }
                        }
                        drafts.append(progress("realisasi fisik kegiatan", of: kegiatan, sasaran: sasaran, plan: Self.physical,
                                               offers: anchors, wants: ["prog:\(program.id!)"]))
                        drafts.append(progress("serapan anggaran kegiatan", of: kegiatan, sasaran: sasaran, plan: Self.absorption,
                                               offers: anchors, wants: ["prog:\(program.id!)"]))
                    }
                }
                return drafts
            case .pengawas:
                guard let unit = jabatan.$unit.id else { return [] }
                var drafts: [Draft] = []
                for program in (responsible[unit] ?? []).filter({ $0.level == .program }) {
                    for kegiatan in children[program.id!] ?? [] {
                        let sasaran = sentence(kegiatan.name)
                        let up = ["keg:\(kegiatan.id!)", "prog:\(program.id!)"]
                        for sub in children[kegiatan.id!] ?? [] {
                            let wants = ["sub:\(sub.id!)"] + up
                            for i in indikator[sub.id!] ?? [] { drafts.append(row(i, sasaran: sasaran, offers: [], wants: wants)) }
                            drafts.append(progress("realisasi fisik sub kegiatan", of: sub, sasaran: sasaran, plan: Self.physical,
                                                   offers: [], wants: wants))
                            drafts.append(progress("serapan anggaran sub kegiatan", of: sub, sasaran: sasaran, plan: Self.absorption,
                                                   offers: [], wants: wants))
                        }
                    }
                }
                return drafts
            }
        }

        /// The budget table: programs for the Kepala Daerah (summed by code) and a Kepala OPD, kegiatan for an
        /// Eselon III, sub kegiatan for an Eselon IV, each with the DPA pagu.
        func budget(level: PkLevel, jabatan: Jabatan) -> [Line] {
            func line(_ item: RenstraItem, unit: UUID?) -> Line {
                Line(code: item.code, name: item.name, amount: unit.flatMap { pagu[$0]?[item.code] } ?? 0)
            }
            let opdUnit = opd(jabatan.$unit.id)
            switch level {
            case .pemda:
                var totals: [String: Line] = [:]
                for (unit, list) in programs {
                    for program in list {
                        totals[program.code, default: Line(code: program.code, name: program.name, amount: 0)].amount += pagu[unit]?[program.code] ?? 0
                    }
                }
                return totals.values.sorted { $0.code < $1.code }
            case .jpt:
                return (jabatan.$unit.id.flatMap { programs[$0] } ?? []).map { line($0, unit: opdUnit) }
            case .administrator, .pengawas:
                let own = (jabatan.$unit.id.flatMap { responsible[$0] } ?? []).filter { $0.level == .program }
                let kegiatan = own.flatMap { children[$0.id!] ?? [] }
                let lines = level == .administrator ? kegiatan : kegiatan.flatMap { children[$0.id!] ?? [] }
                return lines.map { line($0, unit: opdUnit) }
            }
        }
    }
}
