import Foundation
import Vapor

/// Time-based one-time codes (RFC 6238: SHA-1, six digits, 30 seconds), as every authenticator app makes them.
/// The codes come from Vapor's `TOTP` on swift-crypto; this type only decides which steps are acceptable.
enum TwoFactor {
    static let interval = 30
    static let issuer = "Kinerja"

    /// A new random 160-bit secret in Base32, the length RFC 4226 recommends.
    static func newSecret() -> String {
        SymmetricKey(size: .init(bitCount: 160)).withUnsafeBytes { Data($0) }.base32EncodedString()
    }

    static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / Double(interval)).rounded(.down)) }

    /// The code of one step, for tests and for the clock-drift window.
    static func code(secret: String, step: Int64) -> String? {
        guard let key = Data(base32Encoded: secret) else { return nil }
        return TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: interval)
            .generate(time: Date(timeIntervalSince1970: TimeInterval(step * Int64(interval))))
    }

    /// The step `code` belongs to, if it is the code of the current step or one step either side (a phone's clock
    /// may be off by up to 30 seconds) and that step is later than `lastStep` (a code is good once).
    static func verify(_ code: String, secret: String, at now: Date, after lastStep: Int64) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let current = step(at: now)
        for candidate in [current, current - 1, current + 1] where candidate > lastStep {
            if let expected = self.code(secret: secret, step: candidate), constantTimeEqual(expected, digits) {
                return candidate
            }
        }
        return nil
    }

    /// The enrolment link authenticator apps read (also as a QR code elsewhere).
    static func uri(secret: String, account: String) -> String {
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? account
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuer)&algorithm=SHA1&digits=6&period=\(interval)"
    }

    /// The secret in groups of four, easier to type into a phone.
    static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { offset in
            let start = secret.index(secret.startIndex, offsetBy: offset)
            return String(secret[start..<(secret.index(start, offsetBy: 4, limitedBy: secret.endIndex) ?? secret.endIndex)])
        }.joined(separator: " ")
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
