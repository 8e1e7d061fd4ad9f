import FluentKit
import Foundation
import KinerjaCore

/// What a new PK starts with, drawn from the plans (issue 4: "Prefill from the Renstra, the RKT, the DPA pagu and
/// the superior's PK"): rows with targets and rencana aksi, budget lines with their DPA (or Renstra) pagu.
struct PkPrefill {
    struct Row {
        var sasaran: String
        var indikator: Indikator
        var target: String
        var quarterly: [String]
        var renstraTarget: String?
    }

    struct Budget {
        var code: String
        var name: String
        var amount: Int64
    }

    var rows: [Row] = []
    var budget: [Budget] = []

    static func make(level: PkLevel, jabatan: Jabatan, pemdaID: UUID, year: Int, on db: any Database) async throws
        -> PkPrefill
    {
        var prefill = PkPrefill()
        switch level {
        case .pemda:
            try await prefill.fromRpjmd(pemdaID: pemdaID, year: year, on: db)
        case .jpt:
            guard let unitID = jabatan.$unit.id else { break }
            try await prefill.fromRktOrRenstra(unitID: unitID, year: year, on: db)
        case .administrator, .pengawas:
            guard let unitID = jabatan.$unit.id else { break }
            try await prefill.fromResponsibleItems(unitID: unitID, level: level, year: year, on: db)
        }
        return prefill
    }

    /// The targets of an indicator for a year: the year (period 0) and Triwulan I–IV.
    static func targets(_ indikatorID: UUID, year: Int, on db: any Database) async throws -> (String, [String]) {
        let rows = try await IndikatorTarget.query(on: db).filter(\.$indikator.$id == indikatorID)
            .filter(\.$year == year).all()
        let byPeriod = Dictionary(rows.map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
        return (byPeriod[0] ?? "", (1...4).map { byPeriod[$0] ?? "" })
    }

    static func indicators(_ owner: IndikatorOwner, _ ownerID: UUID, on db: any Database) async throws -> [Indikator] {
        try await Indikator.query(on: db).filter(\.$ownerKind == owner).filter(\.$ownerID == ownerID)
            .sort(\.$sortOrder).all()
    }

    mutating func fromRpjmd(pemdaID: UUID, year: Int, on db: any Database) async throws {
        guard let periode = try await PeriodeRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID).all()
            .first(where: { $0.years.contains(year) })
        else { return }
        let misi = try await Misi.query(on: db).filter(\.$periode.$id == periode.requireID()).sort(\.$number).all()
        for m in misi {
            for t in try await Tujuan.query(on: db).filter(\.$misi.$id == m.requireID()).sort(\.$number).all() {
                for s in try await SasaranRpjmd.query(on: db).filter(\.$tujuan.$id == t.requireID()).sort(\.$number).all() {
                    for i in try await Self.indicators(.sasaranRpjmd, s.requireID(), on: db) {
                        let (target, quarterly) = try await Self.targets(i.requireID(), year: year, on: db)
                        rows.append(Row(sasaran: s.text, indikator: i, target: target, quarterly: quarterly,
                                        renstraTarget: target.isEmpty ? nil : target))
                    }
                }
            }
        }
        // The Kepala Daerah's budget table: every program of every Perangkat Daerah, summed by code.
        var totals: [String: Budget] = [:]
        var order: [String] = []
        let units = try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).sort(\.$sortOrder).all()
        for unit in units where unit.kind.isPerangkatDaerah {
            for line in try await Self.programBudget(unitID: unit.requireID(), year: year, on: db) {
                if totals[line.code] == nil { order.append(line.code) }
                totals[line.code, default: Budget(code: line.code, name: line.name, amount: 0)].amount += line.amount
            }
        }
        budget = order.sorted().compactMap { totals[$0] }
    }

    mutating func fromRktOrRenstra(unitID: UUID, year: Int, on db: any Database) async throws {
        if let rkt = try await Rkt.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == year).first() {
            for s in try await RktSasaran.query(on: db).filter(\.$rkt.$id == rkt.requireID()).sort(\.$number).all() {
                let renstraTwins = try await s.$renstraSasaran.id.asyncMap {
                    try await Self.indicators(.renstraSasaran, $0, on: db)
                } ?? []
                for i in try await Self.indicators(.rktSasaran, s.requireID(), on: db) {
                    let (target, quarterly) = try await Self.targets(i.requireID(), year: year, on: db)
                    let twin = renstraTwins.first { $0.code == i.code }
                    let renstra = try await twin.asyncMap { try await Self.targets($0.requireID(), year: year, on: db).0 }
                    rows.append(Row(sasaran: s.text, indikator: i, target: target, quarterly: quarterly,
                                    renstraTarget: renstra.flatMap { $0.isEmpty ? nil : $0 }))
                }
            }
        } else if let renstra = try await PlanQueries.current(renstraOf: unitID, on: db) {
            for s in try await RenstraSasaran.query(on: db).filter(\.$renstra.$id == renstra.requireID())
                .sort(\.$number).all()
            {
                for i in try await Self.indicators(.renstraSasaran, s.requireID(), on: db) {
                    let (target, quarterly) = try await Self.targets(i.requireID(), year: year, on: db)
                    rows.append(Row(sasaran: s.text, indikator: i, target: target, quarterly: quarterly,
                                    renstraTarget: target.isEmpty ? nil : target))
                }
            }
        }
        budget = try await Self.programBudget(unitID: unitID, year: year, on: db)
    }

    /// Eselon III: the programs the unit is responsible for, with their kegiatan as the budget. Eselon IV: the
    /// kegiatan (or those of the unit's programs), measured by their own or their sub kegiatan's indicators.
    mutating func fromResponsibleItems(unitID: UUID, level: PkLevel, year: Int, on db: any Database) async throws {
        let responsible = try await RenstraItemUnit.query(on: db).filter(\.$unit.$id == unitID).all().map { $0.$item.id }
        guard !responsible.isEmpty else { return }
        let items = try await RenstraItem.query(on: db).filter(\.$id ~~ responsible).sort(\.$sortOrder).all()
        guard let renstraID = items.first?.$renstra.id else { return }
        let all = try await RenstraItem.query(on: db).filter(\.$renstra.$id == renstraID).sort(\.$sortOrder).all()
        let children = Dictionary(grouping: all) { $0.$parent.id }
        let dpa = try await Self.dpaPagu(renstraID: renstraID, year: year, on: db)
        func amount(_ item: RenstraItem) async throws -> Int64 {
            if let pagu = dpa[item.code] { return pagu }
            return try await RenstraPagu.query(on: db).filter(\.$item.$id == item.requireID()).filter(\.$year == year)
                .first()?.amount ?? 0
        }
        let anchors: [RenstraItem]
        if level == .administrator {
            anchors = items.filter { $0.level == .program }
        } else {
            let kegiatan = items.filter { $0.level == .kegiatan }
            anchors = kegiatan.isEmpty
                ? items.filter { $0.level == .program }.flatMap { children[$0.id] ?? [] } : kegiatan
        }
        for anchor in anchors {
            // Nomenclature names are in capitals; a sasaran reads as a sentence until the drafter words it.
            let sasaran = anchor.name == anchor.name.uppercased() ? anchor.name.capitalized : anchor.name
            var measured = try await Self.indicators(.renstraItem, anchor.requireID(), on: db)
            if measured.isEmpty && level == .pengawas {
                for sub in children[anchor.id] ?? [] {
                    measured += try await Self.indicators(.renstraItem, sub.requireID(), on: db)
                }
            }
            for i in measured {
                let (target, quarterly) = try await Self.targets(i.requireID(), year: year, on: db)
                rows.append(Row(sasaran: sasaran, indikator: i, target: target, quarterly: quarterly,
                                renstraTarget: target.isEmpty ? nil : target))
            }
            for child in children[anchor.id] ?? [] {
                budget.append(Budget(code: child.code, name: child.name, amount: try await amount(child)))
            }
        }
    }

    /// The unit's programs with their pagu: the DPA's when it is recorded, else the Renstra's indicative one.
    static func programBudget(unitID: UUID, year: Int, on db: any Database) async throws -> [Budget] {
        guard let renstra = try await PlanQueries.current(renstraOf: unitID, on: db) else { return [] }
        let renstraID = try renstra.requireID()
        let dpa = try await dpaPagu(renstraID: renstraID, year: year, on: db)
        let programs = try await RenstraItem.query(on: db).filter(\.$renstra.$id == renstraID)
            .filter(\.$level == .program).sort(\.$sortOrder).all()
        var out: [Budget] = []
        for program in programs {
            var pagu = dpa[program.code]
            if pagu == nil {
                pagu = try await RenstraPagu.query(on: db).filter(\.$item.$id == program.requireID())
                    .filter(\.$year == year).first()?.amount ?? 0
            }
            out.append(Budget(code: program.code, name: program.name, amount: pagu ?? 0))
        }
        return out
    }

    /// The DPA pagu of the Renstra's unit for the year, by code.
    static func dpaPagu(renstraID: UUID, year: Int, on db: any Database) async throws -> [String: Int64] {
        guard let renstra = try await Renstra.find(renstraID, on: db),
            let dpa = try await Dpa.query(on: db).filter(\.$unit.$id == renstra.$unit.id).filter(\.$year == year).first()
        else { return [:] }
        let lines = try await DpaPagu.query(on: db).filter(\.$dpa.$id == dpa.requireID()).all()
        return Dictionary(lines.map { ($0.code, $0.amount) }, uniquingKeysWith: { a, _ in a })
    }
}
