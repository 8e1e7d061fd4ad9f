/// When a quarter's realisation may be entered: inside its "Realisasi TW" window; after it closes, only a correction
/// of a value already entered, with a reason that the audit trail keeps.
public enum RealisasiWindow {
    public enum Timing: Sendable, Hashable {
        /// Inside the window, or no window is set for the stage.
        case onTime
        /// A correction after the window closed, with its reason.
        case late(reason: String)
    }

    /// - Parameters:
    ///   - window: the quarter's window; nil when the Pemda set none (the stage is then not restricted).
    ///   - corrects: whether the row already has an entry for the quarter.
    public static func check(_ window: JadwalWindow?, on day: CalendarDate, corrects: Bool, lateReason: String)
        throws(RuleViolation) -> Timing
    {
        guard let window else { return .onTime }
        switch window.state(on: day) {
        case .dibuka, .dibukaKembali:
            return .onTime
        case .belumDibuka:
            try window.checkOpen(on: day)
            return .onTime
        case .ditutup:
            guard corrects else { try window.checkOpen(on: day); return .onTime }
            let reason = lateReason.trimmingSpaces()
            guard reason.count >= RealisasiEntryRules.minimumReasonLength else {
                throw RuleViolation(.conflict, code: "realisasi.lateReason", field: .reason,
                    message: Message(id: "Jadwal \(window.stage.label.id) sudah ditutup sejak \(IDFormat.date(window.reopenedUntil ?? window.closes)). Koreksi sesudah jadwal memerlukan alasan (paling sedikit \(RealisasiEntryRules.minimumReasonLength) karakter), yang dicatat dalam jejak audit.",
                                     en: "\(window.stage.label.en) closed on \(window.reopenedUntil ?? window.closes). A correction after the window needs a reason (at least \(RealisasiEntryRules.minimumReasonLength) characters), which the audit trail keeps."))
            }
            return .late(reason: reason)
        }
    }
}
