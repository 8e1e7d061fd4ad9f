import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// A Pemda's organisation at one structure version: units, positions, people, assignments and the units accounts
/// are bound to. Read in six statements and kept by `OrganisationCache`; every change of these tables raises the
/// Pemda's structure version in its transaction (see `AuditTrail`), so pages that show positions, holders, units or
/// a user's scope read none of them per request.
public struct PemdaOrganisation: Sendable {
    public struct UnitInfo: Sendable, Hashable {
        public var id: UUID
        public var parent: UUID?
        public var code: String
        public var name: String
        public var kind: UnitKind
        public var sortOrder: Int
        public var bidangCodes: [String]
    }

    public struct Position: Sendable, Hashable {
        public var id: UUID
        public var unit: UUID?
        public var superior: UUID?
        public var name: String
        public var level: JabatanLevel
        public var eselon: String
    }

    public struct Person: Sendable, Hashable {
        public var id: UUID
        public var nip: String?
        public var name: String
        public var pangkat: String
    }

    public struct Assignment: Sendable, Hashable {
        public var position: UUID
        public var person: UUID
        public var kind: PenugasanKind
        public var start: CalendarDate
        public var end: CalendarDate?

        public var span: PenugasanSpan { PenugasanSpan(kind: kind, start: start, end: end) }
    }

    public var pemdaID: UUID
    public var version: Int
    public var units: [UUID: UnitInfo]
    /// Depth first, each level by sort order then code: the order of the unit tree.
    public var unitTree: [(id: UUID, depth: Int)]
    public var positions: [UUID: Position]
    /// Along the chain of superiors: each position followed by those under it, by unit order, level and name.
    public var positionTree: [(id: UUID, depth: Int)]
    public var people: [UUID: Person]
    public var assignments: [UUID: [Assignment]]
    public var scope: ScopeTree<UUID>
    public var subordinates: [UUID: [UUID]]

    /// The Perangkat Daerah a unit belongs to: the unit itself or its nearest ancestor that is one.
    public func opd(of unit: UUID?) -> UUID? {
        var current = unit
        var steps = 0
        while let id = current, let info = units[id], steps < units.count + 1 {
            if info.kind.isPerangkatDaerah { return id }
            current = info.parent
            steps += 1
        }
        return unit
    }

    /// Who signs for a position on a day (`PenugasanSpan.signer`).
    public func holder(of position: UUID, on day: CalendarDate) -> PositionHolder? {
        guard let chosen = PenugasanSpan.signer(among: assignments[position] ?? [], on: day, span: \.span),
              let person = people[chosen.person]
        else { return nil }
        return PositionHolder(pegawaiID: person.id, name: person.name, nip: person.nip, pangkat: person.pangkat,
                              kind: chosen.kind)
    }

    /// Everyone holding a position on a day (a definitive holder and a Plh can both be in office), first the one who
    /// signs.
    public func holders(of position: UUID, on day: CalendarDate) -> [Holder] {
        PenugasanSpan.inOffice(among: assignments[position] ?? [], on: day, span: \.span)
            .compactMap { a in
                people[a.person].map { p in
                    Holder(name: p.name, nip: p.nip, nipGrouped: p.nip.map(Nip.group), pangkat: p.pangkat, kind: a.kind,
                           since: a.start.description)
                }
            }
    }

    /// The PK level of a position (nil for positions that sign no PK: JF and pelaksana).
    public func pkLevel(of position: UUID) -> PkLevel? {
        guard let p = positions[position] else { return nil }
        return PkLevel(jabatan: p.level, superior: p.superior.flatMap { positions[$0]?.level })
    }

    /// The position holding the Kepala Daerah's office.
    public var kepalaDaerah: Position? { positions.values.first { $0.level == .kepalaDaerah } }

    /// Two statements, whatever the size of the Pemda: its units with their account bindings (and the structure
    /// version, read in the same statement), then its positions with their assignments and its employees.
    public static func load(pemdaID: UUID, on db: any Database) async throws -> PemdaOrganisation {
        let sql = try db.sql
        // The version is read with the units, before the positions: a change committed in between leaves newer rows
        // under an older version, which the next request reads again. Never the other way round.
        var version: Int?
        var units: [UUID: UnitInfo] = [:]
        var bound: [UUID: [UUID]] = [:]
        for row in try await sql.raw("""
            SELECT u.id, u.parent_id, u.code, u.name, u.kind, u.sort_order, u.bidang_codes, uu.user_id,
                   (SELECT structure_version FROM pemda WHERE id = \(bind: pemdaID)) AS structure_version
            FROM unit u LEFT JOIN user_unit uu ON uu.unit_id = u.id WHERE u.pemda_id = \(bind: pemdaID)
            """).all()
        {
            version = try row.decode(column: "structure_version", as: Int?.self)
            let id = try row.decode(column: "id", as: UUID.self)
            if let user = try row.decode(column: "user_id", as: UUID?.self) { bound[user, default: []].append(id) }
            guard units[id] == nil else { continue }
            units[id] = UnitInfo(
                id: id, parent: try row.decode(column: "parent_id", as: UUID?.self),
                code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .bidang,
                sortOrder: try row.decode(column: "sort_order", as: Int.self),
                bidangCodes: try row.decode(column: "bidang_codes", as: String.self).split(separator: ",").map(String.init))
        }
        if version == nil {
            // A Pemda without units yet.
            version = try await sql.raw("SELECT structure_version FROM pemda WHERE id = \(bind: pemdaID)").first()?
                .decode(column: "structure_version", as: Int.self)
        }
        var positions: [UUID: Position] = [:]
        var people: [UUID: Person] = [:]
        var assignments: [UUID: [Assignment]] = [:]
        // Positions (one row per assignment, or one with none) and then employees, in one statement.
        for row in try await sql.raw("""
            SELECT 'j' AS t, j.id, j.unit_id, j.superior_id, j.name, j.level, j.eselon,
                   a.pegawai_id, a.kind, a.start_date, a.end_date, CAST(NULL AS TEXT) AS nip, CAST(NULL AS TEXT) AS pangkat
            FROM jabatan j LEFT JOIN penugasan a ON a.jabatan_id = j.id WHERE j.pemda_id = \(bind: pemdaID)
            UNION ALL
            SELECT 'p', p.id, NULL, NULL, p.name, NULL, NULL, NULL, NULL, NULL, NULL, p.nip, p.pangkat
            FROM pegawai p WHERE p.pemda_id = \(bind: pemdaID)
            """).all()
        {
            let id = try row.decode(column: "id", as: UUID.self)
            let name = try row.decode(column: "name", as: String.self)
            if try row.decode(column: "t", as: String.self) == "p" {
                people[id] = Person(id: id, nip: try row.decode(column: "nip", as: String?.self), name: name,
                                    pangkat: try row.decode(column: "pangkat", as: String?.self) ?? "")
                continue
            }
            if positions[id] == nil {
                positions[id] = Position(
                    id: id, unit: try row.decode(column: "unit_id", as: UUID?.self),
                    superior: try row.decode(column: "superior_id", as: UUID?.self), name: name,
                    level: JabatanLevel(rawValue: try row.decode(column: "level", as: String?.self) ?? "") ?? .pelaksana,
                    eselon: try row.decode(column: "eselon", as: String?.self) ?? "")
            }
            guard let person = try row.decode(column: "pegawai_id", as: UUID?.self),
                  let start = try row.decode(column: "start_date", as: String?.self).flatMap(CalendarDate.init(iso:))
            else { continue }
            assignments[id, default: []].append(Assignment(
                position: id, person: person,
                kind: PenugasanKind(rawValue: try row.decode(column: "kind", as: String?.self) ?? "") ?? .plh, start: start,
                end: try row.decode(column: "end_date", as: String?.self).flatMap(CalendarDate.init(iso:))))
        }
        return PemdaOrganisation(pemdaID: pemdaID, version: version ?? 0, units: units, positions: positions, people: people,
                                 assignments: assignments, boundUnits: bound)
    }

    public init(pemdaID: UUID, version: Int, units: [UUID: UnitInfo], positions: [UUID: Position], people: [UUID: Person],
                assignments: [UUID: [Assignment]], boundUnits: [UUID: [UUID]])
    {
        self.pemdaID = pemdaID
        self.version = version
        self.units = units
        self.positions = positions
        self.people = people
        self.assignments = assignments
        scope = ScopeTree(units: units.mapValues { .init(parent: $0.parent, code: $0.code) },
                          positions: positions.mapValues { .init(superior: $0.superior, unit: $0.unit) },
                          boundUnits: boundUnits)
        // The unit tree, depth first.
        let unitChildren = Dictionary(grouping: units.values) { $0.parent }
            .mapValues { $0.sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }.map(\.id) }
        var unitTree: [(id: UUID, depth: Int)] = []
        var seenUnits: Set<UUID> = []
        func visitUnit(_ parent: UUID?, _ depth: Int) {
            for id in unitChildren[parent] ?? [] where seenUnits.insert(id).inserted {
                unitTree.append((id, depth))
                visitUnit(id, depth + 1)
            }
        }
        visitUnit(nil, 0)
        self.unitTree = unitTree
        // The chain of positions, each level by its unit's place in the tree, its rank and name.
        let unitPlace = Dictionary(uniqueKeysWithValues: unitTree.enumerated().map { ($1.id, $0) })
        let children = Dictionary(grouping: positions.values) { $0.superior }.mapValues { list in
            list.sorted { a, b in
                let (ua, ub) = (a.unit.flatMap { unitPlace[$0] } ?? -1, b.unit.flatMap { unitPlace[$0] } ?? -1)
                if ua != ub { return ua < ub }
                if a.level.rank != b.level.rank { return a.level.rank < b.level.rank }
                return a.name < b.name
            }.map(\.id)
        }
        subordinates = children.compactMapValues { $0 }.reduce(into: [:]) { out, pair in
            if let key = pair.key { out[key] = pair.value }
        }
        var positionTree: [(id: UUID, depth: Int)] = []
        var seenPositions: Set<UUID> = []
        func visitPosition(_ superior: UUID?, _ depth: Int) {
            for id in children[superior] ?? [] where seenPositions.insert(id).inserted {
                positionTree.append((id, depth))
                visitPosition(id, depth + 1)
            }
        }
        visitPosition(nil, 0)
        self.positionTree = positionTree
    }
}

/// The organisations of the Pemda this app server has served, one version each. A session's one statement says
/// which version is current; a public page reads it with the Pemda.
public final class OrganisationCache: @unchecked Sendable {
    // Guarded by `lock`; nothing slow happens while it is held.
    private let lock = NSLock()
    private var table: [UUID: Entry] = [:]

    private func withEntries<T>(_ body: (inout [UUID: Entry]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&table)
    }

    struct Entry: Sendable {
        var organisation: PemdaOrganisation
        var scopes: [UUID: Set<String>] = [:]
    }

    public init() {}

    /// Forgets every organisation: the next request of each Pemda reads its own again.
    public func clear() { withEntries { $0.removeAll() } }

    /// The organisation at `version` or newer.
    public func organisation(of pemdaID: UUID, version: Int, on db: any Database) async throws -> PemdaOrganisation {
        if let entry = withEntries({ $0[pemdaID] }), entry.organisation.version >= version {
            return entry.organisation
        }
        let loaded = try await PemdaOrganisation.load(pemdaID: pemdaID, on: db)
        withEntries { entries in
            if entries[pemdaID].map({ $0.organisation.version < loaded.version }) ?? true {
                entries[pemdaID] = Entry(organisation: loaded)
            }
        }
        return loaded
    }

    public func organisation(of pemda: PemdaInfo, on db: any Database) async throws -> PemdaOrganisation {
        try await organisation(of: pemda.id, version: pemda.structureVersion, on: db)
    }

    /// The codes of the units an account may change.
    public func unitCodes(account: UUID, position: UUID?, pemda: PemdaInfo, on db: any Database) async throws -> Set<String> {
        let organisation = try await organisation(of: pemda, on: db)
        if let cached = withEntries({ $0[pemda.id]?.organisation.version == organisation.version ? $0[pemda.id]?.scopes[account] : nil }) {
            return cached
        }
        let codes = organisation.scope.unitCodes(account: account, position: position)
        withEntries { entries in
            if entries[pemda.id]?.organisation.version == organisation.version { entries[pemda.id]?.scopes[account] = codes }
        }
        return codes
    }
}

extension PemdaOrganisation {
    /// The unit tree as the pages list it; `withRenstra` names the units that have one.
    public func unitRows(withRenstra: Set<UUID> = []) -> [UnitRow] {
        unitTree.compactMap { entry in
            units[entry.id].map { u in
                UnitRow(id: u.id, parentID: u.parent, depth: entry.depth, code: u.code, name: u.name, kind: u.kind,
                        isPerangkatDaerah: u.kind.isPerangkatDaerah && u.parent == nil, bidangCodes: u.bidangCodes,
                        hasRenstra: withRenstra.contains(u.id))
            }
        }
    }

    /// Positions along the chain of command, each with whoever holds it on `day`.
    public func jabatanRows(on day: CalendarDate) -> [JabatanRow] {
        positionTree.compactMap { entry in
            positions[entry.id].map { p in
                JabatanRow(id: p.id, name: p.name, level: p.level, eselon: p.eselon, unitID: p.unit,
                           unitName: p.unit.flatMap { units[$0]?.name }, superiorID: p.superior,
                           superiorName: p.superior.flatMap { positions[$0]?.name }, depth: entry.depth,
                           holders: holders(of: p.id, on: day))
            }
        }
    }

    /// People by name, for lists and choices.
    public var peopleByName: [Person] { people.values.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) } }

    public var perangkatDaerahCount: Int { units.values.filter { $0.kind.isPerangkatDaerah && $0.parent == nil }.count }
}
