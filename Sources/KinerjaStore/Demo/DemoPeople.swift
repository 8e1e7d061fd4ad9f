import KinerjaCore

/// Makes up civil servants with valid NIPs and names written with their titles, from a seed.
struct DemoPeople {
    var random: SeededRandom
    var usedNips: Set<String> = []
    /// A generated Pemda's own NIP serial (the last three digits) and TMT months apart from Kota Contoh's: a NIP is
    /// unique in the country, and 546 Pemda drawing at random met the same one (a duplicate at the 90th). Nil for
    /// Kota Contoh, whose people are drawn as before.
    var serial: Int?

    static let givenMale = [
        "Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko", "Rahmat", "Yusuf", "Arief", "Bambang",
        "Agus", "Hadi", "Teguh", "Rudi", "Wahyu", "Andi", "Imam", "Slamet",
    ]
    static let givenFemale = [
        "Siti", "Dewi", "Ratna", "Sri", "Yuni", "Endah", "Rina", "Nurul", "Fitri", "Lestari", "Wulan", "Indah", "Ani",
        "Retno", "Diah", "Sari", "Maya", "Tri", "Lilis", "Puji",
    ]
    static let family = [
        "Santoso", "Wibowo", "Hidayat", "Saputra", "Nugroho", "Kurniawan", "Setiawan", "Pratama", "Susanto",
        "Purnomo", "Rahayu", "Wulandari", "Handayani", "Permana", "Siregar", "Nasution", "Lubis", "Sihombing",
        "Syahputra", "Halim", "Fauzi", "Gunawan", "Hakim", "Maulana",
    ]
    static let degrees = [
        ("S.E.", "M.M."), ("S.T.", "M.T."), ("S.Pd.", "M.Pd."), ("S.H.", "M.H."), ("S.Sos.", "M.Si."),
        ("S.Kom.", "M.Kom."), ("S.K.M.", "M.Kes."), ("S.STP.", "M.Si."), ("S.P.", "M.P."), ("S.Ak.", "M.Ak."),
    ]

    init(seed: UInt64, serial: Int? = nil) {
        random = SeededRandom(seed: seed)
        self.serial = serial.map { min(max($0, 1), 999) }
    }

    static let kotaContohTmtMonths = [1, 3, 4, 12]
    static let generatedTmtMonths = [2, 5, 6, 7, 8, 9, 10, 11]

    struct Person {
        var nip: Nip
        var name: String
        var pangkat: String
    }

    mutating func person(level: JabatanLevel) -> Person {
        let female = random.chance(40)
        let given = female ? Self.givenFemale : Self.givenMale
        let first = given[random.int(0...(given.count - 1))]
        let last = Self.family[random.int(0...(Self.family.count - 1))]
        let degree = Self.degrees[random.int(0...(Self.degrees.count - 1))]
        let doctor = level == .jpt && random.chance(15)
        let hajj = !female && random.chance(25) ? "H. " : (female && random.chance(20) ? "Hj. " : "")
        let masters = level == .pengawas && random.chance(50) ? "" : ", \(degree.1)"
        let name = "\(doctor ? "Dr. " : "")\(hajj)\(first) \(last), \(degree.0)\(masters)"
        let age: ClosedRange<Int> = switch level {
        case .jpt: 48...57
        case .administrator: 42...55
        default: 32...50
        }
        let birthYear = 2026 - random.int(age)
        var nip: Nip
        repeat {
            let month = random.int(1...12)
            let day = random.int(1...CalendarDate.daysIn(month: month, year: birthYear))
            let tmtYear = birthYear + random.int(23...29)
            let months = serial == nil ? Self.kotaContohTmtMonths : Self.generatedTmtMonths
            let tmtMonth = months[random.int(0...(months.count - 1))]
            let drawn = random.int(1...999)
            let digits = String(format4(birthYear)) + pad(month) + pad(day) + String(format4(tmtYear)) + pad(tmtMonth)
                + (female ? "2" : "1") + pad3(serial ?? drawn)
            nip = try! Nip(digits)
        } while usedNips.contains(nip.digits)
        usedNips.insert(nip.digits)
        let pangkat: String = switch level {
        case .jpt: ["Pembina Utama Muda (IV/c)", "Pembina Tingkat I (IV/b)"][random.int(0...1)]
        case .administrator: ["Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Penata Tingkat I (III/d)"][random.int(0...2)]
        default: ["Penata (III/c)", "Penata Tingkat I (III/d)"][random.int(0...1)]
        }
        return Person(nip: nip, name: name, pangkat: pangkat)
    }

    func format4(_ n: Int) -> String { String(n) }
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    func pad3(_ n: Int) -> String { n < 10 ? "00\(n)" : (n < 100 ? "0\(n)" : "\(n)") }
}
