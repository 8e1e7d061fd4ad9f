import FluentKit
import Foundation
import KinerjaCore
import SQLKit

/// The wording of a Pemda's PKs: where they are signed and the statement of each kind, without the emblem's bytes.
public struct PkWording: Sendable, Hashable {
    public var place: String
    public var bilateral: PkStatementTemplate
    public var unilateral: PkStatementTemplate

    public func template(for level: PkLevel) -> PkStatementTemplate { level.isUnilateral ? unilateral : bilateral }

    /// One statement; the standard wording where the Pemda has set none.
    public static func load(pemda: PemdaInfo, on db: any Database) async throws -> PkWording {
        let row = try await db.sql.raw("""
            SELECT place, template_bilateral, template_unilateral FROM pk_setting WHERE pemda_id = \(bind: pemda.id)
            """).first()
        func template(_ column: String, _ level: PkLevel) throws -> PkStatementTemplate {
            guard let json = try row?.decode(column: column, as: String?.self),
                  let template = try? JSONDecoder().decode(PkStatementTemplate.self, from: Data(json.utf8))
            else { return .standard(for: level) }
            return template
        }
        let place = try row?.decode(column: "place", as: String.self) ?? ""
        return PkWording(place: place.isEmpty ? pemda.seat : place, bilateral: try template("template_bilateral", .jpt),
                         unilateral: try template("template_unilateral", .pemda))
    }
}

/// Puts together the document of a PK version: what is sealed at signing, and the preview of a draft.
public enum PkDocumentBuilder {
    /// The Fluent row of the settings, for the settings page and its writer.
    public static func setting(pemdaID: UUID, on db: any Database) async throws -> PkSetting? {
        try await PkSetting.query(on: db).filter(\.$pemda.$id == pemdaID).first()
    }

    /// - Parameter signers: the parties as they signed; a party missing here is shown as whoever holds the position
    ///   on `date` (a preview), or dots when the post is vacant.
    public static func document(_ c: PkContent, pemda: PemdaInfo, organisation o: PemdaOrganisation, wording: PkWording,
                                date: CalendarDate, signers: [PkParty: PkSigner] = [:]) -> PkDocument
    {
        func party(_ party: PkParty, _ jabatanID: UUID?) -> PkSigner? {
            if let signer = signers[party] { return signer }
            guard let jabatanID, let position = o.positions[jabatanID] else { return nil }
            return o.holder(of: jabatanID, on: date)?.signer(jabatanName: position.name)
                ?? PkSigner(name: "……………………", nip: nil, pangkat: "", jabatan: position.name)
        }
        // The letterhead names the Perangkat Daerah, also on the PK of a bidang or a seksi inside it.
        let unitName = o.opd(of: c.unitID).flatMap { o.units[$0]?.name } ?? pemda.name
        return PkDocument(
            pemdaCode: pemda.code, pemdaName: pemda.name, unitName: unitName, year: c.year, version: c.version,
            level: c.level, statement: wording.template(for: c.level).text(year: c.year),
            pihakPertama: party(.pihakPertama, c.jabatanID)
                ?? PkSigner(name: "", nip: nil, pangkat: "", jabatan: o.positions[c.jabatanID]?.name ?? ""),
            pihakKedua: c.level.isUnilateral ? nil : party(.pihakKedua, c.superiorID),
            place: wording.place, date: date,
            performance: c.rows.map { row in
                var printed = row.performanceRow
                printed.value = PkTargetValue(target: row.target, quarterly: row.quarterly, spec: row.spec)
                return printed
            },
            budget: c.budget.map(\.budgetRow), revision: c.revision)
    }

    /// The document of a stored PK, read afresh (the writer's, at the last signature).
    public static func build(_ pkID: UUID, pemdaID: UUID, date: CalendarDate, signers: [PkParty: PkSigner] = [:],
                             on db: any Database) async throws -> PkDocument
    {
        let organisation = try await PemdaOrganisation.load(pemdaID: pemdaID, on: db)
        guard let pemda = try await PemdaQueries.info(id: pemdaID, on: db),
              let content = try await PkContent.load(pkID, pemdaID: pemdaID, organisation: organisation, page: false, on: db)
        else { throw RuleViolation(.notFound, code: "pk.incomplete", message: Message(id: "PK tidak lengkap.", en: "Incomplete PK.")) }
        return document(content, pemda: pemda, organisation: organisation, wording: try await PkWording.load(pemda: pemda, on: db),
                        date: date, signers: signers)
    }
}
