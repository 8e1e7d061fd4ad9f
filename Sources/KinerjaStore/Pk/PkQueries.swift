import FluentKit
import Foundation
import KinerjaCore

public struct PkRowView: Sendable, Hashable {
    public var id: UUID
    public var key: String
    public var sasaran: String
    public var indikator: String
    public var satuan: String
    public var spec: IndicatorSpec
    /// As displayed, and as typed back into the form.
    public var target: String
    public var quarterly: [String]
    public var renstraTarget: String?
    public var links: [PkLinkView]
    public var changeReason: String?
}

public struct PkLinkView: Sendable, Hashable {
    public var rowID: UUID
    /// `Kepala Dinas Kesehatan: Persentase …`.
    public var label: String
}

public struct PkBudgetView: Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var name: String
    public var amount: Int64
}

public struct PkVersionRef: Sendable, Hashable {
    public var id: UUID
    public var version: Int
    public var status: PkStatus
    public var signedOn: String?
}

public struct PkEventView: Sendable, Hashable {
    public var at: Date
    public var userName: String
    public var action: String
    public var from: PkStatus
    public var to: PkStatus
    public var reason: String?
}

/// A PK version with everything its page shows.
public struct PkDetail: Sendable {
    public var id: UUID
    public var pemdaCode: String
    public var year: Int
    public var version: Int
    public var level: PkLevel
    public var status: PkStatus
    public var unitID: UUID?
    public var unitCode: String?
    public var unitName: String
    public var jabatanID: UUID
    public var jabatanName: String
    public var superiorJabatanName: String?
    public var pertama: PkSigner?
    public var kedua: PkSigner?
    public var revision: PkRevision?
    public var signedOn: String?
    public var submittedBy: UUID?
    public var rows: [PkRowView]
    public var budget: [PkBudgetView]
    public var signed: Set<PkParty>
    public var signatures: [PkParty: PkSigner]
    public var events: [PkEventView]
    public var versions: [PkVersionRef]
    public var sha256: String?
    public var review: PkReview.Result
    /// Indicators of the superior's PK (and, for crosscutting, of PKs at its level) a row may serve.
    public var linkOptions: [PkLinkView]
    /// This PK as a superior: its indicators no subordinate serves yet, and subordinate positions without a PK.
    public var cascade: PkCascadeView
}

public struct PkCascadeView: Sendable, Hashable {
    public var uncoveredIndicators: [String]
    public var positionsWithoutPk: [String]
    public var subordinatePositions: Int
}

public enum PkQueries {
    public static func find(_ pkID: UUID, pemdaID: UUID, on db: any Database) async throws -> Pk? {
        guard let pk = try await Pk.find(pkID, on: db), pk.$pemda.id == pemdaID else { return nil }
        return pk
    }

    public static func detail(_ pk: Pk, today: CalendarDate, on db: any Database) async throws -> PkDetail {
        let pkID = try pk.requireID()
        guard let pemda = try await Pemda.find(pk.$pemda.id, on: db),
            let jabatan = try await Jabatan.find(pk.$jabatan.id, on: db)
        else { throw RuleViolation(code: "pk.incomplete", field: nil, message: Message(id: "PK tidak lengkap.", en: "Incomplete PK.")) }
        let unit = try await pk.$unit.id.asyncMap { try await Unit.find($0, on: db) } ?? nil
        let superior = try await pk.$superiorJabatan.id.asyncMap { try await Jabatan.find($0, on: db) } ?? nil
        let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all()
        let rowIDs = rows.compactMap(\.id)
        let links = rowIDs.isEmpty ? [] : try await PkLink.query(on: db).filter(\.$row.$id ~~ rowIDs).all()
        let linkOptions = try await options(for: pk, on: db)
        let optionLabel = Dictionary(linkOptions.map { ($0.rowID, $0.label) }, uniquingKeysWith: { a, _ in a })
        var linkViews: [UUID: [PkLinkView]] = [:]
        for link in links {
            let label: String
            if let known = optionLabel[link.$superiorRow.id] {
                label = known
            } else {
                label = try await PkRow.find(link.$superiorRow.id, on: db)?.indikator ?? "?"
            }
            linkViews[link.$row.id, default: []].append(PkLinkView(rowID: link.$superiorRow.id, label: label))
        }
        let signatures = try await PkSignature.query(on: db).filter(\.$pk.$id == pkID).all()
        let events = try await PkEvent.query(on: db).filter(\.$pk.$id == pkID).sort(\.$at).all()
        let versions = try await Pk.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id).filter(\.$year == pk.year)
            .sort(\.$version).all()
        let seal = try await PkSeal.query(on: db).filter(\.$pk.$id == pkID).first()
        let pertama = try await PositionHolder.find(jabatanID: pk.$jabatan.id, on: today, db: db)?
            .signer(jabatanName: jabatan.name)
        let kedua = try await superior.asyncMap { s in
            try await PositionHolder.find(jabatanID: s.requireID(), on: today, db: db)?.signer(jabatanName: s.name)
        } ?? nil
        return PkDetail(
            id: pkID, pemdaCode: pemda.code, year: pk.year, version: pk.version, level: pk.level, status: pk.status,
            unitID: unit?.id, unitCode: unit?.code, unitName: unit?.name ?? pemda.name, jabatanID: pk.$jabatan.id,
            jabatanName: jabatan.name, superiorJabatanName: superior?.name, pertama: pertama, kedua: kedua,
            revision: pk.revision, signedOn: pk.signedOn,
            submittedBy: pk.submittedBy,
            rows: rows.map { row in
                let spec = row.spec
                return PkRowView(id: row.id!, key: row.key, sasaran: row.sasaran, indikator: row.indikator,
                                 satuan: row.satuan, spec: spec, target: TargetDisplay.text(row.target, spec: spec),
                                 quarterly: row.quarterly.map { $0.isEmpty ? "" : TargetDisplay.text($0, spec: spec) },
                                 renstraTarget: row.renstraTarget.map { TargetDisplay.text($0, spec: spec) },
                                 links: linkViews[row.id!] ?? [], changeReason: row.changeReason)
            },
            budget: try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all().map {
                PkBudgetView(id: $0.id!, code: $0.code, name: $0.name, amount: $0.amount)
            },
            signed: Set(signatures.map(\.party)),
            signatures: Dictionary(signatures.map { ($0.party, $0.signer) }, uniquingKeysWith: { a, _ in a }),
            events: events.map {
                PkEventView(at: $0.at, userName: $0.userName, action: $0.action, from: $0.fromStatus, to: $0.toStatus,
                            reason: $0.reason)
            },
            versions: versions.map { PkVersionRef(id: $0.id!, version: $0.version, status: $0.status, signedOn: $0.signedOn) },
            sha256: seal?.sha256,
            review: try await PkReview.review(pk, on: db),
            linkOptions: linkOptions,
            cascade: try await cascade(of: pk, rows: rows, on: db))
    }

    /// The rows a row of `pk` may serve: the superior's PK first, then PKs at the superior's level (crosscutting).
    static func options(for pk: Pk, on db: any Database) async throws -> [PkLinkView] {
        guard pk.level != .pemda, let superiorID = pk.$superiorJabatan.id else { return [] }
        let candidates = try await Pk.query(on: db).filter(\.$pemda.$id == pk.$pemda.id).filter(\.$year == pk.year).all()
        guard let superiorLevel = candidates.first(where: { $0.$jabatan.id == superiorID })?.level else { return [] }
        // The latest version of each position's PK at the superior's level.
        var latest: [UUID: Pk] = [:]
        for c in candidates where c.level == superiorLevel {
            if let seen = latest[c.$jabatan.id], seen.version >= c.version { continue }
            latest[c.$jabatan.id] = c
        }
        let ordered = latest.values.sorted { a, b in
            (a.$jabatan.id == superiorID ? 0 : 1, a.$jabatan.id.uuidString) < (b.$jabatan.id == superiorID ? 0 : 1, b.$jabatan.id.uuidString)
        }
        let ids = ordered.compactMap(\.id)
        let rows = Dictionary(grouping: try await PkRow.query(on: db).filter(\.$pk.$id ~~ ids).sort(\.$sortOrder).all()) { $0.$pk.id }
        let names = Dictionary(try await Jabatan.query(on: db).filter(\.$id ~~ ordered.map { $0.$jabatan.id }).all()
            .map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return ordered.flatMap { other in
            (rows[other.id!] ?? []).map { PkLinkView(rowID: $0.id!, label: "\(names[other.$jabatan.id] ?? ""): \($0.indikator)") }
        }
    }

    static func cascade(of pk: Pk, rows: [PkRow], on db: any Database) async throws -> PkCascadeView {
        let subordinates = try await Jabatan.query(on: db).filter(\.$superior.$id == pk.$jabatan.id).all()
            .filter { PkLevel(jabatan: $0.level) != nil }
        let subordinatePks = try await Pk.query(on: db).filter(\.$jabatan.$id ~~ subordinates.compactMap(\.id))
            .filter(\.$year == pk.year).all()
        // Links may point at any version of this PK: a row keeps its key from version to version.
        let versions = try await Pk.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id).filter(\.$year == pk.year).all()
        let allRows = try await PkRow.query(on: db).filter(\.$pk.$id ~~ versions.compactMap(\.id)).all()
        let keyOf = Dictionary(allRows.map { ($0.id!, $0.key) }, uniquingKeysWith: { a, _ in a })
        let served = allRows.isEmpty ? [] : try await PkLink.query(on: db).filter(\.$superiorRow.$id ~~ allRows.compactMap(\.id)).all()
        let gap = PkCascade.gap(
            superiorIndicators: rows.map(\.key), servedKeys: Set(served.compactMap { keyOf[$0.$superiorRow.id] }),
            subordinatePositions: subordinates.map(\.name),
            positionsWithPk: Set(subordinates.filter { s in subordinatePks.contains { $0.$jabatan.id == s.id } }.map(\.name)))
        let nameOf = Dictionary(rows.map { ($0.key, $0.indikator) }, uniquingKeysWith: { a, _ in a })
        return PkCascadeView(uncoveredIndicators: gap.uncoveredIndicators.compactMap { nameOf[$0] },
                             positionsWithoutPk: gap.positionsWithoutPk, subordinatePositions: subordinates.count)
    }

    /// Whether `jabatanID` is the user's own position or one below it along the chain of superiors.
    public static func isInReach(of user: AppUser, jabatanID: UUID, on db: any Database) async throws -> Bool {
        guard let own = user.$jabatan.id else { return false }
        var current: UUID? = jabatanID
        var seen: Set<UUID> = []
        while let id = current, !seen.contains(id) {
            if id == own { return true }
            seen.insert(id)
            current = try await Jabatan.find(id, on: db)?.$superior.id
        }
        return false
    }

    /// The user's own position and every position below it, in one query: for pages that ask about many positions.
    public static func positionsInReach(of user: AppUser, on db: any Database) async throws -> Set<UUID> {
        guard let own = user.$jabatan.id, let pemdaID = user.$pemda.id else { return [] }
        let below = Dictionary(grouping: try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).all()) { $0.$superior.id }
        var reach: Set<UUID> = [own]
        var stack = [own]
        while let next = stack.popLast() {
            for child in below[next] ?? [] where reach.insert(child.id!).inserted { stack.append(child.id!) }
        }
        return reach
    }

    /// Which parties a user is for a PK on a day: the person who holds the position that day, by their own account
    /// (bound to their employee record). An account bound to the position only, or to nobody, signs nothing.
    public static func parties(of user: AppUser, for pk: Pk, on day: CalendarDate, db: any Database) async throws
        -> Set<PkParty>
    {
        var holders: [UUID: PositionHolder] = [:]
        for id in [pk.$jabatan.id, pk.$superiorJabatan.id].compactMap({ $0 }) {
            holders[id] = try await PositionHolder.find(jabatanID: id, on: day, db: db)
        }
        return parties(of: user.$pegawai.id, jabatan: pk.$jabatan.id, superior: pk.$superiorJabatan.id, holders: holders)
    }

    /// The same, with the holders already known (see `PositionHolder.all`).
    public static func parties(of pegawaiID: UUID?, jabatan: UUID, superior: UUID?, holders: [UUID: PositionHolder])
        -> Set<PkParty>
    {
        PkParty.held(by: pegawaiID, pertama: holders[jabatan]?.pegawaiID, kedua: superior.flatMap { holders[$0]?.pegawaiID })
    }
}
