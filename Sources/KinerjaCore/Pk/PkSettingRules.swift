/// Bounds of a Pemda's PK settings.
public enum PkSettingRules {
    public static let maxLogoBytes = 512 * 1024
    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public static func check(_ rule: PkDeadlineRule) throws(RuleViolation) {
        guard (1...12).contains(rule.monthsAfterDpa) else {
            throw RuleViolation(code: "pk.months", field: .months,
                message: Message(id: "Tenggat PK 1 sampai 12 bulan setelah DPA disahkan (PermenPAN-RB 53/2014: paling lambat 1 bulan).",
                                 en: "The PK deadline is 1 to 12 months after the DPA (PermenPAN-RB 53/2014: at most 1 month)."))
        }
        guard (0...60).contains(rule.remindDaysBefore) else {
            throw RuleViolation(code: "pk.remind", field: .reminderDays,
                message: Message(id: "Pengingat 0 sampai 60 hari sebelum tenggat.", en: "Reminders start 0 to 60 days before the deadline."))
        }
    }
}
