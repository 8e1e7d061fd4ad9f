import FluentKit
import Foundation
import KinerjaCore

/// Puts together the document of a PK version: what is sealed at signing, and the preview of a draft.
public enum PkDocumentBuilder {
    public static func setting(pemdaID: UUID, on db: any Database) async throws -> PkSetting? {
        try await PkSetting.query(on: db).filter(\.$pemda.$id == pemdaID).first()
    }

    /// - Parameter signers: the parties as they sign; a party missing here is shown as whoever holds the position
    ///   on `date` (for a preview).
    public static func build(_ pk: Pk, date: CalendarDate, signers: [PkParty: PkSigner] = [:], on db: any Database)
        async throws -> PkDocument
    {
        guard let pemda = try await Pemda.find(pk.$pemda.id, on: db),
            let jabatan = try await Jabatan.find(pk.$jabatan.id, on: db)
        else { throw RuleViolation(code: "pk.incomplete", field: nil, message: Message(id: "PK tidak lengkap.", en: "Incomplete PK.")) }
        let setting = try await setting(pemdaID: pk.$pemda.id, on: db)
        // The letterhead names the Perangkat Daerah, also on the PK of a bidang or a seksi inside it.
        let unitName = try await pk.$unit.id.asyncMap { id in
            try await Unit.find(try await PkReview.opdOf(id, on: db), on: db)?.name
        } ?? nil
        func party(_ party: PkParty, _ jabatanID: UUID?) async throws -> PkSigner? {
            if let signer = signers[party] { return signer }
            guard let jabatanID, let position = try await Jabatan.find(jabatanID, on: db) else { return nil }
            let holder = try await PositionHolder.find(jabatanID: jabatanID, on: date, db: db)
            return holder?.signer(jabatanName: position.name)
                ?? PkSigner(name: "……………………", nip: nil, pangkat: "", jabatan: position.name)
        }
        let rows = try await PkRow.query(on: db).filter(\.$pk.$id == pk.requireID()).sort(\.$sortOrder).all()
        let budget = try await PkBudget.query(on: db).filter(\.$pk.$id == pk.requireID()).sort(\.$sortOrder).all()
        let template = setting?.template(for: pk.level) ?? .standard(for: pk.level)
        let place = setting.map(\.place).flatMap { $0.isEmpty ? nil : $0 } ?? pemda.seat
        return PkDocument(
            pemdaCode: pemda.code, pemdaName: pemda.name, unitName: unitName ?? pemda.name, year: pk.year,
            version: pk.version, level: pk.level, statement: template.text(year: pk.year),
            pihakPertama: try await party(.pihakPertama, pk.$jabatan.id)
                ?? PkSigner(name: "", nip: nil, pangkat: "", jabatan: jabatan.name),
            pihakKedua: pk.level.isUnilateral ? nil : try await party(.pihakKedua, pk.$superiorJabatan.id),
            place: place, date: date,
            performance: rows.map { row in
                let spec = row.spec
                return PkPerformanceRow(key: row.key, sasaran: row.sasaran, indikator: row.indikator, satuan: row.satuan,
                                        target: TargetDisplay.text(row.target, spec: spec),
                                        quarterly: row.quarterly.map { $0.isEmpty ? "" : TargetDisplay.text($0, spec: spec) })
            },
            budget: budget.map { PkBudgetRow(code: $0.code, name: $0.name, amount: $0.amount) },
            revision: pk.revision)
    }
}
