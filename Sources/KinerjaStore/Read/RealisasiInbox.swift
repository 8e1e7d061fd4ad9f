import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The realisation work of a year that waits for someone, in one statement: the newest entry of each indicator and
/// quarter that is returned (for the unit to correct) or awaiting a verifikator.
public enum RealisasiInbox {
    struct Open {
        var pkID: UUID
        var jabatanID: UUID
        var period: Int
        var status: RealisasiStatus
        var authorID: UUID?
        var returnReason: String?
        var verifierName: String?
        var verifiedAt: Date?
    }

    /// Returned entries go to whoever may correct them (`PkActor.mayDraft`) save an Admin Pemda, who may correct every
    /// unit's and would drown in them; waiting entries go to whoever may verify (`Policy`), never their own.
    public static func items(pemdaID: UUID, pemdaCode: String, year: Int, principal: Principal, accountID: UUID,
                             reach: Set<UUID>, organisation o: PemdaOrganisation, on db: any Database) async throws
        -> [PkInboxItem]
    {
        let mayVerify = Policy.decide(principal, .verify, Subject(.pk, pemda: pemdaCode)).isAllowed
        let mayCorrect = principal.roles.contains(.operatorOpd) || principal.roles.contains(.pejabat)
        guard mayVerify || mayCorrect else { return [] }
        let rows = try await db.sql.raw("""
            SELECT r.pk_id, r.jabatan_id, r.period, r.status, r.author_id, r.return_reason, r.verifier_name, r.verified_at
            FROM realisasi r
            WHERE r.pemda_id = \(bind: pemdaID) AND r.year = \(bind: year) AND r.status IN ('diajukan', 'dikembalikan')
              AND NOT EXISTS (SELECT 1 FROM realisasi n WHERE n.jabatan_id = r.jabatan_id AND n.year = r.year
                              AND n.row_key = r.row_key AND n.period = r.period AND n.month = r.month AND n.seq > r.seq)
            ORDER BY r.period, r.jabatan_id
            """).all().map { row in
            Open(pkID: try row.decode(column: "pk_id", as: UUID.self), jabatanID: try row.decode(column: "jabatan_id", as: UUID.self),
                 period: try row.decode(column: "period", as: Int.self),
                 status: RealisasiStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .diajukan,
                 authorID: try row.decode(column: "author_id", as: UUID?.self),
                 returnReason: try row.decode(column: "return_reason", as: String?.self),
                 verifierName: try row.decode(column: "verifier_name", as: String?.self),
                 verifiedAt: try row.decode(column: "verified_at", as: Date?.self))
        }
        // One item per PK, quarter and kind, saying how many indicators it covers.
        var grouped: [(key: String, items: [Open])] = []
        var index: [String: Int] = [:]
        for open in rows {
            let key = "\(open.pkID)|\(open.period)|\(open.status.rawValue)"
            if let i = index[key] { grouped[i].items.append(open) } else {
                index[key] = grouped.count
                grouped.append((key, [open]))
            }
        }
        var out: [PkInboxItem] = []
        for (_, group) in grouped {
            let first = group[0]
            let position = o.positions[first.jabatanID]
            let unitCode = position?.unit.flatMap { o.units[$0]?.code }
            let name = position?.name ?? ""
            let tw = Triwulan.label(first.period)
            switch first.status {
            case .dikembalikan:
                guard mayCorrect, PkActor.mayDraft(principal, pemda: pemdaCode, unit: unitCode,
                                                   positionInReach: reach.contains(first.jabatanID))
                else { continue }
                out.append(PkInboxItem(kind: .realisasiPerbaiki, pkID: first.pkID, jabatanID: first.jabatanID, jabatanName: name,
                                       year: year, version: 0, status: nil,
                                       message: Message(id: "\(group.count) indikator \(tw) dikembalikan verifikator: perbaiki lalu simpan lagi",
                                                        en: "\(group.count) \(tw) indicators returned by the verifier: correct and save again"),
                                       returnReason: first.returnReason, returnedBy: first.verifierName, returnedAt: first.verifiedAt,
                                       due: nil, period: first.period))
            case .diajukan:
                guard mayVerify else { continue }
                // A verifikator never decides on their own entries: those are left for another.
                let others = group.filter { $0.authorID != accountID }
                guard !others.isEmpty else { continue }
                out.append(PkInboxItem(kind: .realisasiVerifikasi, pkID: first.pkID, jabatanID: first.jabatanID, jabatanName: name,
                                       year: year, version: 0, status: nil,
                                       message: Message(id: "\(others.count) isian realisasi \(tw) menunggu verifikasi",
                                                        en: "\(others.count) \(tw) realisation entries awaiting review"),
                                       due: nil, period: first.period))
            case .diterima:
                continue
            }
        }
        return out
    }
}
