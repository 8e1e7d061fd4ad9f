import KinerjaCore
import Testing
@testable import KinerjaDocuments

/// Uploaded emblems go through `PngSanitizer` before libharu sees them: libharu aborts the process on a damaged PNG.
@Suite struct PngSanitizerTests {
    @Test func a_good_png_comes_back_clean_and_draws() throws {
        let clean = try PngSanitizer.sanitize(TestImages.emblemPNG)
        #expect(clean.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try PkPdf.render(PkSample.document(), verifyURL: "https://kinerja.example/v", logoPNG: clean)
        #expect(pdf.count > 1_000)
    }

    @Test func damaged_pngs_are_refused_without_crashing() {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let broken = [
            signature + [UInt8](repeating: 7, count: 200),
            Array(TestImages.emblemPNG.dropLast(20)),
            TestImages.emblemPNG.enumerated().map { $0.offset == 60 ? $0.element ^ 0xFF : $0.element },
            Array("not a png".utf8),
        ]
        for bytes in broken {
            #expect(throws: PngSanitizer.Failure.self) { try PngSanitizer.sanitize(bytes) }
        }
    }

    @Test func a_huge_claimed_size_is_refused_before_allocating() throws {
        // IHDR says 60000 × 60000; the CRC is recomputed so that only the size is wrong.
        var bytes = TestImages.emblemPNG
        let width: [UInt8] = [0x00, 0x00, 0xEA, 0x60]
        bytes.replaceSubrange(16..<20, with: width)
        bytes.replaceSubrange(20..<24, with: width)
        let crc = crc32(Array(bytes[12..<29]))
        bytes.replaceSubrange(29..<33, with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        #expect(throws: PngSanitizer.Failure.tooLarge(width: 60_000, height: 60_000)) { try PngSanitizer.sanitize(bytes) }
    }

    /// The PNG chunk CRC (ISO 3309), for building the test input only.
    func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
