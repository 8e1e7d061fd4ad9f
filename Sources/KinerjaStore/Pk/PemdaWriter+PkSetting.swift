import FluentKit
import SQLKit
import Foundation
import KinerjaCore

/// A Pemda's PK settings (place, deadline rule, statement wording, emblem) and its DPA, which starts the PK clock.
extension PemdaWriter {
    public struct PkSettingInput: Sendable {
        public var place: String
        public var rule: PkDeadlineRule
        public var bilateral: PkStatementTemplate
        public var unilateral: PkStatementTemplate

        public init(place: String, rule: PkDeadlineRule, bilateral: PkStatementTemplate, unilateral: PkStatementTemplate) {
            self.place = place
            self.rule = rule
            self.bilateral = bilateral
            self.unilateral = unilateral
        }
    }

    public func savePkSetting(_ input: PkSettingInput) async throws {
        try PkSettingRules.check(input.rule)
        for (field, text) in [("pembuka", input.bilateral.opening), ("janji", input.bilateral.promise),
                              ("pengawasan", input.bilateral.supervision ?? ""), ("pembuka_kd", input.unilateral.opening),
                              ("janji_kd", input.unilateral.promise)]
        where text.trimmingCharacters(in: .whitespacesAndNewlines).count < 20 {
            throw RuleViolation(code: "pk.template", field: .keyed(field, .template),
                message: Message(id: "Kalimat pernyataan ini terlalu pendek; tulis kalimat lengkap (paling sedikit 20 karakter).",
                                 en: "This statement is too short; write a full sentence (at least 20 characters)."))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bilateral = String(decoding: try encoder.encode(input.bilateral), as: UTF8.self)
        let unilateral = String(decoding: try encoder.encode(input.unilateral), as: UTF8.self)
        try await transaction { w in
            let row = try await w.pkSettingRow()
            let before = try AuditTrail.snapshot(row)
            row.place = input.place.trimmingCharacters(in: .whitespacesAndNewlines)
            row.monthsAfterDpa = input.rule.monthsAfterDpa
            row.remindDaysBefore = input.rule.remindDaysBefore
            // The standard wording is stored as nil, so that a correction of the default reaches every Pemda using it.
            row.templateBilateral = input.bilateral == .bilateral ? nil : bilateral
            row.templateUnilateral = input.unilateral == .unilateral ? nil : unilateral
            try await w.savePkSettingRow(row, before: before)
        }
    }

    /// Sets (or, with nil, removes) the emblem printed on PK letterheads. The caller passes a sanitised PNG
    /// (`PngSanitizer`): libharu cannot be trusted with a damaged one.
    public func setPkLogo(png: [UInt8]?) async throws {
        if let png {
            guard png.count <= 4 * PkSettingRules.maxLogoBytes, png.starts(with: PkSettingRules.pngSignature) else {
                throw RuleViolation(code: "pk.logo", field: .logo,
                    message: Message(id: "Logo harus berkas PNG paling besar \(PkSettingRules.maxLogoBytes / 1024) KB.",
                                     en: "The emblem must be a PNG file of at most \(PkSettingRules.maxLogoBytes / 1024) KB."))
            }
        }
        try await transaction { w in
            let row = try await w.pkSettingRow()
            let before = try AuditTrail.snapshot(row)
            row.logoPNG = png.map { Data($0).base64EncodedString() }
            try await w.savePkSettingRow(row, before: before)
        }
    }

    func pkSettingRow() async throws -> PkSetting {
        if let row = try await PkSetting.query(on: database).filter(\.$pemda.$id == pemdaID).first() { return row }
        let seat = try await Pemda.find(pemdaID, on: database)?.seat ?? ""
        return PkSetting(pemdaID: pemdaID, place: seat)
    }

    func savePkSettingRow(_ row: PkSetting, before: String) async throws {
        if row.id == nil {
            _ = try await create(row, unitID: nil)
        } else {
            try await row.update(on: database)
            try await AuditTrail.recordUpdate(of: row, beforeSnapshot: before, pemdaID: pemdaID, context: audit, on: database)
        }
    }

    /// Records a unit's DPA for a year (number and ratification date). The first time, its pagu lines are copied
    /// from the Renstra's pagu of that year, to be corrected line by line.
    @discardableResult
    public func recordDpa(unitID: UUID, year: Int, number: String, ratifiedOn: CalendarDate?) async throws -> UUID {
        let trimmed = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RuleViolation(code: "dpa.number", field: .legalNumber,
                message: Message(id: "Nomor DPA wajib diisi.", en: "The DPA number is required."))
        }
        guard let ratifiedOn else {
            throw RuleViolation(code: "dpa.date", field: .date,
                message: Message(id: "Isi tanggal pengesahan DPA.", en: "Give the DPA's ratification date."))
        }
        guard ratifiedOn.year == year || ratifiedOn.year == year - 1 else {
            throw RuleViolation(code: "dpa.dateYear", field: .date,
                message: Message(id: "DPA tahun \(year) disahkan pada akhir \(year - 1) atau pada \(year) (tertulis \(IDFormat.date(ratifiedOn))).",
                                 en: "A \(year) DPA is ratified late in \(year - 1) or in \(year) (got \(ratifiedOn))."))
        }
        return try await transaction { w in
            let db = w.database
            let unit = try await w.owned(Unit.self, unitID, field: .unit)
            guard unit.kind.isPerangkatDaerah else {
                throw RuleViolation(code: "dpa.notPd", field: .unit,
                    message: Message(id: "DPA disusun per Perangkat Daerah, bukan per \(unit.kind.label.lowercased()).",
                                     en: "A DPA belongs to a Perangkat Daerah, not to a \(unit.kind.label.lowercased())."))
            }
            if let existing = try await Dpa.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == year).first() {
                let before = try AuditTrail.snapshot(existing)
                existing.number = trimmed
                existing.ratifiedOn = ratifiedOn.description
                try await existing.update(on: db)
                try await AuditTrail.recordUpdate(of: existing, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: unitID,
                                                  context: w.audit, on: db)
                return try existing.requireID()
            }
            let dpa = Dpa(id: UUID(), pemdaID: w.pemdaID, unitID: unitID, year: year, number: trimmed, ratifiedOn: ratifiedOn)
            let dpaID = try await w.create(dpa, unitID: unitID)
            if let renstra = try await PlanQueries.current(renstraOf: unitID, on: db) {
                let items = try await RenstraItem.query(on: db).filter(\.$renstra.$id == renstra.requireID()).sort(\.$sortOrder).all()
                let ids = items.compactMap(\.id)
                let pagu = ids.isEmpty ? [] : try await RenstraPagu.query(on: db).filter(\.$item.$id ~~ ids).filter(\.$year == year).all()
                let amount = Dictionary(pagu.map { ($0.$item.id, $0.amount) }, uniquingKeysWith: { a, _ in a })
                for item in items.sorted(by: { $0.code < $1.code }) {
                    _ = try await w.create(DpaPagu(pemdaID: w.pemdaID, dpaID: dpaID, code: item.code, name: item.name,
                                                   amount: amount[item.id!] ?? 0), unitID: unitID)
                }
            }
            return dpaID
        }
    }

    public func setDpaPagu(lineID: UUID, amount raw: String) async throws {
        _ = try RupiahInput.parse(raw, field: .pagu)
        try await transaction { w in
            guard let line = try await DpaPagu.find(lineID, on: w.database), line.$pemda.id == w.pemdaID,
                let dpa = try await Dpa.find(line.$dpa.id, on: w.database)
            else { throw w.unknown(.dpaLine) }
            // Read inside the transaction, so that a realisation saved meanwhile is counted.
            let realised = try await w.database.sql.raw("""
                SELECT CAST(COALESCE(SUM(r.amount), 0) AS BIGINT) AS total FROM realisasi_anggaran r
                WHERE r.dpa_pagu_id = \(bind: lineID) AND \(unsafeRaw: AnggaranQueries.newest)
                """).first()?.decode(column: "total", as: Int64.self) ?? 0
            let amount = try Anggaran.checkPagu(raw, realised: realised, code: line.code, field: .pagu)
            let before = try AuditTrail.snapshot(line)
            line.amount = amount
            try await line.update(on: w.database)
            try await AuditTrail.recordUpdate(of: line, beforeSnapshot: before, pemdaID: w.pemdaID, unitID: dpa.$unit.id,
                                              context: w.audit, on: w.database)
        }
    }
}
