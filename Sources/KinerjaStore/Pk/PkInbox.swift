import Foundation
import KinerjaCore

/// What waits for a user: PKs to complete, verify, sign or publish, and reminders of deadlines.
public struct PkInboxItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case lengkapi, verifikasi, tandatangani, terbitkan
        /// Realisation returned by a verifikator, to correct; realisation waiting for a verifikator.
        case realisasiPerbaiki, realisasiVerifikasi
        /// The early warning of a PK of the reader's unit.
        case peringatan
        case tenggat

        public var heading: Message {
            switch self {
            case .lengkapi: Message(id: "Untuk dilengkapi dan diajukan", en: "To complete and submit")
            case .verifikasi: Message(id: "Menunggu verifikasi Anda", en: "Waiting for your review")
            case .tandatangani: Message(id: "Menunggu tanda tangan Anda", en: "Waiting for your signature")
            case .terbitkan: Message(id: "Siap diterbitkan", en: "Ready to publish")
            case .realisasiPerbaiki: Message(id: "Realisasi dikembalikan untuk diperbaiki", en: "Realisation returned for correction")
            case .realisasiVerifikasi: Message(id: "Realisasi menunggu verifikasi Anda", en: "Realisation waiting for your review")
            case .peringatan: Message(id: "Peringatan dini realisasi", en: "Early warnings on realisation")
            case .tenggat: Message(id: "Tenggat", en: "Deadlines")
            }
        }
    }

    public var kind: Kind
    public var pkID: UUID?
    public var jabatanID: UUID
    public var jabatanName: String
    public var year: Int
    public var version: Int
    public var status: PkStatus?
    public var message: Message
    /// For a returned PK: the verifier's reason, in full, who returned it and when.
    public var returnReason: String?
    public var returnedBy: String?
    public var returnedAt: Date?
    public var due: CalendarDate?
    /// For a reminder: how the deadline stands, and whether the PK is the reader's own or one of their positions'.
    public var compliance: PkCompliance? = nil
    public var isOwn: Bool = false
    /// For a realisation item: the quarter.
    public var period: Int? = nil
}

/// Who the inbox is for: the account, the person it is, its position and the positions below.
public struct InboxAccount: Sendable, Hashable {
    public var id: UUID
    public var pegawaiID: UUID?
    public var jabatanID: UUID?
    public var reach: Set<UUID>

    public init(id: UUID, pegawaiID: UUID?, jabatanID: UUID?, reach: Set<UUID>) {
        self.id = id
        self.pegawaiID = pegawaiID
        self.jabatanID = jabatanID
        self.reach = reach
    }
}

public enum PkInbox {
    /// The actor an account is for one PK version on a day.
    public static func actor(_ account: InboxAccount, principal: Principal, pemdaCode: String, version v: PkYear.Version,
                             organisation o: PemdaOrganisation, today: CalendarDate) -> PkActor
    {
        let parties = PkParty.held(by: account.pegawaiID, pertama: o.holder(of: v.jabatanID, on: today)?.pegawaiID,
                                   kedua: v.superiorID.flatMap { o.holder(of: $0, on: today)?.pegawaiID })
        return PkActor.of(principal, pemda: pemdaCode, unit: v.unitID.flatMap { o.units[$0]?.code }, parties: parties,
                          submittedIt: v.submittedBy != nil && v.submittedBy == account.id,
                          positionInReach: account.reach.contains(v.jabatanID))
    }

    public static func items(for account: InboxAccount, principal: Principal, pemdaCode: String, organisation o: PemdaOrganisation,
                             year: PkYear, board: [PkBoardRow], today: CalendarDate) -> [PkInboxItem]
    {
        var out: [PkInboxItem] = []
        let open = PkVersions.latestOfEach(year.versions) { $0.jabatanID }.filter { $0.status != .diterbitkan }
        for v in open.sorted(by: { ($0.level.rank, o.positions[$0.jabatanID]?.name ?? "") < ($1.level.rank, o.positions[$1.jabatanID]?.name ?? "") }) {
            let actor = actor(account, principal: principal, pemdaCode: pemdaCode, version: v, organisation: o, today: today)
            let state = PkState(status: v.status, level: v.level, signed: year.signed[v.id] ?? [])
            let actions = Set(PkWorkflow.available(state, to: actor).map(\.kind))
            let name = o.positions[v.jabatanID]?.name ?? ""
            let kind: PkInboxItem.Kind
            let message: Message
            // A verifier sees every draft of the Pemda as editable: only what is theirs to do is listed.
            if actions.contains(.ajukan) && (actor.parties.contains(.pihakPertama) || !actor.mayVerify) {
                kind = .lengkapi
                message = v.status == .dikembalikan
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
            let returned = v.status == .dikembalikan ? year.returns[v.id] : nil
            out.append(PkInboxItem(kind: kind, pkID: v.id, jabatanID: v.jabatanID, jabatanName: name, year: year.year,
                                   version: v.version, status: v.status, message: message, returnReason: returned?.reason,
                                   returnedBy: returned?.by, returnedAt: returned?.at, due: nil))
        }
        // Reminders: positions in the user's care whose PK is due soon or late.
        let mayWatch = !principal.roles.isDisjoint(with: [.adminPemda, .verifikator])
        for row in board where row.compliance.needsReminder {
            let own = row.jabatanID == account.jabatanID || account.reach.contains(row.jabatanID)
            let inUnits = row.unitCode.map { principal.units.contains($0) } ?? false
            guard mayWatch || own || inUnits else { continue }
            let due = row.due.map { IDFormat.date($0) } ?? "-"
            out.append(PkInboxItem(kind: .tenggat, pkID: row.latest?.id, jabatanID: row.jabatanID, jabatanName: row.jabatanName,
                                   year: year.year, version: row.latest?.version ?? 0, status: row.latest?.status,
                                   message: Message(id: "PK jatuh tempo \(due): \(row.compliance.label.id)",
                                                    en: "PK due \(row.due?.description ?? "-"): \(row.compliance.label.en)"),
                                   due: row.due, compliance: row.compliance, isOwn: own))
        }
        return out
    }
}
