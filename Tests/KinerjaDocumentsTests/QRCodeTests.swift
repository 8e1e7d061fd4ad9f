import Foundation
import KinerjaDocuments
import Testing

@Suite struct QRCodeTests {
    @Test func a_short_text_is_a_version_1_symbol_with_its_finder_patterns() throws {
        let code = try QRCode(encoding: "PK-2027")
        #expect(code.width == 21)
        #expect(code.modules.count == 21 * 21)
        // The three finder patterns: dark corners, with the light ring inside.
        for (x, y) in [(0, 0), (20, 0), (0, 20)] { #expect(code.isDark(x: x, y: y)) }
        #expect(!code.isDark(x: 1, y: 1))
        #expect(code.isDark(x: 3, y: 3))
    }

    @Test func a_verification_link_needs_a_larger_version() throws {
        let code = try QRCode(encoding: "https://kinerja.kotacontoh.go.id/verifikasi/pk/5f0c2b7e-9a51-4c8e-b1d2-7a4e3c9d2f10")
        #expect(code.width > 21)
        #expect((code.width - 17) % 4 == 0)
    }

    @Test func empty_text_is_refused() {
        #expect(throws: QRCodeError.self) { try QRCode(encoding: "") }
    }

    @Test func svg_has_the_quiet_zone_and_one_path() throws {
        let code = try QRCode(encoding: "PK-2027")
        let svg = code.svg(moduleSize: 5)
        let side = 21 + 2 * QRCode.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"\(side * 5)\" height=\"\(side * 5)\" viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(svg.contains("M4 4h7v1h-7z") || svg.contains("M4 4h7v"))
        #expect(svg.hasSuffix("</svg>"))
    }
}
