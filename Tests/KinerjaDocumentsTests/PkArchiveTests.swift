import Foundation
import KinerjaCore
import KinerjaDocuments
import Testing
import ZIPFoundation

@Suite struct PkArchiveTests {
    static let url = "https://kinerja.kotacontoh.go.id/verifikasi/pk/1"

    @Test func a_zip_of_pk_pdfs_opens_with_every_entry() throws {
        let levels: [(String, PkLevel)] = [("pk-wali-kota.pdf", .pemda), ("pk-dinkes.pdf", .jpt),
                                                ("bidang/pk-yankes.pdf", .administrator)]
        let entries = try levels.map { name, level in
            (name: name, bytes: try PkPdf.render(PkSample.document(level: level), verifyURL: Self.url))
        }
        let zip = try PkArchive.zip(entries)
        let archive = try Archive(data: Data(zip), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == levels.map(\.0))
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            #expect(data.starts(with: Data("%PDF-".utf8)), "\(entry.path)")
            #expect(data == Data(entries.first { $0.name == entry.path }!.bytes))
        }
    }

    @Test func duplicate_names_are_refused() {
        let pdf: [UInt8] = Array("%PDF-1.3".utf8)
        #expect(throws: PkArchiveError.duplicateName("PK.pdf")) {
            try PkArchive.zip([(name: "pk.pdf", bytes: pdf), (name: "PK.pdf", bytes: pdf)])
        }
    }

    @Test(arguments: ["", "/etc/pk.pdf", "../pk.pdf", "a/../../pk.pdf", "a\\pk.pdf", "a//pk.pdf", "dir/"])
    func unsafe_names_are_refused(name: String) {
        #expect(throws: PkArchiveError.invalidName(name)) {
            try PkArchive.zip([(name: name, bytes: [0x25])])
        }
    }

    @Test func an_empty_list_is_an_empty_archive() throws {
        let archive = try Archive(data: Data(try PkArchive.zip([])), accessMode: .read)
        #expect(Array(archive).isEmpty)
    }
}
