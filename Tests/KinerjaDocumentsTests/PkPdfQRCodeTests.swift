import Foundation
import KinerjaDocuments
import Testing

/// The QR code on page 1 must scan back to the verification link, as a phone would read a printed PK.
@Suite struct PkPdfQRCodeTests {
    @Test(arguments: [
        "https://kinerja.kotacontoh.go.id/verifikasi/pk/5f0c2b7e-9a51-4c8e-b1d2-7a4e3c9d2f10",
        "http://localhost:8080/verifikasi/pk/1?t=AbC-123_xyz",
    ])
    func page_one_qr_code_scans_to_the_verify_url(url: String) throws {
        let pdf = try PkPdf.render(PkSample.document(), verifyURL: url, footer: "SHA-256 00ff")
        let file = try ExternalTools.write(pdf)
        let prefix = file.deletingLastPathComponent().appendingPathComponent("page1").path
        _ = try ExternalTools.run(ExternalTools.pdftoppm, ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile",
                                                           file.path, prefix])
        let decoded = try ExternalTools.run(ExternalTools.zbarimg, ["--raw", "-q", prefix + ".png"])
        #expect(decoded.trimmingCharacters(in: .newlines) == url)
    }
}
