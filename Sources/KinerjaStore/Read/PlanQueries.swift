import FluentKit
import Foundation
import KinerjaCore

/// The RPJMD tree and a Renstra, with their indicators and targets.
public enum PlanQueries {
    public static func rpjmd(pemda: Pemda, on db: any Database) async throws -> RpjmdTree? {
        let pemdaID = try pemda.requireID()
        guard let periode = try await PeriodeRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID)
            .sort(\.$startYear, .descending).first()
        else { return nil }
        let misi = try await Misi.query(on: db).filter(\.$periode.$id == periode.requireID()).sort(\.$number).all()
        let tujuan = Dictionary(grouping: try await Tujuan.query(on: db).filter(\.$pemda.$id == pemdaID)
            .sort(\.$number).all()) { $0.$misi.id }
        let sasaran = Dictionary(grouping: try await SasaranRpjmd.query(on: db).filter(\.$pemda.$id == pemdaID)
            .sort(\.$number).all()) { $0.$tujuan.id }
        let indikator = try await indicators(pemdaID: pemdaID, owner: .sasaranRpjmd, on: db)
        return RpjmdTree(
            pemdaCode: pemda.code, periodeID: try periode.requireID(), periode: PeriodeRef(periode), years: Array(periode.years), visi: periode.visi,
            misi: misi.map { m in
                RpjmdTree.MisiNode(id: m.id!, number: m.number, text: m.text, tujuan: (tujuan[m.id!] ?? []).map { t in
                    RpjmdTree.TujuanNode(id: t.id!, number: t.number, text: t.text, sasaran: (sasaran[t.id!] ?? []).map { s in
                        RpjmdTree.SasaranNode(id: s.id!, number: s.number, text: s.text, indikator: indikator[s.id!] ?? [])
                    })
                })
            })
    }

    public static func renstra(pemda: Pemda, unitID: UUID, on db: any Database) async throws -> RenstraTree? {
        let pemdaID = try pemda.requireID()
        guard let unit = try await Unit.find(unitID, on: db), unit.$pemda.id == pemdaID,
            let renstra = try await current(renstraOf: unitID, on: db),
            let periode = try await PeriodeRpjmd.find(renstra.$periode.id, on: db)
        else { return nil }
        let renstraID = try renstra.requireID()
        let version = try await NomenklaturVersion.find(renstra.nomenklaturVersionID, on: db)
        let rpjmdSasaran = Dictionary(uniqueKeysWithValues: try await SasaranRpjmd.query(on: db)
            .filter(\.$pemda.$id == pemdaID).all().map { ($0.id!, $0.text) })
        let sasaran = try await RenstraSasaran.query(on: db).filter(\.$renstra.$id == renstraID).sort(\.$number).all()
        let items = try await RenstraItem.query(on: db).filter(\.$renstra.$id == renstraID).sort(\.$sortOrder).all()
        let itemIDs = items.compactMap(\.id)
        let pagu = Dictionary(grouping: try await RenstraPagu.query(on: db).filter(\.$item.$id ~~ itemIDs)
            .sort(\.$year).all()) { $0.$item.id }
        let sasaranIndikator = try await indicators(pemdaID: pemdaID, owner: .renstraSasaran, ownerIDs: sasaran.compactMap(\.id), on: db)
        let itemIndikator = try await indicators(pemdaID: pemdaID, owner: .renstraItem, ownerIDs: itemIDs, on: db)
        let children = Dictionary(grouping: items) { $0.$parent.id }
        func node(_ item: RenstraItem) -> RenstraTree.ItemNode {
            RenstraTree.ItemNode(
                id: item.id!, level: item.level, code: item.code, name: item.name,
                pagu: (pagu[item.id!] ?? []).map { PaguView(year: $0.year, amount: $0.amount) },
                indikator: itemIndikator[item.id!] ?? [], children: (children[item.id] ?? []).map(node))
        }
        return RenstraTree(
            pemdaCode: pemda.code, renstraID: renstraID, unitID: unitID, unitName: unit.name, legalNumber: renstra.legalNumber,
            legalDate: renstra.legalDate, nomenklaturVersion: version?.code ?? "", years: Array(periode.years),
            sasaran: sasaran.map { s in
                RenstraTree.SasaranNode(id: s.id!, number: s.number, text: s.text,
                                        rpjmdSasaran: s.$sasaranRpjmd.id.flatMap { rpjmdSasaran[$0] },
                                        indikator: sasaranIndikator[s.id!] ?? [])
            },
            programs: (children[nil] ?? []).map(node))
    }

    /// The unit's Renstra in force: the one enacted last, when a new RPJMD period has brought a second.
    public static func current(renstraOf unitID: UUID, on db: any Database) async throws -> Renstra? {
        try await Renstra.query(on: db).filter(\.$unit.$id == unitID).sort(\.$legalDate, .descending).first()
    }

    /// Indicators of one owner kind, grouped by owner, each with its targets in year and period order.
    static func indicators(pemdaID: UUID, owner: IndikatorOwner, ownerIDs: [UUID]? = nil, on db: any Database)
        async throws -> [UUID: [IndikatorView]]
    {
        var query = Indikator.query(on: db).filter(\.$pemda.$id == pemdaID).filter(\.$ownerKind == owner)
        if let ownerIDs { query = query.filter(\.$ownerID ~~ ownerIDs) }
        let indikator = try await query.sort(\.$sortOrder).all()
        let ids = indikator.compactMap(\.id)
        var targets: [UUID: [IndikatorTarget]] = [:]
        // Chunked: SQLite caps the number of bound parameters in one IN list.
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for target in try await IndikatorTarget.query(on: db).filter(\.$indikator.$id ~~ chunk).all() {
                targets[target.$indikator.id, default: []].append(target)
            }
            start += 500
        }
        var result: [UUID: [IndikatorView]] = [:]
        for item in indikator {
            let spec = item.spec
            let views = (targets[item.id!] ?? []).sorted { ($0.year, $0.period) < ($1.year, $1.period) }.map {
                TargetView(year: $0.year, period: $0.period, value: $0.value, display: TargetDisplay.text($0.value, spec: spec))
            }
            result[item.ownerID, default: []].append(IndikatorView(
                id: item.id!, code: item.code, name: item.name, satuan: item.satuan, kind: item.kind,
                polarity: item.polarity, aggregation: item.aggregation, entryMode: item.entryMode, tags: item.tagList,
                baselineValue: item.baselineValue.map { TargetDisplay.text($0, spec: spec) }, baselineYear: item.baselineYear,
                definition: item.definition, measurement: item.measurement, dataSource: item.dataSource,
                targets: views))
        }
        return result
    }
}

/// Writes a stored target the Indonesian way: `7,5`, `5–5,5`, `Ada`.
public enum TargetDisplay {
    public static func text(_ canonical: String, spec: IndicatorSpec) -> String {
        guard spec.kind.isQuantitative || spec.kind == .binary, let target = TargetInput.parseStored(canonical, for: spec)
        else { return canonical }
        return IDFormat.target(target)
    }
}
