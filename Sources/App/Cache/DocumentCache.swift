import Foundation
import KinerjaCore
import KinerjaStore

/// What is made from a sealed PK never changes: its document (decoded once from the stored bytes) and its PDF
/// (rendered once per emblem and verification address). Kept here by the SHA-256 of what they are made from, so a
/// changed byte is simply another entry; bounded, so memory stays flat.
final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [String: PkDocument] = [:]
    private var pdfs: [String: [UInt8]] = [:]
    private var pdfBytes = 0
    static let maxPDFBytes = 64 << 20

    func document(stored text: String) throws -> PkDocument {
        let bytes = Data(text.utf8)
        let key = PkCanonical.sha256Hex(bytes)
        if let known = lock.withLock({ documents[key] }) { return known }
        let document = try PkCanonical.decode(bytes)
        lock.withLock {
            if documents.count > 5_000 { documents.removeAll() }
            documents[key] = document
        }
        return document
    }

    func pdf(key: String, make: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let known = lock.withLock({ pdfs[key] }) { return known }
        let bytes = try make()
        lock.withLock {
            if pdfBytes + bytes.count > Self.maxPDFBytes {
                pdfs.removeAll()
                pdfBytes = 0
            }
            pdfs[key] = bytes
            pdfBytes += bytes.count
        }
        return bytes
    }
}
