import FluentKit
import Foundation
import KinerjaCore

/// A year's PK round for the demo, run through the same writer as the web pages: the Walikota's own PK and those of
/// the heads of Perangkat Daerah, most signed on time, some late, some still drafts, so that the board, the inbox and
/// the public portal have something to show. Dinas Kesehatan is left alone for the demo accounts to try.
public enum DemoPk {
    public struct Summary: Sendable, Equatable {
        public var published = 0
        /// Drafted but not (yet) published: still a draft, or approved while a post was vacant on the day.
        public var inProgress = 0
    }

    public static func run(pemdaID: UUID, year: Int, keyring: SealKeyring, on db: any Database) async throws -> Summary {
        let audit = AuditContext(userID: nil, username: "demo", requestID: "demo-pk")
        func writer(_ day: CalendarDate) -> PemdaWriter {
            PemdaWriter(database: db, pemdaID: pemdaID, audit: audit.on(day), keyring: keyring)
        }
        let drafter = PkActor(mayDraft: true)
        let verifier = PkActor(mayVerify: true, mayPublish: true)
        var summary = Summary()
        guard let walikota = try await Jabatan.query(on: db).filter(\.$pemda.$id == pemdaID)
            .filter(\.$level == .kepalaDaerah).first()
        else { return summary }
        func complete(_ jabatanID: UUID, signedOn day: CalendarDate) async throws {
            let writer = writer(day)
            let pk = try await writer.draftPk(jabatanID: jabatanID, year: year)
            try await writer.pkAction(.ajukan, pkID: pk, actor: drafter)
            try await writer.pkAction(.setujui, pkID: pk, actor: verifier)
            let level = try await Pk.find(pk, on: db)?.level ?? .pemda
            if !level.isUnilateral {
                try await writer.pkAction(.tandatangani(.pihakKedua), pkID: pk, actor: PkActor(parties: [.pihakKedua]))
            }
            try await writer.pkAction(.tandatangani(.pihakPertama), pkID: pk, actor: PkActor(parties: [.pihakPertama]))
            try await writer.pkAction(.terbitkan, pkID: pk, actor: verifier)
            summary.published += 1
        }
        try await complete(try walikota.requireID(), signedOn: CalendarDate(year: year, month: 1, day: 20)!)
        let heads = try await Jabatan.query(on: db).filter(\.$superior.$id == walikota.requireID()).all()
            .sorted { $0.name < $1.name }
        for (index, head) in heads.enumerated() where head.name != "Kepala Dinas Kesehatan" {
            do {
                if index % 7 == 3 {
                    // Still being drafted.
                    _ = try await writer(CalendarDate(year: year, month: 1, day: 25)!).draftPk(jabatanID: head.requireID(), year: year)
                    summary.inProgress += 1
                } else {
                    // Most on time (before 5 February), every fifth a few days late.
                    let day = index % 5 == 4 ? CalendarDate(year: year, month: 2, day: 9 + index % 3)!
                        : CalendarDate(year: year, month: 1, day: 21 + index % 10)!
                    try await complete(head.requireID(), signedOn: day)
                }
            } catch is RuleViolation {
                // A post vacant on the day, or a PK the checks stop: it stays where it is, as it would in real life.
                summary.inProgress += 1
            }
        }
        return summary
    }
}
