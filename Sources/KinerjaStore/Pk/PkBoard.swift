import Foundation
import KinerjaCore

/// One position on the compliance board: its PK for the year, the deadline and where it stands.
public struct PkBoardRow: Sendable, Hashable {
    public var jabatanID: UUID
    public var jabatanName: String
    public var level: PkLevel
    public var depth: Int
    public var unitName: String?
    public var unitCode: String?
    /// The Perangkat Daerah the position belongs to.
    public var opdID: UUID?
    public var holder: String?
    /// The newest version, whatever its status.
    public var latest: PkVersionRef?
    /// The newest signed version: the PK in force.
    public var inForce: PkVersionRef?
    public var due: CalendarDate?
    public var signedOn: CalendarDate?
    public var hardcopy: CalendarDate?
    public var compliance: PkCompliance

    /// Where the position's PK stands, for the board's filter and counts.
    public var stage: PkBoard.Stage { latest.map { .status($0.status) } ?? .notDrafted }
}

/// The compliance board: every position that signs a PK, computed from the year's versions and the Pemda's cached
/// organisation, in memory.
public enum PkBoard {
    public enum Stage: Hashable, Sendable {
        case notDrafted
        case status(PkStatus)

        public var key: String {
            switch self {
            case .notDrafted: "belum"
            case .status(let s): s.rawValue
            }
        }

        public init?(key: String) {
            if key == "belum" { self = .notDrafted } else if let s = PkStatus(rawValue: key) { self = .status(s) } else { return nil }
        }

        public static var all: [Stage] { [.notDrafted] + PkStatus.allCases.map { .status($0) } }

        public var label: Message {
            switch self {
            case .notDrafted: Message(id: "Belum disusun", en: "Not drafted")
            case .status(let s): s.label
            }
        }
    }

    public struct Filter: Sendable, Hashable {
        public var level: PkLevel?
        public var opd: UUID?
        public var stage: Stage?
        public var compliance: PkCompliance.Kind?
        public var query: String

        public init(level: PkLevel? = nil, opd: UUID? = nil, stage: Stage? = nil, compliance: PkCompliance.Kind? = nil,
                    query: String = "")
        {
            self.level = level
            self.opd = opd
            self.stage = stage
            self.compliance = compliance
            self.query = query
        }
    }

    public static func rows(organisation o: PemdaOrganisation, year: PkYear, today: CalendarDate) -> [PkBoardRow] {
        let byPosition = year.byPosition
        let firstDpa = year.dpaDates.values.min()
        return o.positionTree.compactMap { entry in
            guard let position = o.positions[entry.id], let level = o.pkLevel(of: entry.id) else { return nil }
            let versions = byPosition[position.id] ?? []
            let opd = o.opd(of: position.unit)
            let dpa = level == .pemda ? firstDpa : opd.flatMap { year.dpaDates[$0] }
            let due = dpa.map(year.rule.due(dpaDate:))
            let hardcopy = year.hardcopies[position.id]
            // The PK induk's signing, or the hardcopy, whichever came first.
            let signed = versions.first { $0.version == 0 }?.signedOn
            let first = [signed, hardcopy].compactMap { $0 }.min()
            let holder = o.holder(of: position.id, on: today)
            return PkBoardRow(
                jabatanID: position.id, jabatanName: position.name, level: level, depth: entry.depth,
                unitName: position.unit.flatMap { o.units[$0]?.name }, unitCode: position.unit.flatMap { o.units[$0]?.code },
                opdID: opd, holder: holder.map { $0.kind.signaturePrefix + $0.name },
                latest: PkVersions.latest(versions)?.ref, inForce: PkVersions.inForce(versions)?.ref,
                due: due, signedOn: signed, hardcopy: hardcopy,
                compliance: PkCompliance.evaluate(due: due, signedOn: first, today: today, rule: year.rule))
        }
    }

    public static func filter(_ rows: [PkBoardRow], _ filter: Filter) -> [PkBoardRow] {
        rows.filter { row in
            (filter.level.map { $0 == row.level } ?? true)
                && (filter.opd.map { $0 == row.opdID } ?? true)
                && (filter.stage.map { $0 == row.stage } ?? true)
                && (filter.compliance.map { $0 == row.compliance.kind } ?? true)
                && matches(filter.query, [row.jabatanName, row.unitName, row.holder])
        }
    }

    /// How many positions stand at each stage, and at each state of their deadline.
    public static func counts(_ rows: [PkBoardRow]) -> (stages: [Stage: Int], compliance: [PkCompliance.Kind: Int]) {
        (Dictionary(grouping: rows, by: \.stage).mapValues(\.count), Dictionary(grouping: rows, by: \.compliance.kind).mapValues(\.count))
    }

    static func matches(_ query: String, _ texts: [String?]) -> Bool {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = texts.compactMap { $0?.lowercased() }.joined(separator: " ")
        return words.allSatisfy { haystack.contains($0) }
    }
}
