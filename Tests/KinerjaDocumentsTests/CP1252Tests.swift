@testable import KinerjaDocuments
import Testing

@Suite struct CP1252Tests {
    @Test func ascii_passes_and_controls_become_spaces() {
        #expect(CP1252.encode("NIP. 19700101") == Array("NIP. 19700101".utf8))
        #expect(CP1252.encode("a\tb\u{7}c\nd") == [0x61, 0x20, 0x62, 0x20, 0x63, 0x0A, 0x64])
        #expect(CP1252.encode("a\r\nb") == [0x61, 0x0A, 0x62])
        #expect(CP1252.encode("a\rb–") == [0x61, 0x0A, 0x62, 0x96])
    }

    @Test func latin_1_and_the_windows_block_map_to_their_bytes() {
        #expect(CP1252.encode("é") == [0xE9])
        #expect(CP1252.encode("80–90") == [0x38, 0x30, 0x96, 0x39, 0x30])
        #expect(CP1252.encode("—“”‘’•…€™") == [0x97, 0x93, 0x94, 0x91, 0x92, 0x95, 0x85, 0x80, 0x99])
        #expect(CP1252.encode("\u{A0}°±²") == [0xA0, 0xB0, 0xB1, 0xB2])
    }

    @Test func anything_else_is_one_question_mark_per_character() {
        #expect(CP1252.encode("ā") == [0x3F])
        #expect(CP1252.encode("a\u{304}") == [0x3F])  // ā written with a combining macron
        #expect(CP1252.encode("e\u{301}") == [0xE9])  // é written with a combining acute composes
        #expect(CP1252.encode("👍🏽!") == [0x3F, 0x21])
        #expect(CP1252.encode("👨‍👩‍👧") == [0x3F])
        #expect(CP1252.encode("≥ 5") == [0x3F, 0x20, 0x35])
        #expect(CP1252.encode("Ţ") == [0x3F])
    }
}
