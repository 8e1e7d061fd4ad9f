import FluentKit
import Foundation
import KinerjaCore

/// Evidence files (bukti dukung) of a PK indicator and quarter.
extension PemdaWriter {
    /// Keeps a file whose kind the caller read from its content (`BuktiInspector`); the first bytes are checked again
    /// here so that no caller can store a file under a kind it is not. Added while the quarter is open, or while
    /// the indicator's entry of the quarter is returned for correction.
    @discardableResult
    public func addBukti(pkID: UUID, period: Int, rowKey: String, fileName: String, kind: BuktiKind, content: Data,
                         actor: PkActor) async throws -> UUID
    {
        let period = try Triwulan.parse(period)
        if let refusal = BuktiKind.refusal(size: content.count) { throw refusal }
        guard let sniffed = BuktiKind.sniff(content), sniffed == kind else { throw BuktiKind.unknownType }
        let name = Self.buktiName(fileName, kind: kind)
        let today = audit.today
        return try await transaction { w in
            let db = w.database
            let pk = try await w.pkInForce(pkID)
            guard actor.mayDraft else {
                throw RuleViolation(.forbidden, code: "realisasi.notYours",
                    message: Message(id: "Bukti dukung PK ini diunggah oleh unit kerja pemilik PK.",
                                     en: "This PK's evidence is uploaded by the unit that owns the PK."))
            }
            guard try await PkRow.query(on: db).filter(\.$pk.$id == pkID).filter(\.$key == rowKey).first() != nil else {
                throw w.unknown(.pkRow)
            }
            let latest = try await RealisasiEntry.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id)
                .filter(\.$year == pk.year).filter(\.$rowKey == rowKey).filter(\.$period == period)
                .sort(\.$seq, .descending).first()
            if latest?.status != .dikembalikan { try await w.checkJadwal(Triwulan.stage(period), year: pk.year, today: today) }
            let count = try await RealisasiBukti.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id)
                .filter(\.$year == pk.year).filter(\.$rowKey == rowKey).filter(\.$period == period).count()
            guard count < BuktiKind.maximumFiles else {
                throw RuleViolation(.conflict, code: "bukti.tooMany", field: .file,
                    message: Message(id: "Satu indikator per triwulan paling banyak \(BuktiKind.maximumFiles) berkas bukti dukung.",
                                     en: "One indicator may have at most \(BuktiKind.maximumFiles) evidence files per quarter."))
            }
            let bukti = RealisasiBukti()
            let id = UUID()
            bukti.id = id
            bukti.$pemda.id = w.pemdaID
            bukti.$pk.id = pkID
            bukti.$jabatan.id = pk.$jabatan.id
            bukti.year = pk.year
            bukti.rowKey = rowKey
            bukti.period = period
            bukti.fileName = name
            bukti.kind = kind
            bukti.size = content.count
            bukti.sha256 = PkCanonical.sha256Hex(content)
            bukti.content = content
            bukti.uploaderID = w.audit.userID
            bukti.uploaderName = w.audit.username
            bukti.uploadedAt = w.audit.now
            try await bukti.create(on: db)
            let summary = BuktiSummary(fileName: name, kind: kind, period: period, rowKey: rowKey, sha256: bukti.sha256,
                                       size: content.count)
            try await AuditTrail.record(.create, entity: RealisasiBukti.schema, beforeSnapshot: nil, after: try summary.json(),
                                        entityID: id, pemdaID: w.pemdaID, unitID: pk.$unit.id, reason: nil,
                                        context: w.audit, on: db)
            return id
        }
    }

    /// Removes a file uploaded by mistake, on the same terms as adding one (the unit, while the quarter is open or its
    /// entry returned), and never once the quarter's entry is accepted: what the verifier accepted stays as it was.
    /// The audit trail keeps what the file was.
    public func removeBukti(pkID: UUID, buktiID: UUID, actor: PkActor) async throws {
        let today = audit.today
        try await transaction { w in
            let db = w.database
            let pk = try await w.pkInForce(pkID)
            guard actor.mayDraft else {
                throw RuleViolation(.forbidden, code: "realisasi.notYours",
                    message: Message(id: "Bukti dukung PK ini dikelola oleh unit kerja pemilik PK.",
                                     en: "This PK's evidence is managed by the unit that owns the PK."))
            }
            guard let bukti = try await RealisasiBukti.find(buktiID, on: db), bukti.$pemda.id == w.pemdaID,
                  bukti.$jabatan.id == pk.$jabatan.id, bukti.year == pk.year
            else { throw w.unknown(.bukti) }
            let latest = try await RealisasiEntry.query(on: db).filter(\.$jabatan.$id == pk.$jabatan.id)
                .filter(\.$year == pk.year).filter(\.$rowKey == bukti.rowKey).filter(\.$period == bukti.period)
                .sort(\.$seq, .descending).first()
            if latest?.status == .diterima {
                throw RuleViolation(.conflict, code: "bukti.accepted", field: .file,
                    message: Message(id: "Bukti dukung isian yang sudah diterima verifikator tidak dapat dihapus; unggah berkas tambahan bila perlu.",
                                     en: "Evidence of an entry the verifier accepted cannot be removed; upload another file if needed."))
            }
            if latest?.status != .dikembalikan { try await w.checkJadwal(Triwulan.stage(bukti.period), year: pk.year, today: today) }
            let summary = BuktiSummary(fileName: bukti.fileName, kind: bukti.kind, period: bukti.period, rowKey: bukti.rowKey,
                                       sha256: bukti.sha256, size: bukti.size)
            try await bukti.delete(on: db)
            try await AuditTrail.record(.delete, entity: RealisasiBukti.schema, beforeSnapshot: try summary.json(), after: nil,
                                        entityID: buktiID, pemdaID: w.pemdaID, unitID: pk.$unit.id, reason: nil,
                                        context: w.audit, on: db)
        }
    }

    /// The name shown and sent back: the base name without folders, bounded, with the extension of its real kind.
    static func buktiName(_ raw: String, kind: BuktiKind) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = base
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { stem = String(base[..<dot]) }
        let clean = String(stem.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let bounded = String((clean.isEmpty ? "bukti" : clean).prefix(120))
        return "\(bounded).\(kind.fileExtension)"
    }
}

/// What the audit trail keeps of an evidence file: what it is, not its bytes.
struct BuktiSummary: Encodable {
    var fileName: String
    var kind: BuktiKind
    var period: Int
    var rowKey: String
    var sha256: String
    var size: Int

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
