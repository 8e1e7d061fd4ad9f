import FluentKit
import Foundation
import KinerjaCore
import SQLKit

extension PemdaWriter {
    /// Sets the roll-up weights of RPJMD nodes (misi, tujuan, sasaran) from the weights form, all or none: every value
    /// is checked first, a node of another Pemda is refused, and a weight of 1 removes the row (1 is the default).
    /// Each change is audited with the weight before and after. Returns how many weights changed.
    @discardableResult
    public func setCapaianBobot(_ raw: [UUID: String]) async throws -> Int {
        let parsed: [String: FixedDecimal]
        switch CapaianWeight.parseAll(Dictionary(uniqueKeysWithValues: raw.map { ($0.key.uuidString, $0.value) })) {
        case .success(let weights): parsed = weights
        case .failure(let violations): throw violations
        }
        return try await transaction { w in
            let sql = try w.database.sql
            var kinds: [UUID: String] = [:]
            for row in try await sql.raw("""
                SELECT 'misi' AS kind, id FROM misi WHERE pemda_id = \(bind: w.pemdaID)
                UNION ALL SELECT 'tujuan', id FROM tujuan WHERE pemda_id = \(bind: w.pemdaID)
                UNION ALL SELECT 'sasaran', id FROM sasaran_rpjmd WHERE pemda_id = \(bind: w.pemdaID)
                """).all()
            {
                kinds[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "kind", as: String.self)
            }
            var current: [UUID: String] = [:]
            for row in try await sql.raw("SELECT node_id, weight FROM capaian_bobot WHERE pemda_id = \(bind: w.pemdaID)").all() {
                current[try row.decode(column: "node_id", as: UUID.self)] = try row.decode(column: "weight", as: String.self)
            }
            let unknown = parsed.keys.compactMap(UUID.init(uuidString:)).filter { kinds[$0] == nil }
            guard unknown.isEmpty else {
                throw RuleViolation(.notFound, code: "bobot.unknown", field: nil,
                    message: Message(id: "Misi, tujuan atau sasaran yang diberi bobot tidak ada di RPJMD Pemda ini.",
                                     en: "A misi, tujuan or sasaran given a weight is not in this Pemda's RPJMD."))
            }
            var changed = 0
            for (key, weight) in parsed.sorted(by: { $0.key < $1.key }) {
                guard let node = UUID(uuidString: key), let kind = kinds[node] else { continue }
                let before = current[node] ?? FixedDecimal(1).description
                let after = weight.description
                guard before != after else { continue }
                if current[node] != nil {
                    try await sql.raw("DELETE FROM capaian_bobot WHERE node_id = \(bind: node)").run()
                }
                if weight != FixedDecimal(1) {
                    try await sql.raw("""
                        INSERT INTO capaian_bobot (id, pemda_id, node_kind, node_id, weight)
                        VALUES (\(bind: UUID()), \(bind: w.pemdaID), \(bind: kind), \(bind: node), \(bind: after))
                        """).run()
                }
                try await AuditTrail.record(.update, entity: "capaian_bobot", beforeSnapshot: #"{"weight":"\#(before)"}"#,
                                            after: #"{"weight":"\#(after)"}"#, entityID: node, pemdaID: w.pemdaID,
                                            unitID: nil, reason: nil, context: w.audit, on: w.database)
                changed += 1
            }
            return changed
        }
    }
}
