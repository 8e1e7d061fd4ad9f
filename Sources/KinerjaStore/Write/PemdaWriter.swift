import FluentKit
import Foundation
import KinerjaCore

/// The validated way to change a Pemda's data: every rule of KinerjaCore is checked before a row is written, and
/// each call runs in one transaction. The demo builder and (later) the forms and imports go through here.
public struct PemdaWriter: Sendable {
    public let database: any Database
    public let pemdaID: UUID
    /// Who is writing; every change is recorded in the audit trail under this name, in the same transaction.
    public let audit: AuditContext
    /// The key that seals a PK when its last signature is given; nil for writers that never seal.
    public let keyring: SealKeyring?

    public init(database: any Database, pemdaID: UUID, audit: AuditContext = .system, keyring: SealKeyring? = nil) {
        self.database = database
        self.pemdaID = pemdaID
        self.audit = audit
        self.keyring = keyring
    }

    /// The same writer acting on `day` (at ten in the morning, the Pemda's time): for commands and tests that work
    /// "as of" a date.
    public func on(_ day: CalendarDate) -> PemdaWriter {
        PemdaWriter(database: database, pemdaID: pemdaID, audit: audit.on(day), keyring: keyring)
    }

    /// Runs `body` in one transaction with a writer bound to it.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PemdaWriter) async throws -> T) async throws -> T {
        try await database.transaction { db in
            try await body(PemdaWriter(database: db, pemdaID: pemdaID, audit: audit, keyring: keyring))
        }
    }

    /// Creates a row and records it.
    func create<M: Model>(_ model: M, unitID: UUID?) async throws -> UUID where M.IDValue == UUID {
        try await model.create(on: database)
        let id = try model.requireID()
        try await AuditTrail.record(.create, before: nil as M?, after: model, entityID: id, pemdaID: pemdaID,
                                    unitID: unitID, context: audit, on: database)
        return id
    }

    @discardableResult
    public func addUnit(code: String, name: String, kind: UnitKind, parentID: UUID? = nil, bidangCodes: [String] = [],
                        sortOrder: Int = 0) async throws -> UUID
    {
        try OrganisationInput.unit(code: code, name: name, bidangCodes: bidangCodes)
        return try await transaction { w in
            if let parentID { _ = try await w.owned(Unit.self, parentID, field: .parent) }
            if try await Unit.query(on: w.database).filter(\.$pemda.$id == w.pemdaID).filter(\.$code == code).first() != nil {
                throw RuleViolation(.conflict, code: "unit.duplicateCode", field: .code,
                    message: Message(id: "Kode unit \(code) sudah dipakai di Pemda ini.",
                                     en: "Unit code \(code) is already used in this Pemda."))
            }
            let unit = Unit(id: UUID(), pemdaID: w.pemdaID, parentID: parentID, code: code, name: name, kind: kind,
                            bidangCodes: bidangCodes, sortOrder: sortOrder)
            return try await w.create(unit, unitID: unit.id)
        }
    }

    @discardableResult
    public func addJabatan(name: String, level: JabatanLevel, eselon: String = "", unitID: UUID?, superiorID: UUID?)
        async throws -> UUID
    {
        try OrganisationInput.jabatan(name: name, eselon: eselon)
        return try await transaction { w in
            let superior = try await superiorID.asyncMap { try await w.owned(Jabatan.self, $0, field: .superior) }
            try JabatanLevel.checkSuperior(of: level, superior: superior?.level)
            if let unitID { _ = try await w.owned(Unit.self, unitID, field: .unit) }
            let jabatan = Jabatan(pemdaID: w.pemdaID, unitID: unitID, superiorID: superiorID, name: name,
                                  level: level, eselon: eselon)
            return try await w.create(jabatan, unitID: unitID)
        }
    }

    /// - Parameter nip: required for civil servants; nil only for an elected Kepala Daerah.
    @discardableResult
    public func addPegawai(nip raw: String?, name: String, pangkat: String) async throws -> UUID {
        let nip = try raw.map { raw throws(RuleViolation) in try Nip(raw) }
        try OrganisationInput.pegawai(name: name, pangkat: pangkat)
        return try await transaction { w in
            if let nip, let existing = try await Pegawai.query(on: w.database).filter(\.$nip == nip.digits).first() {
                throw w.nipTaken(nip, by: existing)
            }
            let pegawai = Pegawai(pemdaID: w.pemdaID, nip: nip?.digits, name: name, pangkat: pangkat)
            return try await w.create(pegawai, unitID: nil)
        }
    }

    /// Puts a person in a position, refusing a definitive assignment that overlaps another definitive one.
    @discardableResult
    public func assign(pegawaiID: UUID, jabatanID: UUID, kind: PenugasanKind, start: CalendarDate,
                       end: CalendarDate? = nil, decree: String) async throws -> UUID
    {
        try OrganisationInput.decree(decree)
        return try await transaction { w in
            let jabatan = try await w.owned(Jabatan.self, jabatanID, field: .position)
            _ = try await w.owned(Pegawai.self, pegawaiID, field: .pegawai)
            let samePosition = try await Penugasan.query(on: w.database).filter(\.$jabatan.$id == jabatanID).all()
            let samePerson = try await Penugasan.query(on: w.database).filter(\.$pegawai.$id == pegawaiID).all()
            try PenugasanRules.checkDefinitiveOverlap(
                PenugasanSpan(kind: kind, start: start, end: end),
                samePosition: samePosition.compactMap(\.span), samePerson: samePerson.compactMap(\.span))
            let penugasan = Penugasan(pemdaID: w.pemdaID, jabatanID: jabatanID, pegawaiID: pegawaiID, kind: kind,
                                      start: start, end: end, decree: decree)
            return try await w.create(penugasan, unitID: jabatan.$unit.id)
        }
    }

    /// Adds a program, kegiatan or sub kegiatan to a Renstra, named from the nomenclature; the code must exist in the
    /// Renstra's nomenclature version and sit under its parent's code.
    @discardableResult
    public func addRenstraItem(renstraID: UUID, parentID: UUID?, sasaranID: UUID? = nil, code: String,
                               level: NomenclatureLevel, index: NomenklaturIndex, sortOrder: Int = 0) async throws
        -> UUID
    {
        let renstra = try await owned(Renstra.self, renstraID, field: .renstra)
        guard renstra.nomenklaturVersionID == index.versionID else {
            throw RuleViolation(code: "nomenklatur.versionMismatch", field: .code,
                message: Message(id: "Renstra ini memakai versi nomenklatur lain dari \(index.versionCode).",
                                 en: "This Renstra uses another nomenclature version than \(index.versionCode)."))
        }
        let entry = try index.require(code, level: level)
        if let sasaranID {
            let sasaran = try await owned(RenstraSasaran.self, sasaranID, field: .sasaran)
            guard sasaran.$renstra.id == renstraID else {
                throw RuleViolation(code: "renstra.sasaranElsewhere", field: .sasaran,
                    message: Message(id: "Sasaran strategis itu milik Renstra lain.",
                                     en: "That sasaran strategis belongs to another Renstra."))
            }
        }
        if let parentID {
            let parent = try await owned(RenstraItem.self, parentID, field: .parent)
            guard NomenclatureCode.parent(of: code) == parent.code else {
                throw RuleViolation(code: "nomenklatur.notUnderParent", field: .code,
                    message: Message(id: "Kode \(code) tidak berada di bawah \(parent.level.label.id.lowercased()) \(parent.code).",
                                     en: "Code \(code) does not belong under \(parent.level.label.en.lowercased()) \(parent.code)."))
            }
        } else if level != .program {
            throw RuleViolation(code: "renstra.itemNeedsParent", field: .parent,
                message: Message(id: "\(level.label.id) harus berada di bawah program atau kegiatan.",
                                 en: "A \(level.label.en.lowercased()) must sit under a program or kegiatan."))
        }
        let item = RenstraItem(pemdaID: pemdaID, renstraID: renstraID, parentID: parentID, sasaranID: sasaranID,
                               level: level, code: code, name: entry.name, sortOrder: sortOrder)
        let unitID = renstra.$unit.id
        return try await transaction { w in try await w.create(item, unitID: unitID) }
    }

    /// Sets the target of a year (period 0) or a triwulan (1–4), read as the indicator's kind requires. An RKT
    /// target can change only while the year's RKT stage is open (`today` is the Pemda's calendar day).
    public func setTarget(indikatorID: UUID, year: Int, period: Int = 0, raw: String) async throws
    {
        let today = audit.today
        let indikator = try await owned(Indikator.self, indikatorID, field: .indikator)
        if indikator.ownerKind == .rktSasaran { try await checkJadwal(.rkt, year: year, today: today) }
        guard (0...4).contains(period) else {
            throw RuleViolation(code: "target.period", field: .period,
                message: Message(id: "Periode target harus 0 (tahunan) atau 1–4 (triwulan).",
                                 en: "The target period is 0 (year) or 1–4 (quarter)."))
        }
        let spec = indikator.spec
        let target = try TargetInput.parse(raw, for: spec)
        let canonical = target.canonical(scale: spec.ordinalScale, statement: raw.trimmingCharacters(in: .whitespaces))
        try await transaction { w in
            let db = w.database
            if let existing = try await IndikatorTarget.query(on: db)
                .filter(\.$indikator.$id == indikatorID).filter(\.$year == year).filter(\.$period == period).first()
            {
                let before = try AuditTrail.snapshot(existing)
                existing.value = canonical
                try await existing.update(on: db)
                try await AuditTrail.recordUpdate(of: existing, beforeSnapshot: before, pemdaID: w.pemdaID,
                                                  context: w.audit, on: db)
            } else {
                _ = try await w.create(IndikatorTarget(pemdaID: w.pemdaID, indikatorID: indikatorID, year: year,
                                                       period: period, value: canonical), unitID: nil)
            }
        }
    }

    /// Loads a row of this Pemda, or fails as if it did not exist: no tenant ever reaches another's rows.
    func owned<M: Model & TenantOwned>(_ type: M.Type, _ id: UUID, field: InputField) async throws -> M
    where M.IDValue == UUID {
        guard let row = try await M.find(id, on: database), row.pemdaID == pemdaID else {
            throw RuleViolation(code: "reference.unknown", field: field,
                message: Message(id: "Data yang dipilih tidak ditemukan di Pemda ini.",
                                 en: "The chosen item does not exist in this Pemda."))
        }
        return row
    }
}

/// What a request may name: for the message when it is not there.
public enum Referent: Sendable {
    case pk, pkRow, budgetLine, dpaLine, realisasi, bukti

    var label: Message {
        switch self {
        case .pk: Message(id: "PK", en: "The PK")
        case .pkRow: Message(id: "Baris PK", en: "The PK row")
        case .budgetLine: Message(id: "Baris anggaran PK", en: "The PK budget line")
        case .dpaLine: Message(id: "Baris pagu DPA", en: "The DPA line")
        case .realisasi: Message(id: "Isian realisasi", en: "The realisation entry")
        case .bukti: Message(id: "Bukti dukung", en: "The evidence file")
        }
    }
}

/// A row that belongs to one Pemda.
protocol TenantOwned {
    var pemdaID: UUID { get }
}

extension Unit: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Jabatan: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Pegawai: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Renstra: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension RenstraItem: TenantOwned { var pemdaID: UUID { $pemda.id } }
extension Indikator: TenantOwned { var pemdaID: UUID { $pemda.id } }

extension Optional {
    public func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async throws -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
