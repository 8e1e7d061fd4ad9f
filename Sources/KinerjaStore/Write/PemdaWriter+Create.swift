import FluentKit
import Foundation
import KinerjaCore

extension PemdaWriter {
    /// A new tenant, by the super admin: a Kemendagri region code of the right shape for its kind, used once.
    @discardableResult
    public static func createPemda(code: String, name: String, kind: PemdaKind, seat: String, audit: AuditContext,
                                   on database: any Database) async throws -> UUID
    {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        let shapeOK = parts.allSatisfy { $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }
            && parts.count == (kind == .provinsi ? 1 : 2)
        guard shapeOK else {
            throw RuleViolation(code: "pemda.code", field: .code,
                message: Message(id: kind == .provinsi ? "Kode wilayah provinsi dua angka, mis. 33." : "Kode wilayah kabupaten/kota berbentuk NN.NN, mis. 33.74.",
                                 en: kind == .provinsi ? "A province's region code has two digits, e.g. 33." : "A regency or city code looks like NN.NN, e.g. 33.74."))
        }
        try Required.text(name, field: .name, label: Message(id: "Nama Pemda", en: "The Pemda name"))
        try Required.text(seat, field: .place, label: Message(id: "Tempat penandatanganan", en: "The place of signing"))
        return try await database.transaction { db in
            if try await Pemda.query(on: db).filter(\.$code == code).first() != nil {
                throw RuleViolation(.conflict, code: "pemda.duplicate", field: .code,
                    message: Message(id: "Kode \(code) sudah dipakai Pemda lain.", en: "Code \(code) is already used by another Pemda."))
            }
            let pemda = Pemda(id: UUID(), code: code, name: name, kind: kind, seat: seat)
            try await pemda.create(on: db)
            let id = try pemda.requireID()
            try await AuditTrail.record(.create, before: nil as Pemda?, after: pemda, entityID: id, pemdaID: id,
                                        context: audit, on: db)
            return id
        }
    }
}
