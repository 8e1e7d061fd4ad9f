import FluentKit
import Foundation
import KinerjaCore

/// Everything a person sets on an indicator: identity, how it is measured, its tags and its Manual IKU.
public struct IndikatorInput: Sendable, Hashable {
    public var code: String
    public var name: String
    public var satuan: String
    public var spec: IndicatorSpec
    public var weight: FixedDecimal
    public var tags: [String]
    public var manual: ManualIku
    /// The baseline (kondisi awal) as typed, and its year; both empty or both given.
    public var baselineValue: String
    public var baselineYear: Int?

    public init(code: String, name: String, satuan: String, spec: IndicatorSpec, weight: FixedDecimal = FixedDecimal(1),
                tags: [String] = [], manual: ManualIku = ManualIku(), baselineValue: String = "", baselineYear: Int? = nil)
    {
        self.code = code
        self.name = name
        self.satuan = satuan
        self.spec = spec
        self.weight = weight
        self.tags = tags
        self.manual = manual
        self.baselineValue = baselineValue
        self.baselineYear = baselineYear
    }

    /// Checks the input as a whole before anything is written.
    public func validate() throws(RuleViolation) {
        try Required.text(code, field: .code, label: Message(id: "Kode indikator", en: "The indicator code"))
        try Required.text(name, field: .name, label: Message(id: "Nama indikator", en: "The indicator name"))
        try Required.text(satuan, field: .satuan, label: Message(id: "Satuan", en: "The unit of measure"))
        let manualLabel = Message(id: "Isian Manual IKU", en: "A Manual IKU entry")
        for text in [manual.definition, manual.measurement, manual.dataSource, manual.responsible, manual.rationale] {
            try Required.Optional.text(text, field: .definition, label: manualLabel, max: Limits.longText)
        }
        try Required.Optional.text(baselineValue, field: .baseline, label: Message(id: "Kondisi awal", en: "The baseline"))
        try Required.Optional.text(tags.joined(separator: ","), field: .tags, label: Message(id: "Label", en: "The tags"))
        try spec.validate()
        guard weight > FixedDecimal(0), weight <= CapaianWeight.maximum else {
            throw RuleViolation(code: "indicator.weight", field: .weight,
                                message: Message(id: "Bobot harus lebih dari 0 dan paling besar \(IDFormat.number(CapaianWeight.maximum)).",
                                                 en: "The weight must be above 0 and at most \(CapaianWeight.maximum)."))
        }
        if baselineValue.trimmingCharacters(in: .whitespaces).isEmpty != (baselineYear == nil) {
            throw RuleViolation(code: "indicator.baseline", field: .baselineYear,
                message: Message(id: "Kondisi awal dan tahunnya diisi bersama, atau keduanya dikosongkan.",
                                 en: "Give the baseline and its year together, or neither."))
        }
        if !baselineValue.trimmingCharacters(in: .whitespaces).isEmpty {
            // The baseline is read as a target of the same kind would be; its error points at the baseline field.
            do {
                _ = try TargetInput.parse(baselineValue, for: spec)
            } catch {
                throw RuleViolation(code: error.code, field: .baseline, message: error.message)
            }
        }
    }

    /// The stored form of the baseline: canonical for numbers, as typed otherwise.
    var canonicalBaseline: String? {
        let text = baselineValue.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if spec.kind.isQuantitative, let parsed = try? NumberInput.parse(text) { return parsed.value.description }
        return text
    }
}

extension PemdaWriter {
    /// Adds an indicator to its owner (a sasaran, an item or an RKT sasaran) of this Pemda.
    @discardableResult
    public func addIndikator(owner: IndikatorOwner, ownerID: UUID, input: IndikatorInput) async throws -> UUID
    {
        let today = audit.today
        try input.validate()
        try await checkRktJadwal(owner, ownerID, today: today)
        return try await transaction { w in
            let unitID = try await w.unitOfOwner(owner, ownerID)
            let order = try await Indikator.query(on: w.database).filter(\.$ownerID == ownerID).count() + 1
            let indikator = Indikator(pemdaID: w.pemdaID, owner: owner, ownerID: ownerID, code: input.code,
                                      name: input.name, satuan: input.satuan, spec: input.spec, weight: input.weight,
                                      tags: input.tags, manual: input.manual, sortOrder: order)
            indikator.baselineValue = input.canonicalBaseline
            indikator.baselineYear = input.baselineYear
            return try await w.create(indikator, unitID: unitID)
        }
    }

    /// Changes an indicator's settings. Its kind and scale stay once it has targets, since those were read for them.
    public func updateIndikator(id: UUID, input: IndikatorInput) async throws {
        let today = audit.today
        try input.validate()
        try await transaction { w in
            let indikator = try await w.owned(Indikator.self, id, field: .indikator)
            try await w.checkRktJadwal(indikator.ownerKind, indikator.ownerID, today: today)
            let hasTargets = try await IndikatorTarget.query(on: w.database).filter(\.$indikator.$id == id).count() > 0
            if hasTargets && (indikator.kind != input.spec.kind
                || indikator.ordinalLevels != (input.spec.ordinalScale?.levels.joined(separator: "|") ?? ""))
            {
                throw RuleViolation(.conflict, code: "indicator.kindLocked", field: .kind,
                    message: Message(id: "Jenis dan skala indikator tidak dapat diubah karena sudah ada targetnya.",
                                     en: "The kind and scale cannot change: the indicator already has targets."))
            }
            let unitID = try await w.unitOfOwner(indikator.ownerKind, indikator.ownerID)
            try await w.update(indikator, unitID: unitID) { row in
                let fresh = Indikator(pemdaID: w.pemdaID, owner: row.ownerKind, ownerID: row.ownerID, code: input.code,
                                      name: input.name, satuan: input.satuan, spec: input.spec, weight: input.weight,
                                      tags: input.tags, manual: input.manual, sortOrder: row.sortOrder)
                row.code = fresh.code
                row.name = fresh.name
                row.satuan = fresh.satuan
                row.kind = fresh.kind
                row.polarity = fresh.polarity
                row.negativeFormula = fresh.negativeFormula
                row.aggregation = fresh.aggregation
                row.entryMode = fresh.entryMode
                row.ordinalLevels = fresh.ordinalLevels
                row.ordinalRule = fresh.ordinalRule
                row.reporting = fresh.reporting
                row.weight = fresh.weight
                row.tags = fresh.tags
                row.definition = fresh.definition
                row.measurement = fresh.measurement
                row.dataSource = fresh.dataSource
                row.responsible = fresh.responsible
                row.rationale = fresh.rationale
                row.baselineValue = input.canonicalBaseline
                row.baselineYear = input.baselineYear
            }
        }
    }

    /// An RKT's indicators change, like its targets, only while the year's RKT stage is open: their settings decide
    /// how capaian is computed.
    func checkRktJadwal(_ owner: IndikatorOwner, _ ownerID: UUID, today: CalendarDate) async throws {
        guard owner == .rktSasaran else { return }
        let sasaran = try await owned(RktSasaran.self, ownerID, field: .sasaran)
        let rkt = try await owned(Rkt.self, sasaran.$rkt.id, field: .rkt)
        try await checkJadwal(.rkt, year: rkt.year, today: today)
    }

    /// The unit an owner belongs to (nil for the Pemda-wide RPJMD), after checking it is this Pemda's.
    func unitOfOwner(_ owner: IndikatorOwner, _ ownerID: UUID) async throws -> UUID? {
        switch owner {
        case .tujuan:
            _ = try await owned(Tujuan.self, ownerID, field: .tujuan)
            return nil
        case .sasaranRpjmd:
            _ = try await owned(SasaranRpjmd.self, ownerID, field: .sasaran)
            return nil
        case .renstraSasaran:
            let sasaran = try await owned(RenstraSasaran.self, ownerID, field: .sasaran)
            return try await owned(Renstra.self, sasaran.$renstra.id, field: .renstra).$unit.id
        case .renstraItem:
            let item = try await owned(RenstraItem.self, ownerID, field: .renstraItem)
            return try await owned(Renstra.self, item.$renstra.id, field: .renstra).$unit.id
        case .rktSasaran:
            let sasaran = try await owned(RktSasaran.self, ownerID, field: .sasaran)
            return try await owned(Rkt.self, sasaran.$rkt.id, field: .rkt).$unit.id
        }
    }
}

extension RktSasaran: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Rkt: TenantOwned { var pemdaID: UUID { $pemda.id } }
