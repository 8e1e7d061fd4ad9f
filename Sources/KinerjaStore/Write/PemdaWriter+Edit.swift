import FluentKit
import Foundation
import KinerjaCore

/// Correcting the organisation: a unit, a position or an employee, with the same rules as when they were added and
/// the trees kept free of loops. Each change is audited with before and after.
extension PemdaWriter {
    public func updateUnit(id: UUID, code: String, name: String, kind: UnitKind, parentID: UUID?, bidangCodes: [String])
        async throws
    {
        try OrganisationInput.unit(code: code, name: name, bidangCodes: bidangCodes)
        try await transaction { w in
            let unit = try await w.owned(Unit.self, id, field: .unit)
            let all = try await Unit.query(on: w.database).filter(\.$pemda.$id == w.pemdaID).all()
            if let parentID {
                _ = try await w.owned(Unit.self, parentID, field: .parent)
                let parents = Dictionary(uniqueKeysWithValues: all.compactMap { u in u.$parent.id.map { (u.id!, $0) } })
                if Hierarchy.wouldCycle(node: id, parent: parentID, parentOf: parents) { throw Hierarchy.cycle }
            }
            if all.contains(where: { $0.code == code && $0.id != id }) {
                throw RuleViolation(.conflict, code: "unit.duplicateCode", field: .code,
                    message: Message(id: "Kode unit \(code) sudah dipakai di Pemda ini.",
                                     en: "Unit code \(code) is already used in this Pemda."))
            }
            try await w.update(unit, unitID: id) {
                $0.code = code
                $0.name = name
                $0.kind = kind
                $0.$parent.id = parentID
                $0.bidangCodes = bidangCodes.joined(separator: ",")
            }
        }
    }

    public func updateJabatan(id: UUID, name: String, level: JabatanLevel, eselon: String, unitID: UUID?,
                              superiorID: UUID?) async throws
    {
        try OrganisationInput.jabatan(name: name, eselon: eselon)
        try await transaction { w in
            let jabatan = try await w.owned(Jabatan.self, id, field: .position)
            let all = try await Jabatan.query(on: w.database).filter(\.$pemda.$id == w.pemdaID).all()
            let superior = try await superiorID.asyncMap { try await w.owned(Jabatan.self, $0, field: .superior) }
            try JabatanLevel.checkSuperior(of: level, superior: superior?.level)
            let parents = Dictionary(uniqueKeysWithValues: all.compactMap { j in j.$superior.id.map { (j.id!, $0) } })
            if Hierarchy.wouldCycle(node: id, parent: superiorID, parentOf: parents) {
                throw RuleViolation(code: Hierarchy.cycle.code, field: .superior, message: Hierarchy.cycle.message)
            }
            // Its subordinates must still sit below it.
            for child in all where child.$superior.id == id {
                try JabatanLevel.checkSuperior(of: child.level, superior: level)
            }
            if let unitID { _ = try await w.owned(Unit.self, unitID, field: .unit) }
            try await w.update(jabatan, unitID: unitID) {
                $0.name = name
                $0.level = level
                $0.eselon = eselon
                $0.$unit.id = unitID
                $0.$superior.id = superiorID
            }
        }
    }

    public func updatePegawai(id: UUID, nip raw: String?, name: String, pangkat: String) async throws {
        let nip = try raw.map { raw throws(RuleViolation) in try Nip(raw) }
        try OrganisationInput.pegawai(name: name, pangkat: pangkat)
        try await transaction { w in
            let pegawai = try await w.owned(Pegawai.self, id, field: .pegawai)
            if let nip, let other = try await Pegawai.query(on: w.database).filter(\.$nip == nip.digits).first(), other.id != id {
                throw w.nipTaken(nip, by: other)
            }
            try await w.update(pegawai) {
                $0.nip = nip?.digits
                $0.name = name
                $0.pangkat = pangkat
            }
        }
    }

    /// A NIP is one person's in the whole country. Another Pemda's employee is not named: no tenant learns another's
    /// people.
    func nipTaken(_ nip: Nip, by holder: Pegawai) -> RuleViolation {
        holder.$pemda.id == pemdaID
            ? RuleViolation(.conflict, code: "nip.duplicate", field: .nip,
                            message: Message(id: "NIP \(nip.grouped) sudah terdaftar atas nama \(holder.name).",
                                             en: "NIP \(nip.grouped) is already registered to \(holder.name)."))
            : RuleViolation(.conflict, code: "nip.duplicate", field: .nip,
                            message: Message(id: "NIP \(nip.grouped) sudah terdaftar di Pemda lain.",
                                             en: "NIP \(nip.grouped) is already registered in another Pemda."))
    }
}
