import FluentKit
import Foundation
import KinerjaCore

/// Building the plan hierarchy by hand: the Pemda's settings, the RPJMD period and its tree, a Renstra's sasaran,
/// items and pagu. Numbers of misi, tujuan and sasaran follow on from their siblings.
extension PemdaWriter {
    /// Changes a row in place and records before and after, in one transaction.
    func update<M: Model>(_ model: M, unitID: UUID? = nil, reason: String? = nil, _ change: (M) throws -> Void)
        async throws where M.IDValue == UUID
    {
        let before = try AuditTrail.snapshot(model)
        try change(model)
        guard model.hasChanges else { return }
        try await model.update(on: database)
        try await AuditTrail.recordUpdate(of: model, beforeSnapshot: before, pemdaID: pemdaID, unitID: unitID,
                                          reason: reason, context: audit, on: database)
    }

    public func updatePemda(name: String, seat: String, kepalaDaerahTitle: String, predikatScale: String,
                            capaianCap: CapaianCap) async throws
    {
        try Required.text(name, field: .name, label: Message(id: "Nama Pemda", en: "The Pemda name"))
        try Required.text(seat, field: .place, label: Message(id: "Tempat penandatanganan", en: "The place of signing"))
        try Required.text(kepalaDaerahTitle, field: .title,
                             label: Message(id: "Sebutan Kepala Daerah", en: "The title of the regional head"))
        guard PredikatScale.builtin.contains(where: { $0.id == predikatScale }) else {
            throw RuleViolation(code: "pemda.scale", field: .scale,
                                message: Message(id: "Pilih skala predikat yang tersedia.", en: "Choose an available predikat scale."))
        }
        try await transaction { w in
            guard let pemda = try await Pemda.find(w.pemdaID, on: w.database) else { throw RuleViolation.unknownPemda }
            try await w.update(pemda) {
                $0.name = name
                $0.seat = seat
                $0.kepalaDaerahTitle = kepalaDaerahTitle
                $0.predikatScale = predikatScale
                $0.capaianCap = capaianCap
            }
        }
    }

    /// A new RPJMD period. Periods of one Pemda never overlap, and one lasts at most five years (an RPD of a
    /// transition may be shorter).
    @discardableResult
    public func addPeriode(startYear: Int, endYear: Int, perdaNumber: String, perdaDate: String, visi: String)
        async throws -> UUID
    {
        guard (2000...2100).contains(startYear), startYear <= endYear, endYear - startYear <= 4 else {
            throw RuleViolation(code: "periode.years", field: .endYear,
                message: Message(id: "Periode RPJMD berlangsung satu sampai lima tahun, dari tahun awal sampai tahun akhir.",
                                 en: "An RPJMD period lasts one to five years, from its first to its last year."))
        }
        try Required.text(perdaNumber, field: .perda, label: Message(id: "Nomor Perda", en: "The Perda number"))
        guard CalendarDate(iso: perdaDate) != nil else {
            throw RuleViolation(code: "periode.date", field: .date,
                message: Message(id: "Tanggal Perda harus tanggal yang sah, mis. 2025-06-30.",
                                 en: "The Perda date must be a valid date, e.g. 2025-06-30."))
        }
        try Required.text(visi, field: .visi, label: Message(id: "Visi", en: "The visi"), max: Limits.longText)
        return try await transaction { w in
            let existing = try await PeriodeRpjmd.query(on: w.database).filter(\.$pemda.$id == w.pemdaID).all()
            if let clash = existing.first(where: { $0.startYear <= endYear && startYear <= $0.endYear }) {
                throw RuleViolation(.conflict, code: "periode.overlap", field: .startYear,
                    message: Message(id: "Periode ini bertumpang tindih dengan RPJMD \(clash.startYear)–\(clash.endYear).",
                                     en: "This period overlaps the RPJMD \(clash.startYear)–\(clash.endYear)."))
            }
            return try await w.create(PeriodeRpjmd(id: UUID(), pemdaID: w.pemdaID, startYear: startYear, endYear: endYear,
                                                   perdaNumber: perdaNumber, perdaDate: perdaDate, visi: visi),
                                      unitID: nil)
        }
    }

    @discardableResult
    public func addMisi(periodeID: UUID, text: String) async throws -> UUID {
        try Required.text(text, field: .text, label: Message(id: "Rumusan misi", en: "The misi"), max: Limits.longText)
        return try await transaction { w in
            _ = try await w.owned(PeriodeRpjmd.self, periodeID, field: .period)
            let number = try await Misi.query(on: w.database).filter(\.$periode.$id == periodeID).count() + 1
            return try await w.create(Misi(id: UUID(), pemdaID: w.pemdaID, periodeID: periodeID, number: number, text: text),
                                      unitID: nil)
        }
    }

    @discardableResult
    public func addTujuan(misiID: UUID, text: String) async throws -> UUID {
        try Required.text(text, field: .text, label: Message(id: "Rumusan tujuan", en: "The tujuan"), max: Limits.longText)
        return try await transaction { w in
            _ = try await w.owned(Misi.self, misiID, field: .misi)
            let number = try await Tujuan.query(on: w.database).filter(\.$misi.$id == misiID).count() + 1
            return try await w.create(Tujuan(id: UUID(), pemdaID: w.pemdaID, misiID: misiID, number: number, text: text),
                                      unitID: nil)
        }
    }

    @discardableResult
    public func addSasaranRpjmd(tujuanID: UUID, text: String) async throws -> UUID {
        try Required.text(text, field: .text, label: Message(id: "Rumusan sasaran", en: "The sasaran"), max: Limits.longText)
        return try await transaction { w in
            _ = try await w.owned(Tujuan.self, tujuanID, field: .tujuan)
            let number = try await SasaranRpjmd.query(on: w.database).filter(\.$tujuan.$id == tujuanID).count() + 1
            return try await w.create(SasaranRpjmd(id: UUID(), pemdaID: w.pemdaID, tujuanID: tujuanID, number: number,
                                                   text: text), unitID: nil)
        }
    }

    /// The Renstra of a Perangkat Daerah for an RPJMD period: one per unit and period, on one nomenclature version.
    @discardableResult
    public func addRenstra(unitID: UUID, periodeID: UUID, legalNumber: String, legalDate: String,
                           nomenklaturVersionID: UUID) async throws -> UUID
    {
        try Required.text(legalNumber, field: .legalNumber, label: Message(id: "Nomor Perkada", en: "The decree number"))
        guard CalendarDate(iso: legalDate) != nil else {
            throw RuleViolation(code: "renstra.date", field: .date,
                message: Message(id: "Tanggal penetapan harus tanggal yang sah, mis. 2025-09-01.",
                                 en: "The date of enactment must be a valid date, e.g. 2025-09-01."))
        }
        return try await transaction { w in
            _ = try await w.owned(Unit.self, unitID, field: .unit)
            _ = try await w.owned(PeriodeRpjmd.self, periodeID, field: .period)
            guard try await NomenklaturVersion.find(nomenklaturVersionID, on: w.database) != nil else {
                throw RuleViolation(code: "renstra.version", field: .version,
                    message: Message(id: "Pilih versi nomenklatur.", en: "Choose a nomenclature version."))
            }
            if try await Renstra.query(on: w.database).filter(\.$unit.$id == unitID).filter(\.$periode.$id == periodeID)
                .first() != nil
            {
                throw RuleViolation(.conflict, code: "renstra.exists", field: .period,
                    message: Message(id: "Unit ini sudah punya Renstra untuk periode tersebut.",
                                     en: "This unit already has a Renstra for that period."))
            }
            return try await w.create(Renstra(id: UUID(), pemdaID: w.pemdaID, unitID: unitID, periodeID: periodeID,
                                              legalNumber: legalNumber, legalDate: legalDate,
                                              nomenklaturVersionID: nomenklaturVersionID), unitID: unitID)
        }
    }

    /// A sasaran strategis of a Renstra, optionally serving a sasaran of the RPJMD.
    @discardableResult
    public func addRenstraSasaran(renstraID: UUID, sasaranRpjmdID: UUID?, text: String) async throws -> UUID {
        try Required.text(text, field: .text, label: Message(id: "Rumusan sasaran strategis", en: "The sasaran"), max: Limits.longText)
        return try await transaction { w in
            let renstra = try await w.owned(Renstra.self, renstraID, field: .renstra)
            if let sasaranRpjmdID {
                let sasaran = try await w.owned(SasaranRpjmd.self, sasaranRpjmdID, field: .rpjmd)
                let tujuan = try await w.owned(Tujuan.self, sasaran.$tujuan.id, field: .rpjmd)
                let misi = try await w.owned(Misi.self, tujuan.$misi.id, field: .rpjmd)
                guard misi.$periode.id == renstra.$periode.id else {
                    throw RuleViolation(code: "renstra.otherPeriod", field: .rpjmd,
                        message: Message(id: "Sasaran RPJMD itu dari periode lain; Renstra mendukung RPJMD periodenya sendiri.",
                                         en: "That RPJMD sasaran is of another period; a Renstra serves the RPJMD of its own period."))
                }
            }
            let number = try await RenstraSasaran.query(on: w.database).filter(\.$renstra.$id == renstraID).count() + 1
            return try await w.create(RenstraSasaran(id: UUID(), pemdaID: w.pemdaID, renstraID: renstraID,
                                                     sasaranRpjmdID: sasaranRpjmdID, number: number, text: text),
                                      unitID: renstra.$unit.id)
        }
    }

    /// Sets the indicative pagu of a Renstra item for one year of its period, in whole Rupiah.
    public func setPagu(itemID: UUID, year: Int, amount: Int64) async throws {
        guard amount >= 0 else {
            throw RuleViolation(code: "pagu.negative", field: .pagu,
                                message: Message(id: "Pagu tidak boleh negatif.", en: "A pagu cannot be negative."))
        }
        try await transaction { w in
            let item = try await w.owned(RenstraItem.self, itemID, field: .renstraItem)
            let renstra = try await w.owned(Renstra.self, item.$renstra.id, field: .renstra)
            guard let periode = try await PeriodeRpjmd.find(renstra.$periode.id, on: w.database),
                  periode.years.contains(year)
            else {
                throw RuleViolation(code: "pagu.year", field: .year,
                                    message: Message(id: "Tahun \(year) di luar periode Renstra.",
                                                     en: "Year \(year) is outside the Renstra period."))
            }
            let unitID = renstra.$unit.id
            if let existing = try await RenstraPagu.query(on: w.database).filter(\.$item.$id == itemID)
                .filter(\.$year == year).first()
            {
                try await w.update(existing, unitID: unitID) { $0.amount = amount }
            } else {
                _ = try await w.create(RenstraPagu(pemdaID: w.pemdaID, itemID: itemID, year: year, amount: amount),
                                       unitID: unitID)
            }
        }
    }
}

extension RuleViolation {
    static let unknownPemda = RuleViolation(code: "pemda.unknown", field: nil,
                                            message: Message(id: "Pemda tidak ditemukan.", en: "Pemda not found."))
}

extension PeriodeRpjmd: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Misi: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Tujuan: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension SasaranRpjmd: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension RenstraSasaran: TenantOwned { var pemdaID: UUID { $pemda.id } }
