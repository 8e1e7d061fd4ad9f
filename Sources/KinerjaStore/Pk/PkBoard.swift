import FluentKit
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
    public var holder: String?
    /// The newest version, whatever its status.
    public var latest: PkVersionRef?
    /// The newest signed version: the PK in force.
    public var inForce: PkVersionRef?
    public var due: CalendarDate?
    public var signedOn: CalendarDate?
    public var hardcopy: CalendarDate?
    public var compliance: PkCompliance
}

public enum PkBoard {
    public static func rule(pemdaID: UUID, on db: any Database) async throws -> PkDeadlineRule {
        try await PkDocumentBuilder.setting(pemdaID: pemdaID, on: db)?.rule ?? PkDeadlineRule()
    }

    public static func rows(pemdaID: UUID, year: Int, today: CalendarDate, level: PkLevel? = nil,
                            on db: any Database) async throws -> [PkBoardRow]
    {
        let rule = try await rule(pemdaID: pemdaID, on: db)
        let positions = try await PemdaQueries.jabatan(pemdaID: pemdaID, today: today, on: db)
        let levelOf = Dictionary(positions.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let units = Dictionary(try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id!, $0) },
                               uniquingKeysWith: { a, _ in a })
        let pks = Dictionary(grouping: try await Pk.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$year == year).all()) {
            $0.$jabatan.id
        }
        let hardcopies = Dictionary(try await PkHardcopy.query(on: db).filter(\.$pemda.$id == pemdaID)
            .filter(\.$year == year).all().map { ($0.$jabatan.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dpas = try await Dpa.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$year == year).all()
        let dpaDate = Dictionary(dpas.compactMap { d in CalendarDate(iso: d.ratifiedOn).map { (d.$unit.id, $0) } },
                                 uniquingKeysWith: { a, _ in a })
        func opd(_ unitID: UUID?) -> UUID? {
            var current = unitID
            while let id = current, let unit = units[id] {
                if unit.kind.isPerangkatDaerah { return id }
                current = unit.$parent.id
            }
            return unitID
        }
        var out: [PkBoardRow] = []
        for position in positions {
            guard let pkLevel = PkLevel(jabatan: position.level, superior: position.superiorID.flatMap { levelOf[$0] }),
                level == nil || level == pkLevel
            else { continue }
            let versions = (pks[position.id] ?? []).sorted { $0.version < $1.version }
            let ref = { (pk: Pk) in PkVersionRef(id: pk.id!, version: pk.version, status: pk.status, signedOn: pk.signedOn) }
            let due: CalendarDate?
            if pkLevel == .pemda {
                due = dpaDate.values.min().map(rule.due(dpaDate:))
            } else {
                due = opd(position.unitID).flatMap { dpaDate[$0] }.map(rule.due(dpaDate:))
            }
            let hardcopy = hardcopies[position.id].flatMap { CalendarDate(iso: $0.receivedOn) }
            let signed = versions.first.flatMap { $0.signedOn }.flatMap(CalendarDate.init(iso:))
            let first = [signed, hardcopy].compactMap { $0 }.min()
            out.append(PkBoardRow(
                jabatanID: position.id, jabatanName: position.name, level: pkLevel, depth: position.depth,
                unitName: position.unitName, unitCode: position.unitID.flatMap { units[$0]?.code },
                holder: position.holders.first.map { $0.kind.signaturePrefix + $0.name },
                latest: versions.last.map(ref), inForce: versions.last(where: { $0.status.isSigned }).map(ref),
                due: due, signedOn: signed, hardcopy: hardcopy,
                compliance: PkCompliance.evaluate(due: due, signedOn: first, today: today, rule: rule)))
        }
        return out
    }
}

/// What waits for a user: PKs to complete, verify, sign or publish, and reminders of deadlines.
public struct PkInboxItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case lengkapi, verifikasi, tandatangani, terbitkan, tenggat
    }

    public var kind: Kind
    public var pkID: UUID?
    public var jabatanName: String
    public var year: Int
    public var version: Int
    public var status: PkStatus?
    public var message: Message
}

public enum PkInbox {
    public static func items(for user: AppUser, principal: Principal, year: Int, today: CalendarDate,
                             on db: any Database) async throws -> [PkInboxItem]
    {
        guard let pemdaID = user.$pemda.id, let pemda = try await Pemda.find(pemdaID, on: db) else { return [] }
        var out: [PkInboxItem] = []
        let all = try await Pk.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$year == year).all()
        let latest = Dictionary(grouping: all) { $0.$jabatan.id }.compactMap { $0.value.max { $0.version < $1.version } }
        let units = Dictionary(try await Unit.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id!, $0.code) },
                               uniquingKeysWith: { a, _ in a })
        let reach = try await PkQueries.positionsInReach(of: user, on: db)
        let open = latest.filter { $0.status != .diterbitkan }
        let holders = try await PositionHolder.all(pemdaID: pemdaID, on: today, db: db)
        let names = Dictionary(try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID).all().map { ($0.id!, $0.name) },
                               uniquingKeysWith: { a, _ in a })
        let openIDs = open.compactMap(\.id)
        let signed = Dictionary(grouping: openIDs.isEmpty ? [] : try await PkSignature.query(on: db).filter(\.$pk.$id ~~ openIDs).all()) {
            $0.$pk.id
        }
        for pk in open {
            let parties = PkQueries.parties(of: user.$pegawai.id, jabatan: pk.$jabatan.id, superior: pk.$superiorJabatan.id, holders: holders)
            let actor = PkActor.of(principal, pemda: pemda.code, unit: pk.$unit.id.flatMap { units[$0] }, parties: parties,
                                   submittedIt: pk.submittedBy != nil && pk.submittedBy == user.id,
                                   positionInReach: reach.contains(pk.$jabatan.id))
            let state = PkState(status: pk.status, level: pk.level, signed: Set((signed[pk.id!] ?? []).map(\.party)))
            let actions = PkWorkflow.available(state, to: actor).map(\.kind)
            let name = names[pk.$jabatan.id] ?? ""
            let kind: PkInboxItem.Kind
            let message: Message
            // A verifier sees every draft of the Pemda as editable: only what is theirs to do is listed.
            if actions.contains(.ajukan) && (parties.contains(.pihakPertama) || !actor.mayVerify) {
                kind = .lengkapi
                message = pk.status == .dikembalikan
                    ? Message(id: "Dikembalikan verifikator: perbaiki lalu ajukan kembali", en: "Returned by the verifier: fix and resubmit")
                    : Message(id: "Lengkapi lalu ajukan", en: "Complete and submit")
            } else if actions.contains(.setujui) {
                kind = .verifikasi
                message = Message(id: "Menunggu verifikasi Anda", en: "Waiting for your review")
            } else if actions.contains(.tandatangani) {
                kind = .tandatangani
                message = Message(id: "Menunggu tanda tangan Anda", en: "Waiting for your signature")
            } else if actions.contains(.terbitkan) {
                kind = .terbitkan
                message = Message(id: "Sudah ditandatangani, siap diterbitkan", en: "Signed, ready to publish")
            } else {
                continue
            }
            out.append(PkInboxItem(kind: kind, pkID: pk.id, jabatanName: name, year: pk.year, version: pk.version,
                                   status: pk.status, message: message))
        }
        // Reminders: positions in the user's reach whose PK is due soon or late.
        let mayWatch = principal.roles.contains(.adminPemda) || principal.roles.contains(.verifikator)
        for row in try await PkBoard.rows(pemdaID: pemdaID, year: year, today: today, on: db) where row.compliance.needsReminder {
            let own = row.jabatanID == user.$jabatan.id
            let inUnits = row.unitCode.map { principal.units.contains($0) } ?? false
            guard mayWatch || own || inUnits else { continue }
            let due = row.due.map { IDFormat.date($0) } ?? "-"
            out.append(PkInboxItem(kind: .tenggat, pkID: row.latest?.id, jabatanName: row.jabatanName, year: year,
                                   version: row.latest?.version ?? 0, status: row.latest?.status,
                                   message: Message(id: "PK jatuh tempo \(due): \(row.compliance.label.id)",
                                                    en: "PK due \(row.due?.description ?? "-"): \(row.compliance.label.en)")))
        }
        return out
    }
}

/// The public portal: published PKs, and the verification of a signed one.
public struct PublishedPk: Sendable, Hashable {
    public var pkID: UUID
    public var pemdaCode: String
    public var pemdaName: String
    public var year: Int
    public var version: Int
    public var unitName: String
    public var jabatanName: String
    public var level: PkLevel
    public var signedOn: String?
    public var pihakPertama: String
}

public struct PkVerificationView: Sendable {
    public var pkID: UUID
    public var status: PkStatus
    public var document: PkDocument?
    public var verification: PkCanonical.Verification
    public var sha256: String
    public var sealedAt: Date
    public var publicKey: String
    /// Whether the deployment vouches for the key of this seal (see `SealKeyring`).
    public var keyTrust: SealKeyring.Trust
    /// The newest signed version, when this one has been superseded by a PK Perubahan.
    public var supersededBy: Int?
}

public enum PkPublic {
    /// One Pemda at a time: the whole country is some 270,000 PKs a year.
    public static func published(pemdaCode: String, year: Int?, unitID: UUID?, query: String?, on db: any Database)
        async throws -> [PublishedPk]
    {
        guard let pemda = try await PemdaQueries.find(code: pemdaCode, on: db) else { return [] }
        var pks = Pk.query(on: db).filter(\.$status == .diterbitkan).filter(\.$pemda.$id == (try pemda.requireID()))
        if let year { pks = pks.filter(\.$year == year) }
        if let unitID {
            // A Perangkat Daerah with everything inside it: its bidang and seksi sign PKs too.
            let units = try await Unit.query(on: db).filter(\.$pemda.$id == (try pemda.requireID())).all()
            let children = Dictionary(grouping: units.filter { $0.$parent.id != nil }) { $0.$parent.id! }.mapValues { $0.compactMap(\.id) }
            pks = pks.filter(\.$unit.$id ~~ Hierarchy.subtree(of: unitID, children: children))
        }
        let rows = try await pks.all()
        // The version in force: the newest published one of each position and year.
        let current = Dictionary(grouping: rows) { "\($0.$jabatan.id)/\($0.year)" }.compactMap { $0.value.max { $0.version < $1.version } }
        let needle = query?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        var out: [PublishedPk] = []
        for pk in current {
            guard let seal = try await PkSeal.query(on: db).filter(\.$pk.$id == pk.requireID()).first(),
                let document = try? PkCanonical.decode(Data(seal.document.utf8))
            else { continue }
            let jabatan = document.pihakPertama.jabatan
            let item = PublishedPk(pkID: try pk.requireID(), pemdaCode: document.pemdaCode, pemdaName: document.pemdaName,
                                   year: pk.year, version: pk.version, unitName: document.unitName, jabatanName: jabatan,
                                   level: pk.level, signedOn: pk.signedOn, pihakPertama: document.pihakPertama.name)
            if !needle.isEmpty {
                let haystack = [item.unitName, item.jabatanName, item.pihakPertama, item.pemdaName].joined(separator: " ")
                    .lowercased()
                guard haystack.contains(needle) else { continue }
            }
            out.append(item)
        }
        // The Kepala Daerah's own PK first, then down the levels.
        let rank = { (level: PkLevel) in PkLevel.allCases.firstIndex(of: level) ?? 0 }
        return out.sorted {
            ($0.year, rank($0.level), $0.unitName, $0.jabatanName) < ($1.year, rank($1.level), $1.unitName, $1.jabatanName)
        }
    }

    public static func verification(_ pkID: UUID, keyring: SealKeyring, on db: any Database) async throws -> PkVerificationView? {
        guard let pk = try await Pk.find(pkID, on: db),
            let seal = try await PkSeal.query(on: db).filter(\.$pk.$id == pkID).first(),
            let key = try await SealKey.find(seal.$key.id, on: db)
        else { return nil }
        let bytes = Data(seal.document.utf8)
        let newer = try await Pk.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id).filter(\.$year == pk.year)
            .filter(\.$version > pk.version).all().filter { $0.status.isSigned }.map(\.version).max()
        return PkVerificationView(
            pkID: pkID, status: pk.status, document: try? PkCanonical.decode(bytes),
            verification: PkCanonical.verify(document: bytes, sha256: seal.sha256, seal: seal.seal, publicKey: key.publicKey),
            sha256: seal.sha256, sealedAt: seal.sealedAt, publicKey: key.publicKey,
            keyTrust: keyring.trust(of: key.publicKey), supersededBy: newer)
    }
}
