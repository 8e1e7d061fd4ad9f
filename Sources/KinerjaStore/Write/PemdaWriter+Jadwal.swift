import FluentKit
import Foundation
import KinerjaCore

extension PemdaWriter {
    /// Sets (or moves) the window of a stage; audited.
    public func setJadwal(year: Int, window: JadwalWindow) async throws {
        try await transaction { w in
            let db = w.database
            if let existing = try await Jadwal.query(on: db).filter(\.$pemda.$id == w.pemdaID)
                .filter(\.$year == year).filter(\.$stage == window.stage).first()
            {
                let before = try AuditTrail.snapshot(existing)
                existing.opens = window.opens.description
                existing.closes = window.closes.description
                existing.reopenedUntil = nil
                existing.reopenReason = nil
                try await existing.update(on: db)
                try await AuditTrail.recordUpdate(of: existing, beforeSnapshot: before, pemdaID: w.pemdaID,
                                                  context: w.audit, on: db)
            } else {
                _ = try await w.create(Jadwal(pemdaID: w.pemdaID, year: year, window: window), unitID: nil)
            }
        }
    }

    /// Reopens a closed stage until a day, with a reason that the audit trail keeps.
    public func reopenJadwal(year: Int, stage: JadwalStage, until: CalendarDate, reason: String)
        async throws
    {
        let today = audit.today
        try JadwalWindow.checkReopen(reason: reason, until: until, today: today)
        try await transaction { w in
            let db = w.database
            guard let jadwal = try await Jadwal.query(on: db).filter(\.$pemda.$id == w.pemdaID)
                .filter(\.$year == year).filter(\.$stage == stage).first()
            else {
                throw RuleViolation(code: "jadwal.unknown", field: .stage,
                    message: Message(id: "Jadwal \(stage.label.id) tahun \(year) belum ditetapkan.",
                                     en: "No schedule is set for \(stage.label.en) \(year)."))
            }
            let before = try AuditTrail.snapshot(jadwal)
            jadwal.reopenedUntil = until.description
            jadwal.reopenReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try await jadwal.update(on: db)
            try await AuditTrail.recordUpdate(of: jadwal, beforeSnapshot: before, pemdaID: w.pemdaID,
                                              reason: jadwal.reopenReason, context: w.audit, on: db)
        }
    }

    /// Refuses a change to a stage outside its window. A stage with no window set is not restricted.
    func checkJadwal(_ stage: JadwalStage, year: Int, today: CalendarDate) async throws {
        guard let jadwal = try await Jadwal.query(on: database).filter(\.$pemda.$id == pemdaID)
            .filter(\.$year == year).filter(\.$stage == stage).first(),
            let window = jadwal.window
        else { return }
        try window.checkOpen(on: today)
    }
}
