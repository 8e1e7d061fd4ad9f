import Foundation
import ZIPFoundation

/// A ZIP of documents for download (every PK of a unit or a Pemda in one file), built in memory with ZIPFoundation.
public enum PkArchive {
    /// Deflated, although each PDF's page content is deflated already: its font and cross-reference tables are
    /// not, and a ZIP of 500 PKs comes out about a quarter smaller for some 80 ms more (docs/documents.md).
    static var compression: CompressionMethod { .deflate }

    /// The archive's bytes. Names are paths inside the archive ("pk/2027/dinas-kesehatan.pdf"); each must be
    /// unique, ignoring case (Windows, where most Pemda offices unpack, would overwrite one with the other), and
    /// must not be absolute or climb out with "..". `modified` is the time stamp of every entry.
    public static func zip(_ entries: [(name: String, bytes: [UInt8])], modified: Date = Date()) throws -> [UInt8] {
        var seen = Set<String>()
        for entry in entries {
            try check(entry.name)
            guard seen.insert(entry.name.lowercased()).inserted else {
                throw PkArchiveError.duplicateName(entry.name)
            }
        }
        let archive = try Archive(accessMode: .create)
        for entry in entries {
            let bytes = entry.bytes
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: modified, compressionMethod: compression) { position, size in
                let start = Int(position)
                return Data(bytes[start..<min(start + size, bytes.count)])
            }
        }
        guard let data = archive.data else { throw PkArchiveError.noArchiveData }
        return [UInt8](data)
    }

    private static func check(_ name: String) throws {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.hasSuffix("/"),
              !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else { throw PkArchiveError.invalidName(name) }
    }
}

public enum PkArchiveError: Error, Sendable, Hashable {
    /// Two entries with the same name (compared ignoring case).
    case duplicateName(String)
    /// Empty, absolute, with a backslash, or with an empty, "." or ".." component.
    case invalidName(String)
    /// ZIPFoundation gave no bytes for an in-memory archive.
    case noArchiveData
}
