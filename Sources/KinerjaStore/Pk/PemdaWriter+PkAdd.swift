import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// Adding what the prefill did not bring: an indicator row typed by the drafter, a budget line by its code.
extension PemdaWriter {
    public struct NewPkRow: Sendable {
        public var sasaran: String
        public var indikator: String
        public var satuan: String
        public var kind: IndicatorKind
        public var target: String

        public init(sasaran: String, indikator: String, satuan: String, kind: IndicatorKind, target: String) {
            self.sasaran = sasaran
            self.indikator = indikator
            self.satuan = satuan
            self.kind = kind
            self.target = target
        }
    }

    /// An indicator row typed by the drafter: a table save that adds it.
    @discardableResult
    public func addPkRow(to pkID: UUID, _ input: NewPkRow, actor: PkActor) async throws -> UUID {
        try await savePkPart(pkID, PkTableEdit(rows: [], newRow: PkTableEdit.NewRow(
            sasaran: input.sasaran, indikator: input.indikator, satuan: input.satuan, kind: input.kind, target: input.target)),
            actor: actor)
        return try await newest(PkRow.self, of: pkID)
    }

    /// A budget line by its nomenclature code, at the level the PK's budget table lists: a table save that adds it.
    @discardableResult
    public func addPkBudget(to pkID: UUID, code: String, amount: String, actor: PkActor) async throws -> UUID {
        try await savePkPart(pkID, PkTableEdit(rows: [], newBudget: PkTableEdit.NewBudget(code: code, amount: amount)), actor: actor)
        return try await newest(PkBudget.self, of: pkID)
    }

    func newest<M: Model>(_ type: M.Type, of pkID: UUID) async throws -> UUID where M.IDValue == UUID {
        let row = try await database.sql.raw("""
            SELECT id FROM \(ident: M.schema) WHERE pk_id = \(bind: pkID) ORDER BY sort_order DESC LIMIT 1
            """).first()
        guard let id = try row?.decode(column: "id", as: UUID.self) else { throw unknown(.pkRow) }
        return id
    }

    func insertPkRow(_ pk: Pk, _ new: PkTableChange.NewRow) async throws -> UUID {
        let pkID = try pk.requireID()
        let last = try await PkRow.query(on: database).filter(\.$pk.$id == pkID).sort(\.$sortOrder, .descending).first()
        let row = PkRow(id: UUID(), pemdaID: pemdaID, pkID: pkID, key: UUID().uuidString,
                        sortOrder: (last?.sortOrder ?? -1) + 1, sasaran: new.sasaran, indikator: new.indikator,
                        satuan: new.satuan, spec: new.spec, target: new.target, renstraTarget: nil, sourceIndikatorID: nil)
        return try await create(row, unitID: pk.$unit.id)
    }

    /// The name comes from the Renstra: a code the unit's Renstra does not hold is refused.
    func insertPkBudget(_ pk: Pk, code: String, amount: Int64, field: InputField) async throws -> UUID {
        let pkID = try pk.requireID()
        var renstraIDs: [UUID] = []
        if let unitID = pk.$unit.id {
            let organisation = try await PemdaOrganisation.load(pemdaID: pemdaID, on: database)
            if let renstra = try await PlanQueries.current(renstraOf: organisation.opd(of: unitID) ?? unitID, on: database) {
                renstraIDs = [try renstra.requireID()]
            }
        } else {
            renstraIDs = try await Renstra.query(on: database).filter(\.$pemda.$id == pemdaID).all().compactMap(\.id)
        }
        guard !renstraIDs.isEmpty, let item = try await RenstraItem.query(on: database).filter(\.$renstra.$id ~~ renstraIDs)
            .filter(\.$code == code).first()
        else {
            throw RuleViolation(code: "pk.budgetUnknown", field: field,
                message: Message(id: "Kode \(code) tidak ada dalam Renstra unit ini.", en: "Code \(code) is not in this unit's Renstra."))
        }
        if try await PkBudget.query(on: database).filter(\.$pk.$id == pkID).filter(\.$code == code).first() != nil {
            throw RuleViolation(code: "pk.budgetTwice", field: field,
                message: Message(id: "\(pk.level.budgetLevel.label.id) \(code) sudah ada di tabel anggaran.",
                                 en: "\(code) is already in the budget table."))
        }
        let last = try await PkBudget.query(on: database).filter(\.$pk.$id == pkID).sort(\.$sortOrder, .descending).first()
        return try await create(PkBudget(pemdaID: pemdaID, pkID: pkID, sortOrder: (last?.sortOrder ?? -1) + 1,
                                         code: code, name: item.name, amount: amount), unitID: pk.$unit.id)
    }
}
