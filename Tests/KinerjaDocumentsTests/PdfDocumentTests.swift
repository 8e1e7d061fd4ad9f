import KinerjaCore
@testable import KinerjaDocuments
import Testing

@Suite struct PdfDocumentTests {
    /// Pages must not keep their document alive: a cycle would leak every PDF's libharu memory (about 90 KB).
    @Test func a_document_with_pages_is_freed() throws {
        weak var released: PdfDocument?
        do {
            let pdf = try PdfDocument(compressed: true)
            let flow = try PageFlow(pdf: pdf)
            try flow.paragraph("Halaman pertama", size: 11)
            try flow.newPage()
            released = pdf
            #expect(pdf.pages.count == 2)
        }
        #expect(released == nil)
    }

    /// libharu keeps no state between documents, so renderings may run side by side (the server renders on
    /// several threads).
    @Test func renderings_in_parallel_give_identical_bytes() async throws {
        let doc = PkSample.document()
        let url = "https://kinerja.kotacontoh.go.id/verifikasi/pk/1"
        let expected = try PkPdf.render(doc, verifyURL: url)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<16 { group.addTask { try PkPdf.render(doc, verifyURL: url) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }
}
