import Foundation
import Testing
import KinerjaCore

struct HexTests {
    @Test func every_byte_is_two_lower_case_digits_as_printf_writes_them() {
        let all = (0...255).map { UInt8($0) }
        #expect(Hex.lowercase(all) == all.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.lowercase([UInt8]()) == "")
        #expect(Hex.lowercase([0x00, 0x0f, 0xf0, 0xff]) == "000ff0ff")
    }
}
