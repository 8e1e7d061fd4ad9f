import Foundation
import KinerjaCore

extension PohonBoard {
    /// The Pemda's pohon kinerja of the year through the figures' quarter: every node's figure is the one
    /// `KinerjaFigures` computed, so the tree and the dashboards cannot disagree.
    /// - Parameter published: the portal's tree: only published PKs, no internal gap marks, and the RPJMD figures
    ///   only when the Kepala Daerah's PK is published.
    public func tree(figures: KinerjaFigures, organisation: PemdaOrganisation, published: Bool = false) -> PohonKinerja {
        let board = figures.board
        let shown = board.pks.filter { !published || $0.status == .diterbitkan }
        let shownIDs = Set(shown.map(\.id))
        let ikuShown = figures.ikuPk.map { shownIDs.contains($0.id) } ?? false
        let strategic = board.strategicOrder.map { node, _ in
            PohonKinerja.StrategicInput(
                id: node.id.uuidString, kind: PohonKinerja.Kind(rawValue: node.kind.rawValue) ?? .sasaran,
                parent: node.parent?.uuidString, title: "\(node.kind.label) \(node.number). \(node.text)",
                figure: published && !ikuShown ? nil : figures.capaian.strategic[node.id.uuidString]?.toDate)
        }
        func expectsPk(_ position: PemdaOrganisation.Position) -> Bool { PkLevel(jabatan: position.level) != nil }
        let pks = shown.map { pk in
            let position = organisation.positions[pk.jabatanID]
            let unit = pk.unitID.flatMap { organisation.units[$0]?.name }
            let owner = [position?.name, pk.level == .pemda ? nil : unit].compactMap { $0 }.joined(separator: " · ")
            let subordinates = organisation.subordinates[pk.jabatanID] ?? []
            return PohonKinerja.PkInput(
                id: pk.id.uuidString, jabatan: pk.jabatanID.uuidString, superiorJabatan: position?.superior?.uuidString,
                level: pk.level, opd: organisation.opd(of: pk.unitID)?.uuidString, owner: owner,
                expectsContributors: !published && subordinates.contains { organisation.positions[$0].map(expectsPk) ?? false })
        }
        let linksByRow = Dictionary(grouping: links) { "\($0.jabatanID)|\($0.key)" }
        let rows = board.rows.filter { shownIDs.contains($0.pkID) }.map { row in
            let id = "\(row.jabatanID)|\(row.key)"
            return PohonKinerja.RowInput(
                pk: row.pkID.uuidString, key: row.key, indikator: row.indikator, sasaran: row.sasaran,
                strategicNode: row.strategicNode?.uuidString,
                links: (linksByRow[id] ?? []).map { .init(jabatan: $0.superiorJabatanID.uuidString, key: $0.superiorKey) },
                budgetCodes: codes[id] ?? [], figure: figures.indicator(row).map { RollupResult($0.toDate.capaian) })
        }
        let levelOf = Dictionary(uniqueKeysWithValues: board.pks.map { ($0.id, $0) })
        let budget = self.budget.filter { shownIDs.contains($0.pkID) }.map { line in
            let pk = levelOf[line.pkID]
            let opd = pk?.level == .pemda ? nil : organisation.opd(of: pk?.unitID)
            return PohonKinerja.BudgetInput(pk: line.pkID.uuidString, code: line.code, name: line.name, pagu: line.amount,
                                            realised: realised(code: line.code, opd: opd, through: figures.through))
        }
        var missing: [PohonKinerja.MissingInput] = []
        if !published {
            let signedPositions = Set(board.pks.map(\.jabatanID))
            for (id, _) in organisation.positionTree {
                guard let position = organisation.positions[id], expectsPk(position), !signedPositions.contains(id) else { continue }
                let unit = position.unit.flatMap { organisation.units[$0]?.name }
                missing.append(PohonKinerja.MissingInput(
                    jabatan: id.uuidString, superiorJabatan: position.superior?.uuidString,
                    opd: organisation.opd(of: position.unit)?.uuidString,
                    title: [position.name, unit].compactMap { $0 }.joined(separator: " · ")))
            }
        }
        return PohonKinerja(strategic: strategic, pks: pks, rows: rows, budget: budget, missing: missing)
    }
}
