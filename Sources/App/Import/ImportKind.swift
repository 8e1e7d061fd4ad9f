import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore

/// One kind of import: its template, who may run it, and how a file becomes a plan and is applied. The web pages
/// and `kinerja import` go through the same kind.
protocol ImportKind: Sendable {
    /// The kind's name in URLs and on the command line.
    var slug: String { get }
    var template: ImportTemplate { get }
    /// What the import writes, for `Policy`.
    var resource: Resource { get }
    func plan(file: URL, writer: PemdaWriter) async throws -> ImportPlan
    /// Writes everything in one transaction, or throws `ImportRefused` having written nothing.
    func apply(file: URL, writer: PemdaWriter, source: String) async throws -> ImportPlan
}

enum ImportKinds {
    static let all: [any ImportKind] = [PegawaiImportKind()]

    static func named(_ slug: String) -> (any ImportKind)? { all.first { $0.slug == slug } }
}

/// Reads every row of an import file off the event loop (the parsers are synchronous) into the kind's records.
enum ImportFile {
    /// The largest file taken: a year's realisation of a large Pemda is a few MB of XLSX.
    static let maxBytes = 20 << 20
    static var tooLarge: String {
        L("Berkas terlalu besar: paling besar 20 MB. Pecah berkas menjadi beberapa bagian.",
          "The file is too large: 20 MB at most. Split it into several files.")
    }

    static func records<R: Sendable>(_ url: URL, template: ImportTemplate,
                                     _ read: @escaping @Sendable (RawRow, ImportTemplate.Layout, String) -> Result<R, ImportIssues>)
        async throws -> (records: [R], issues: [ImportIssue], sheet: String)
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    var records: [R] = []
                    var issues: [ImportIssue] = []
                    var sheet = ImportTemplate.dataSheet
                    let headerIssues = try ImportReader.rows(url: url, template: template) { row, layout, name in
                        sheet = name
                        switch read(row, layout, name) {
                        case .success(let record): records.append(record)
                        case .failure(let found): if issues.count < ImportPlan.issueLimit { issues += found.all }
                        }
                    }
                    continuation.resume(returning: (records, headerIssues + issues, sheet))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

struct PegawaiImportKind: ImportKind {
    let slug = "pegawai"
    var template: ImportTemplate { PegawaiImport.template }
    let resource = Resource.pegawai

    func plan(file: URL, writer: PemdaWriter) async throws -> ImportPlan {
        let read = try await ImportFile.records(file, template: template, PegawaiImport.read)
        return try await PegawaiImporter(writer: writer).plan(read.records, issues: read.issues, sheet: read.sheet)
    }

    func apply(file: URL, writer: PemdaWriter, source: String) async throws -> ImportPlan {
        let read = try await ImportFile.records(file, template: template, PegawaiImport.read)
        guard read.issues.isEmpty else { throw ImportRefused(issues: read.issues) }
        return try await PegawaiImporter(writer: writer).apply(read.records, issues: read.issues, sheet: read.sheet, source: source)
    }
}
