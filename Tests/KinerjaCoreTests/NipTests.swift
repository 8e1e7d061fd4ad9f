import Foundation
import KinerjaCore
import Testing

@Suite struct NipTests {
    @Test func a_valid_grouped_nip_is_read_into_its_parts() throws {
        let nip = try Nip("19700101 199003 1 001")
        #expect(nip.digits == "197001011990031001")
        #expect(nip.birthDate == day("1970-01-01"))
        #expect(nip.tmtYear == 1990)
        #expect(nip.tmtMonth == 3)
        #expect(nip.gender == .male)
        #expect(nip.serial == 1)
        #expect(nip.grouped == "19700101 199003 1 001")
        #expect(nip.description == "197001011990031001")
    }

    @Test(arguments: ["197001011990031001", "19700101.199003.1.001", "19700101-199003-1-001", " 19700101 199003 1 001 "])
    func plain_digits_and_common_separators_are_accepted(text: String) throws {
        #expect(try Nip(text).grouped == "19700101 199003 1 001")
    }

    @Test func a_female_nip_has_gender_digit_2() throws {
        let nip = try Nip("198512242010122003")
        #expect(nip.gender == .female)
        #expect(nip.serial == 3)
        #expect(nip.birthDate == day("1985-12-24"))
    }

    @Test func seventeen_digits_are_refused_saying_how_many_were_written() throws {
        let error = try #require(violation { try Nip("19700101 199003 1 01") })
        #expect(error.code == "nip.length")
        #expect(error.field == .nip)
        #expect(error.message.id.contains("tertulis 17 digit"))
        #expect(error.message.id.contains("18 digit"))
    }

    @Test func letters_are_refused() throws {
        let error = try #require(violation { try Nip("19700101 199003 1 00A") })
        #expect(error.code == "nip.notDigits")
        #expect(error.message.id.contains("hanya berisi angka"))
    }

    @Test(arguments: ["19701301 199003 1 001", "19700230 199003 1 001", "19700100 199003 1 001", "19200101 193803 1 001"])
    func an_impossible_birth_date_is_refused(text: String) throws {
        let error = try #require(violation { try Nip(text) })
        #expect(error.code == "nip.birthDate")
        #expect(error.message.id.contains("tanggal lahir"))
    }

    @Test func gender_digit_3_is_refused() throws {
        let error = try #require(violation { try Nip("19700101 199003 3 001") })
        #expect(error.code == "nip.gender")
        #expect(error.message.id.contains("tertulis 3"))
    }

    @Test func serial_000_is_refused() throws {
        let error = try #require(violation { try Nip("19700101 199003 1 000") })
        #expect(error.code == "nip.serial")
        #expect(error.message.id.contains("000"))
    }

    @Test(arguments: ["19700101 198003 1 001", "19700101 198512 1 001", "19700101 199013 1 001", "19700101 199000 1 001",
                      "19700101 203101 1 001"])
    func tmt_before_age_16_or_an_impossible_tmt_is_refused(text: String) throws {
        let error = try #require(violation { try Nip(text) })
        #expect(error.code == "nip.tmt")
        #expect(error.message.id.contains("TMT CPNS"))
    }

    @Test func tmt_in_the_year_of_the_16th_birthday_is_accepted() throws {
        #expect(try Nip("19700101 198601 1 001").tmtYear == 1986)
    }

    @Test func encodes_as_its_digits_and_decoding_checks_them() throws {
        let data = try JSONEncoder().encode([try Nip("19700101 199003 1 001")])
        #expect(String(decoding: data, as: UTF8.self) == #"["197001011990031001"]"#)
        let decoded = try JSONDecoder().decode([Nip].self, from: data)
        #expect(decoded.first?.serial == 1)
        #expect(throws: RuleViolation.self) {
            try JSONDecoder().decode([Nip].self, from: Data(#"["19700101199003300"]"#.utf8))
        }
    }
}
