/// Slows down password guessing: after a few free attempts each further failure locks the account for twice as long
/// as the one before, up to a ceiling. A correct password after the lock ends resets the count.
public struct LoginThrottle: Sendable, Hashable {
    public var freeAttempts: Int
    public var firstLockSeconds: Int
    public var maxLockSeconds: Int

    public init(freeAttempts: Int = 5, firstLockSeconds: Int = 60, maxLockSeconds: Int = 3_600) {
        self.freeAttempts = freeAttempts
        self.firstLockSeconds = firstLockSeconds
        self.maxLockSeconds = maxLockSeconds
    }

    /// How long to lock after `failures` consecutive failures; nil while they are still free.
    public func lockSeconds(afterFailures failures: Int) -> Int? {
        guard failures >= freeAttempts else { return nil }
        let doublings = min(failures - freeAttempts, 30)
        let seconds = firstLockSeconds.multipliedReportingOverflow(by: 1 << doublings)
        return seconds.overflow ? maxLockSeconds : min(seconds.partialValue, maxLockSeconds)
    }

    public static let standard = LoginThrottle()

    public static func lockedMessage(minutes: Int) -> Message {
        Message(id: "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit, atau minta admin mengatur ulang kata sandi Anda.",
                en: "Too many failed sign-in attempts. Try again in \(minutes) minutes, or ask an administrator to reset your password.")
    }
}

/// What a password must be: long enough to resist guessing, and not the user's own name or NIP.
public enum PasswordRules {
    public static let minimumLength = 10

    public static func check(_ password: String, username: String, nip: String?) throws(RuleViolation) {
        guard password.count >= minimumLength else {
            throw RuleViolation(code: "password.short", field: .password,
                message: Message(id: "Kata sandi paling sedikit \(minimumLength) karakter (tertulis \(password.count)).",
                                 en: "A password has at least \(minimumLength) characters (got \(password.count))."))
        }
        let lowered = password.lowercased()
        if lowered.contains(username.lowercased()) || nip.map({ password.contains($0) }) == true {
            throw RuleViolation(code: "password.personal", field: .password,
                message: Message(id: "Kata sandi tidak boleh memuat nama pengguna atau NIP.",
                                 en: "A password must not contain the username or NIP."))
        }
        guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else {
            throw RuleViolation(code: "password.mix", field: .password,
                message: Message(id: "Kata sandi harus memuat huruf dan angka.",
                                 en: "A password must contain letters and digits."))
        }
    }
}
