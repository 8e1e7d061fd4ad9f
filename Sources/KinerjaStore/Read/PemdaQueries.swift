import FluentKit
import Foundation
import KinerjaCore

/// Read-only queries behind the Pemda pages and the API. Each loads a table once and assembles in memory: a Pemda
/// has hundreds of rows per table, not millions.
public enum PemdaQueries {
    public static func list(on db: any Database) async throws -> [PemdaSummary] {
        let pemda = try await Pemda.query(on: db).sort(\.$name).all()
        // One query for the units of every Pemda, not one per Pemda: the national list has 546.
        let units = Dictionary(grouping: try await Unit.query(on: db).field(\.$id).field(\.$pemda.$id)
            .field(\.$parent.$id).field(\.$kind).all()) { $0.$pemda.id }
        return try pemda.map { try summary($0, units: units[$0.requireID()] ?? []) }
    }

    public static func find(code: String, on db: any Database) async throws -> Pemda? {
        try await Pemda.query(on: db).filter(\.$code == code).first()
    }

    static func summary(_ pemda: Pemda, units: [Unit]) -> PemdaSummary {
        PemdaSummary(code: pemda.code, name: pemda.name, kind: pemda.kind, kepalaDaerahTitle: pemda.kepalaDaerahTitle,
                     unitCount: units.count,
                     perangkatDaerahCount: units.filter { $0.kind.isPerangkatDaerah && $0.$parent.id == nil }.count)
    }

    public static func detail(code: String, today: CalendarDate, on db: any Database) async throws -> PemdaDetail? {
        guard let pemda = try await find(code: code, on: db) else { return nil }
        let pemdaID = try pemda.requireID()
        let periode = try await PeriodeRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID)
            .sort(\.$startYear, .descending).first()
        let jabatan = try await jabatan(pemdaID: pemdaID, today: today, on: db)
        let kepala = jabatan.first { $0.level == .kepalaDaerah }?.holders.first
        return PemdaDetail(
            summary: summary(pemda, units: try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all()), seat: pemda.seat, kepalaDaerah: kepala,
            predikatScale: pemda.predikatScale, capaianCap: pemda.capaianCap, rpjmd: periode.map(PeriodeRef.init),
            jabatanCount: jabatan.count,
            pegawaiCount: try await Pegawai.query(on: db).filter(\.$pemda.$id == pemdaID).count())
    }

    /// The unit tree, depth first, each level in its sort order.
    public static func units(pemdaID: UUID, on db: any Database) async throws -> [UnitRow] {
        let units = try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).sort(\.$sortOrder).sort(\.$code).all()
        let withRenstra = Set(try await Renstra.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { $0.$unit.id })
        let children = Dictionary(grouping: units) { $0.$parent.id }
        var rows: [UnitRow] = []
        func visit(_ parent: UUID?, depth: Int) throws {
            for unit in children[parent] ?? [] {
                let id = try unit.requireID()
                rows.append(UnitRow(id: id, parentID: parent, depth: depth, code: unit.code, name: unit.name,
                                    kind: unit.kind, isPerangkatDaerah: unit.kind.isPerangkatDaerah && parent == nil,
                                    bidangCodes: unit.bidangCodes.split(separator: ",").map(String.init),
                                    hasRenstra: withRenstra.contains(id)))
                try visit(id, depth: depth + 1)
            }
        }
        try visit(nil, depth: 0)
        return rows
    }

    /// Positions along the chain of command, each with whoever holds it on `today`.
    public static func jabatan(pemdaID: UUID, today: CalendarDate, on db: any Database) async throws -> [JabatanRow] {
        let positions = try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).all()
        let units = Dictionary(uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all()
            .map { ($0.id!, $0) })
        let pegawai = Dictionary(uniqueKeysWithValues: try await Pegawai.query(on: db).filter(\.$pemda.$id == pemdaID)
            .all().map { ($0.id!, $0) })
        let assignments = try await Penugasan.query(on: db).filter(\.$pemda.$id == pemdaID).all()
        let current = Dictionary(grouping: assignments.filter { assignment in
            guard let span = assignment.span else { return false }
            return span.start <= today && (span.end.map { today <= $0 } ?? true)
        }) { $0.$jabatan.id }
        let byID = Dictionary(uniqueKeysWithValues: positions.map { ($0.id!, $0) })
        let children = Dictionary(grouping: positions) { $0.$superior.id }
        let unitOrder = { (j: Jabatan) in j.$unit.id.flatMap { units[$0] }.map { ($0.sortOrder, $0.code) } ?? (0, "") }
        var rows: [JabatanRow] = []
        func visit(_ superior: UUID?, depth: Int) {
            let sorted = (children[superior] ?? []).sorted { a, b in
                let (ua, ub) = (unitOrder(a), unitOrder(b))
                if ua != ub { return ua < ub }
                if a.level.rank != b.level.rank { return a.level.rank < b.level.rank }
                return a.name < b.name
            }
            for position in sorted {
                let id = position.id!
                let holders = (current[id] ?? []).sorted { $0.kind.rawValue < $1.kind.rawValue }.compactMap { a in
                    pegawai[a.$pegawai.id].map { p in
                        Holder(name: p.name, nip: p.nip, nipGrouped: p.nip.flatMap { try? Nip($0).grouped },
                               pangkat: p.pangkat, kind: a.kind, since: a.startDate)
                    }
                }
                rows.append(JabatanRow(
                    id: id, name: position.name, level: position.level, eselon: position.eselon,
                    unitID: position.$unit.id, unitName: position.$unit.id.flatMap { units[$0]?.name },
                    superiorID: superior, superiorName: superior.flatMap { byID[$0]?.name }, depth: depth,
                    holders: holders))
                visit(id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return rows
    }
}

extension PeriodeRef {
    init(_ periode: PeriodeRpjmd) {
        self.init(startYear: periode.startYear, endYear: periode.endYear, perdaNumber: periode.perdaNumber,
                  perdaDate: periode.perdaDate)
    }
}
