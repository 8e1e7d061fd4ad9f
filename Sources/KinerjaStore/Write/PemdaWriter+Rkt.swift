import FluentKit
import Foundation
import KinerjaCore

/// Drafting a unit's RKT for a year from its Renstra: the sasaran strategis, their indicators with every setting and
/// the Renstra's target for that year, ready to be refined while the RKT stage is open.
extension PemdaWriter {
    @discardableResult
    public func createRkt(unitID: UUID, year: Int) async throws -> UUID {
        let today = audit.today
        try await checkJadwal(.rkt, year: year, today: today)
        return try await transaction { w in
            let db = w.database
            _ = try await w.owned(Unit.self, unitID, field: .unit)
            if try await Rkt.query(on: db).filter(\.$unit.$id == unitID).filter(\.$year == year).first() != nil {
                throw RuleViolation(.conflict, code: "rkt.exists", field: .year,
                    message: Message(id: "RKT \(year) unit ini sudah ada.", en: "This unit's RKT \(year) already exists."))
            }
            let periodes = try await PeriodeRpjmd.query(on: db).filter(\.$pemda.$id == w.pemdaID).all()
                .filter { $0.years.contains(year) }.compactMap(\.id)
            guard let renstra = try await Renstra.query(on: db).filter(\.$unit.$id == unitID).all()
                .first(where: { periodes.contains($0.$periode.id) })
            else {
                throw RuleViolation(code: "rkt.noRenstra", field: .year,
                    message: Message(id: "Unit ini belum punya Renstra yang mencakup tahun \(year); RKT disusun dari Renstra.",
                                     en: "This unit has no Renstra covering \(year); an RKT is drafted from the Renstra."))
            }
            let rkt = Rkt(id: UUID(), pemdaID: w.pemdaID, unitID: unitID, year: year, renstraID: try renstra.requireID())
            let rktID = try await w.create(rkt, unitID: unitID)
            let sasaran = try await RenstraSasaran.query(on: db).filter(\.$renstra.$id == renstra.requireID())
                .sort(\.$number).all()
            for s in sasaran {
                let copy = RktSasaran(id: UUID(), pemdaID: w.pemdaID, rktID: rktID, renstraSasaranID: try s.requireID(),
                                      number: s.number, text: s.text)
                let copyID = try await w.create(copy, unitID: unitID)
                let indicators = try await Indikator.query(on: db).filter(\.$ownerKind == .renstraSasaran)
                    .filter(\.$ownerID == s.requireID()).sort(\.$sortOrder).all()
                for i in indicators {
                    let twin = Indikator(pemdaID: w.pemdaID, owner: .rktSasaran, ownerID: copyID, code: i.code, name: i.name,
                                         satuan: i.satuan, spec: i.spec, weight: FixedDecimal(canonical: i.weight) ?? FixedDecimal(1),
                                         tags: i.tagList, manual: ManualIku(definition: i.definition, measurement: i.measurement,
                                                                            dataSource: i.dataSource, responsible: i.responsible,
                                                                            rationale: i.rationale),
                                         sortOrder: i.sortOrder)
                    twin.baselineValue = i.baselineValue
                    twin.baselineYear = i.baselineYear
                    let twinID = try await w.create(twin, unitID: unitID)
                    if let target = try await IndikatorTarget.query(on: db).filter(\.$indikator.$id == i.requireID())
                        .filter(\.$year == year).filter(\.$period == 0).first()
                    {
                        _ = try await w.create(IndikatorTarget(pemdaID: w.pemdaID, indikatorID: twinID, year: year, period: 0,
                                                               value: target.value), unitID: unitID)
                    }
                }
            }
            return rktID
        }
    }
}
