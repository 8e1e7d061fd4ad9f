import FluentKit
import Foundation
import KinerjaCore

/// PK Perubahan: a new version of a signed PK, on one of the three grounds and with its legal basis. The signed
/// version stays as it was; the new one starts as a draft with the same rows (same keys, so the two compare row by
/// row), links and budget.
extension PemdaWriter {
    @discardableResult
    public func revisePk(_ pkID: UUID, ground: PerubahanGround, legalNumber: String, legalDate: CalendarDate?,
                         actor: PkActor) async throws -> UUID
    {
        return try await transaction { w in
            let db = w.database
            guard try await Pk.find(pkID, on: db)?.$pemda.id == w.pemdaID else { throw w.unknown(.pk) }
            try await w.lockPk(pkID)
            guard let pk = try await Pk.find(pkID, on: db) else { throw w.unknown(.pk) }
            guard actor.mayDraft else {
                throw RuleViolation(.forbidden, code: "pk.notAllowed", field: nil,
                    message: Message(id: "Peran Anda tidak mencakup penyusunan PK Perubahan untuk jabatan ini.",
                                     en: "Your role does not include revising this position's PK."))
            }
            guard pk.status.isSigned else {
                throw RuleViolation(.conflict, code: "perubahan.notSigned", field: nil,
                    message: Message(id: "PK Perubahan dibuat dari PK yang sudah ditandatangani; PK ini masih \(pk.status.label.id).",
                                     en: "A revision starts from a signed PK; this one is still \(pk.status.label.en.lowercased())."))
            }
            if let newer = try await Pk.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id).filter(\.$year == pk.year)
                .filter(\.$version > pk.version).first()
            {
                throw RuleViolation(.conflict, code: "perubahan.exists", field: nil,
                    message: Message(id: "Sudah ada PK versi \(newer.version) (\(newer.status.label.id)); lanjutkan versi itu.",
                                     en: "Version \(newer.version) already exists (\(newer.status.label.en.lowercased())); continue with it."))
            }
            try PerubahanRules.checkBasis(legalNumber: legalNumber, legalDate: legalDate, year: pk.year)
            let jabatan = try await w.owned(Jabatan.self, pk.$jabatan.id, field: .position)
            let revision = Pk(id: UUID(), pemdaID: w.pemdaID, unitID: pk.$unit.id, jabatanID: pk.$jabatan.id,
                              superiorJabatanID: jabatan.$superior.id ?? pk.$superiorJabatan.id, year: pk.year,
                              version: pk.version + 1, level: pk.level, previousID: pkID)
            revision.revisionGround = ground
            revision.legalNumber = legalNumber.trimmingCharacters(in: .whitespacesAndNewlines)
            revision.legalDate = legalDate?.description
            let revisionID = try await w.create(revision, unitID: pk.$unit.id)
            for row in try await PkRow.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all() {
                let copy = PkRow(id: UUID(), pemdaID: w.pemdaID, pkID: revisionID, key: row.key, sortOrder: row.sortOrder,
                                 sasaran: row.sasaran, indikator: row.indikator, satuan: row.satuan, spec: row.spec,
                                 target: row.target, quarterly: row.quarterly, renstraTarget: row.renstraTarget,
                                 sourceIndikatorID: row.sourceIndikatorID)
                let copyID = try await w.create(copy, unitID: pk.$unit.id)
                for link in try await PkLink.query(on: db).filter(\.$row.$id == row.requireID()).all() {
                    _ = try await w.create(PkLink(pemdaID: w.pemdaID, rowID: copyID, superiorRowID: link.$superiorRow.id),
                                           unitID: pk.$unit.id)
                }
            }
            for line in try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder).all() {
                _ = try await w.create(PkBudget(pemdaID: w.pemdaID, pkID: revisionID, sortOrder: line.sortOrder,
                                                code: line.code, name: line.name, amount: line.amount), unitID: pk.$unit.id)
            }
            try await w.recordPkEvent(pkID: revisionID, action: "perubahan", from: .draf, to: .draf,
                                      reason: "\(ground.label.id); \(revision.legalNumber ?? "")")
            return revisionID
        }
    }
}
