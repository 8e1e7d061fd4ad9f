import FluentKit
import Foundation
import KinerjaCore

/// The early warning in the inbox of those who must act on it: a unit's operators and officials get one item per PK
/// of theirs with findings (evidence missing, nothing entered when a window closed, TDI, a forecast short of the
/// target), linked to the quarter to fix. Returned values are left to their own item (`RealisasiInbox`). Others —
/// the Admin Pemda, the Kepala Daerah, the verifiers — read the whole list on the early warning page; an item per PK
/// of the Pemda would bury the rest of their inbox. Three statements, or none for whoever gets no item.
public enum EarlyWarningInbox {
    public static func items(pemdaID: UUID, pemdaCode: String, year: Int, principal: Principal, reach: Set<UUID>,
                             organisation o: PemdaOrganisation, engine: CapaianEngine, today: CalendarDate,
                             on db: any Database) async throws -> [PkInboxItem]
    {
        let roles = principal.roles
        guard !roles.isDisjoint(with: [.operatorOpd, .pejabat]), !roles.contains(.adminPemda), !roles.contains(.superAdmin)
        else { return [] }
        let board = try await CapaianBoard.load(pemdaID: pemdaID, year: year, plans: false, on: db)
        let rowsByPk = Dictionary(grouping: board.rows, by: \.pkID)
        var out: [PkInboxItem] = []
        for pk in board.pks {
            let unitCode = pk.unitID.flatMap { o.units[$0]?.code }
            guard PkActor.mayDraft(principal, pemda: pemdaCode, unit: unitCode, positionInReach: reach.contains(pk.jabatanID))
            else { continue }
            var signals: [EarlyWarningSignal] = []
            for row in rowsByPk[pk.id] ?? [] {
                let measured = engine.measure(board.measurement(row), through: 4)
                signals += EarlyWarning.signals(board.watch(row, capaian: measured), windows: board.windows, today: today)
                    .filter { $0.kind != .returned }
            }
            guard let first = signals.min(by: { $0.period < $1.period }) else { continue }
            let counts = Dictionary(grouping: signals, by: \.kind).mapValues(\.count)
            let parts = EarlyWarningSignal.Kind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
            out.append(PkInboxItem(
                kind: .peringatan, pkID: pk.id, jabatanID: pk.jabatanID, jabatanName: o.positions[pk.jabatanID]?.name ?? "",
                year: year, version: 0, status: nil,
                message: Message(id: "\(signals.count) peringatan dini: " + parts.map { "\($0.1) \(lowerFirst($0.0.label.id))" }.joined(separator: ", "),
                                 en: "\(signals.count) early warnings: " + parts.map { "\($0.1) \(lowerFirst($0.0.label.en))" }.joined(separator: ", ")),
                due: nil, period: first.period))
        }
        return out
    }

    /// "Tanpa bukti dukung" → "tanpa bukti dukung", but "TDI (…)" stays "TDI (…)".
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, text.dropFirst().first?.isLowercase == true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
