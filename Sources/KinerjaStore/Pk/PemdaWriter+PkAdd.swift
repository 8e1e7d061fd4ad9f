import FluentKit
import Foundation
import KinerjaCore

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

    @discardableResult
    public func addPkRow(to pkID: UUID, _ input: NewPkRow, actor: PkActor)
        async throws -> UUID
    {
        let today = audit.today
        let sasaran = input.sasaran.trimmingCharacters(in: .whitespacesAndNewlines)
        let indikator = input.indikator.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sasaran.isEmpty else {
            throw RuleViolation(code: "pk.sasaranEmpty", field: .sasaran,
                message: Message(id: "Sasaran wajib diisi.", en: "The objective is required."))
        }
        guard !indikator.isEmpty else {
            throw RuleViolation(code: "pk.indikatorEmpty", field: .indikator,
                message: Message(id: "Indikator wajib diisi.", en: "The indicator is required."))
        }
        guard input.kind != .ordinal else {
            throw RuleViolation(code: "pk.kind", field: .kind,
                message: Message(id: "Indikator berskala peringkat ditambahkan lewat Renstra atau RKT, lengkap dengan skalanya.",
                                 en: "An ordinal indicator is added through the Renstra or RKT, with its scale."))
        }
        // A typed row has no indicator behind it: the year figure of its quarters is the last quarter's.
        let spec = IndicatorSpec(kind: input.kind, aggregation: .last)
        let target = try TargetInput.parse(input.target, for: spec, field: .target)
        return try await transaction { w in
            let pk = try await w.editablePk(pkID, actor: actor, today: today)
            let last = try await PkRow.query(on: w.database).filter(\.$pk.$id == pkID).sort(\.$sortOrder, .descending).first()
            let row = PkRow(id: UUID(), pemdaID: w.pemdaID, pkID: pkID, key: UUID().uuidString,
                            sortOrder: (last?.sortOrder ?? -1) + 1, sasaran: sasaran, indikator: indikator,
                            satuan: input.satuan.trimmingCharacters(in: .whitespacesAndNewlines), spec: spec,
                            target: target.canonical(statement: input.target.trimmingCharacters(in: .whitespaces)),
                            renstraTarget: nil, sourceIndikatorID: nil)
            return try await w.create(row, unitID: pk.$unit.id)
        }
    }

    /// A budget line by its nomenclature code, at the level the PK's budget table lists (program, kegiatan or sub
    /// kegiatan), named from the unit's Renstra.
    @discardableResult
    public func addPkBudget(to pkID: UUID, code raw: String, amount: String, actor: PkActor) async throws -> UUID
    {
        let today = audit.today
        let code = raw.trimmingCharacters(in: .whitespaces)
        let value = try RupiahInput.parse(amount, field: .amount)
        return try await transaction { w in
            let db = w.database
            let pk = try await w.editablePk(pkID, actor: actor, today: today)
            let level = pk.level.budgetLevel
            guard NomenclatureCode.level(of: code) == level else {
                throw RuleViolation(code: "pk.budgetLevel", field: .code,
                    message: Message(id: "Tabel anggaran PK \(pk.level.label.id) berisi \(level.label.id.lowercased()); kode \(code) bukan kode \(level.label.id.lowercased()).",
                                     en: "The budget table of a \(pk.level.label.en) PK lists \(level.label.en.lowercased()) codes; \(code) is not one."))
            }
            var renstraIDs: [UUID] = []
            if let unitID = pk.$unit.id {
                if let renstra = try await PlanQueries.current(renstraOf: try await PkReview.opdOf(unitID, on: db), on: db) {
                    renstraIDs = [try renstra.requireID()]
                }
            } else {
                renstraIDs = try await Renstra.query(on: db).filter(\.$pemda.$id == w.pemdaID).all().compactMap(\.id)
            }
            guard !renstraIDs.isEmpty, let item = try await RenstraItem.query(on: db).filter(\.$renstra.$id ~~ renstraIDs)
                .filter(\.$code == code).first()
            else {
                throw RuleViolation(code: "pk.budgetUnknown", field: .code,
                    message: Message(id: "Kode \(code) tidak ada dalam Renstra unit ini.", en: "Code \(code) is not in this unit's Renstra."))
            }
            if try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).filter(\.$code == code).first() != nil {
                throw RuleViolation(code: "pk.budgetTwice", field: .code,
                    message: Message(id: "\(level.label.id) \(code) sudah ada di tabel anggaran.", en: "\(code) is already in the budget table."))
            }
            let last = try await PkBudget.query(on: db).filter(\.$pk.$id == pkID).sort(\.$sortOrder, .descending).first()
            return try await w.create(PkBudget(pemdaID: w.pemdaID, pkID: pkID, sortOrder: (last?.sortOrder ?? -1) + 1,
                                               code: code, name: item.name, amount: value), unitID: pk.$unit.id)
        }
    }
}
