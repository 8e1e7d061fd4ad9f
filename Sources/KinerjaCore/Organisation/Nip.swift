/// Nomor Induk Pegawai: 18 digits, `yyyymmdd` birth date, `yyyymm` TMT CPNS, gender digit, 3-digit serial.
public struct Nip: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Gender: String, Sendable, Hashable, Codable {
        case male = "1"
        case female = "2"
    }

    public let digits: String
    public let birthDate: CalendarDate
    public let tmtYear: Int
    public let tmtMonth: Int
    public let gender: Gender
    public let serial: Int

    /// Accepts the grouped form `19700101 199003 1 001` as well as 18 plain digits.
    public init(_ raw: String) throws(RuleViolation) {
        let compact = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        func fail(_ code: String, _ id: String, _ en: String) -> RuleViolation {
            RuleViolation(code: code, field: .nip, message: Message(id: id, en: en))
        }
        guard compact.allSatisfy(\.isASCIIDigitCharacter) else {
            throw fail("nip.notDigits", "NIP hanya berisi angka (tertulis \"\(raw)\").",
                       "A NIP has digits only (got \"\(raw)\").")
        }
        guard compact.count == 18 else {
            throw fail("nip.length", "NIP harus 18 digit angka (tertulis \(compact.count) digit).",
                       "A NIP has 18 digits (got \(compact.count)).")
        }
        let d = Array(compact).map { Int(String($0))! }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + d[$1] } }
        guard let birth = CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
            birth.year >= 1930
        else {
            throw fail("nip.birthDate", "8 digit pertama NIP harus tanggal lahir yang sah (tttt bb hh); \(compact.prefix(8)) bukan tanggal yang sah.",
                       "The first 8 digits of a NIP are a valid birth date (yyyymmdd); \(compact.prefix(8)) is not.")
        }
        let tmtYear = number(8..<12)
        let tmtMonth = number(12..<14)
        guard (1...12).contains(tmtMonth), (birth.year + 16...birth.year + 60).contains(tmtYear) else {
            throw fail("nip.tmt", "Digit 9–14 NIP harus bulan dan tahun TMT CPNS (ttttbb) paling cepat usia 16 tahun; \(compact.dropFirst(8).prefix(6)) tidak sesuai.",
                       "Digits 9–14 of a NIP are the TMT CPNS year and month, at age 16 or later; \(compact.dropFirst(8).prefix(6)) is not.")
        }
        guard let gender = Gender(rawValue: String(d[14])) else {
            throw fail("nip.gender", "Digit ke-15 NIP adalah jenis kelamin: 1 (pria) atau 2 (wanita); tertulis \(d[14]).",
                       "Digit 15 of a NIP is the gender: 1 (male) or 2 (female); got \(d[14]).")
        }
        let serial = number(15..<18)
        guard serial >= 1 else {
            throw fail("nip.serial", "Tiga digit terakhir NIP (nomor urut) tidak boleh 000.",
                       "The last three digits of a NIP (serial) cannot be 000.")
        }
        self.digits = compact
        self.birthDate = birth
        self.tmtYear = tmtYear
        self.tmtMonth = tmtMonth
        self.gender = gender
        self.serial = serial
    }

    /// `19700101 199003 1 001`, as printed on documents.
    public var grouped: String { Self.group(digits) }

    /// Groups stored NIP digits the way documents print them; anything that is not 18 digits is returned as it is.
    public static func group(_ digits: String) -> String {
        let c = Array(digits)
        guard c.count == 18, c.allSatisfy(\.isASCIIDigitCharacter) else { return digits }
        return String(c[0..<8]) + " " + String(c[8..<14]) + " " + String(c[14]) + " " + String(c[15..<18])
    }

    public var description: String { digits }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
