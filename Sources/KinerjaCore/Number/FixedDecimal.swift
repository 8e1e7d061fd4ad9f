/// An exact decimal number with six fractional digits, stored as a scaled 64-bit integer.
///
/// Foundation's `Decimal` is exact too, but on Linux its arithmetic is done in software and measured here at about
/// 1 µs per division: far too slow to compute a national year (1.6M indicators) within the one-second budget.
/// Indicator values are entered with few decimals (IPM 72,74; Gini 0,372), so six fractional digits hold every value
/// as entered; input with more digits is refused, never silently rounded. Results of a division (capaian) are rounded
/// half away from zero at the sixth digit, the "pembulatan biasa" of Indonesian reports.
public struct FixedDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public static let fractionDigits = 6
    public static let scale: Int64 = 1_000_000

    /// The value times 10^6.
    public var units: Int64

    /// Int64.min has no positive counterpart; it is clamped so that negation and magnitude never trap.
    public init(units: Int64) { self.units = Swift.max(units, Int64.min + 1) }
    public init(_ integer: Int) { self.units = Int64(integer) * Self.scale }

    public static let zero = FixedDecimal(units: 0)
    public static let hundred = FixedDecimal(100)
    public static let max = FixedDecimal(units: Int64.max)
    public static let min = FixedDecimal(units: Int64.min + 1)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.units < rhs.units }
    // Sums saturate like products and quotients: four quarterly realisations of Rp 3 triliun must not trap.
    public static func + (lhs: Self, rhs: Self) -> Self { Self(saturating: Int128(lhs.units) + Int128(rhs.units)) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(saturating: Int128(lhs.units) - Int128(rhs.units)) }
    public static prefix func - (value: Self) -> Self { Self(units: -value.units) }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }

    public static func * (lhs: Self, rhs: Self) -> Self {
        Self(saturating: divideRounded(Int128(lhs.units) * Int128(rhs.units), by: Int128(scale)))
    }

    /// Rounded division; the divisor must not be zero (callers decide what a zero target means).
    public static func / (lhs: Self, rhs: Self) -> Self {
        precondition(rhs.units != 0, "division by zero: the caller must handle a zero divisor")
        return Self(saturating: divideRounded(Int128(lhs.units) * Int128(scale), by: Int128(rhs.units)))
    }

    public var magnitude: Self { Self(units: units < 0 ? -units : units) }
    public var isZero: Bool { units == 0 }
    public var isNegative: Bool { units < 0 }

    /// Clamps to the representable range instead of trapping; capaian of absurd inputs saturates.
    init(saturating wide: Int128) {
        if wide > Int128(Int64.max) {
            units = Int64.max
        } else if wide < Int128(Int64.min + 1) {
            units = Int64.min + 1
        } else {
            units = Int64(wide)
        }
    }

    /// Integer division rounded half away from zero.
    static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        var q = n / d
        if (n % d) * 2 >= d { q += 1 }
        let signed = Int128(q)
        return negative ? -signed : signed
    }

    /// Rounds half away from zero to `digits` fractional digits (0...6).
    public func rounded(toFractionDigits digits: Int) -> Self {
        precondition((0...Self.fractionDigits).contains(digits))
        var step: Int64 = 1
        for _ in digits..<Self.fractionDigits { step *= 10 }
        let q = Self.divideRounded(Int128(units), by: Int128(step))
        return Self(saturating: q * Int128(step))
    }

    /// The canonical machine form: `-1234.5`, dot as decimal separator, no grouping, no trailing zeros.
    public var description: String {
        let negative = units < 0
        let m = units.magnitude
        let whole = m / UInt64(Self.scale)
        var fraction = m % UInt64(Self.scale)
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = Self.fractionDigits
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// Parses the canonical form only (`description`'s output); user input goes through `NumberInput`.
    public init?(canonical text: String) {
        self.init(canonicalUTF8: text.utf8)
    }

    /// Read byte by byte: every stored target and value of a national year passes through here, and splitting the
    /// text into Characters cost a tenth of a recompute (perf).
    init?(canonicalUTF8 bytes: some Collection<UInt8>) {
        var negative = false
        var seenPoint = false
        var wholeDigits = 0
        var fractionDigits = 0
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "."):
                guard !seenPoint, wholeDigits > 0 else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte &- UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    guard fractionDigits <= Self.fractionDigits else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    // 13 digits stay far below Int64's range; the scaling below is checked.
                    wholeDigits += 1
                    guard wholeDigits <= 13 else { return nil }
                    whole = whole * 10 + digit
                }
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<Self.fractionDigits { fraction *= 10 }
        let (product, overflow) = whole.multipliedReportingOverflow(by: Self.scale)
        guard !overflow else { return nil }
        // 9223372036854.999999 passes the multiplication but not the addition: refuse it rather than trap.
        let (magnitude, sumOverflow) = product.addingReportingOverflow(fraction)
        guard !sumOverflow else { return nil }
        self.units = negative ? -magnitude : magnitude
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = FixedDecimal(canonical: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a canonical decimal with at most 6 fractional digits: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
