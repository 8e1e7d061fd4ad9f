import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import SQLKit
import Vapor

/// A PK as a document: the printable page, the PDF (PermenPAN-RB 53/2014 layout) and a ZIP of a year's PKs.
/// A signed PK is always shown from its sealed bytes; a draft from its rows as they are now, marked as a draft.
struct PkDocumentController: Sendable {
    /// What a document of a PK is made from: the sealed document, or the draft's content.
    struct Source {
        var pkID: UUID
        var document: PkDocument
        var sha256: String?
        var unitCode: String?
        var jabatanName: String
        var year: Int
        var version: Int
    }

    @Sendable func print(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let source = try await Self.source(req, pemda: pemda, pkID: try req.uuid(SiteURL.Key.pk))
        return HTMLResponse.make(PkPrintPage.render(source.document, sha256: source.sha256,
                                                    verifyURL: Self.verifyURL(req, source.pkID), isDraft: source.sha256 == nil))
    }

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        let source = try await Self.source(req, pemda: pemda, pkID: try req.uuid(SiteURL.Key.pk))
        return try await Self.pdfResponse(req, pemda: pemda, source)
    }

    /// One statement for a sealed PK (its stored document); a draft is put together from its content.
    static func source(_ req: Request, pemda: PemdaInfo, pkID: UUID) async throws -> Source {
        let organisation = try await req.organisation(of: pemda)
        guard let row = try await req.db.sql.raw("""
            SELECT pk.jabatan_id, pk.unit_id, pk.year, pk.version, s.document, s.sha256
            FROM pk LEFT JOIN pk_seal s ON s.pk_id = pk.id WHERE pk.id = \(bind: pkID) AND pk.pemda_id = \(bind: pemda.id)
            """).first()
        else { throw Abort(.notFound) }
        let jabatanID = try row.decode(column: "jabatan_id", as: UUID.self)
        let unitCode = try row.decode(column: "unit_id", as: UUID?.self).flatMap { organisation.units[$0]?.code }
        let jabatanName = organisation.positions[jabatanID]?.name ?? "jabatan"
        let year = try row.decode(column: "year", as: Int.self)
        let version = try row.decode(column: "version", as: Int.self)
        if let stored = try row.decode(column: "document", as: String?.self) {
            return Source(pkID: pkID, document: try req.application.documents.document(stored: stored),
                          sha256: try row.decode(column: "sha256", as: String?.self), unitCode: unitCode,
                          jabatanName: jabatanName, year: year, version: version)
        }
        guard let content = try await PkContent.load(pkID, pemdaID: pemda.id, organisation: organisation, page: false, on: req.db)
        else { throw Abort(.notFound) }
        let document = PkDocumentBuilder.document(content, pemda: pemda, organisation: organisation,
                                                  wording: try await PkWording.load(pemda: pemda, on: req.db), date: req.today(in: pemda))
        return Source(pkID: pkID, document: document, sha256: nil, unitCode: unitCode, jabatanName: jabatanName, year: year,
                      version: version)
    }

    static func pdfResponse(_ req: Request, pemda: PemdaInfo, _ source: Source) async throws -> Response {
        let logo = try await logoBytes(req, pemdaID: pemda.id)
        let verifyURL = Self.verifyURL(req, source.pkID)
        let render = {
            try PkPdf.render(source.document, verifyURL: verifyURL,
                             footer: source.sha256.map { "SHA-256: \($0)" } ?? "DRAF: belum ditandatangani, bukan dokumen resmi.",
                             logoPNG: logo?.bytes, draft: source.sha256 == nil)
        }
        // A sealed PK's PDF is the same bytes every time for the same emblem and address: made once.
        let bytes = try source.sha256.map { sha in
            try req.application.documents.pdf(key: sha + "|" + (logo?.hash ?? "") + "|" + verifyURL, make: render)
        } ?? render()
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        headers.setDisposition("inline", filename: filename(year: source.year, unitCode: source.unitCode,
                                                            jabatan: source.jabatanName, version: source.version))
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// The Pemda's emblem, and a hash naming it for the PDF cache.
    static func logoBytes(_ req: Request, pemdaID: UUID) async throws -> (bytes: [UInt8], hash: String)? {
        guard let text = try await req.db.sql.raw("SELECT logo_png FROM pk_setting WHERE pemda_id = \(bind: pemdaID)").first()?
            .decode(column: "logo_png", as: String?.self), let data = Data(base64Encoded: text)
        else { return nil }
        return (Array(data), PkCanonical.sha256Hex(data))
    }

    /// Every PK in force (the newest signed version) of the Pemda, or of one unit and its sub-units, for a year.
    @Sendable func zip(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.export, Subject(.pk, pemda: pemda.code))
        let year = req.year(in: pemda)
        let organisation = try await req.organisation(of: pemda)
        let unitFilter: Set<UUID>? = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:)).map { root in
            Set(Hierarchy.subtree(of: root, children: Dictionary(grouping: organisation.units.values.filter { $0.parent != nil }) { $0.parent! }
                .mapValues { $0.map(\.id) }))
        }
        // One statement for the whole archive: a Pemda signs some 500 PKs a year.
        struct Signed: PkVersioned { var id: UUID; var jabatan: UUID; var unit: UUID?; var version: Int; var status: PkStatus; var document: String; var sha: String }
        let signed = try await req.db.sql.raw("""
            SELECT pk.id, pk.jabatan_id, pk.unit_id, pk.version, pk.status, s.document, s.sha256
            FROM pk JOIN pk_seal s ON s.pk_id = pk.id WHERE pk.pemda_id = \(bind: pemda.id) AND pk.year = \(bind: year)
            """).all().map { row in
            Signed(id: try row.decode(column: "id", as: UUID.self), jabatan: try row.decode(column: "jabatan_id", as: UUID.self),
                   unit: try row.decode(column: "unit_id", as: UUID?.self), version: try row.decode(column: "version", as: Int.self),
                   status: PkStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .ditandatangani,
                   document: try row.decode(column: "document", as: String.self), sha: try row.decode(column: "sha256", as: String.self))
        }.filter { pk in unitFilter.map { filter in pk.unit.map(filter.contains) ?? false } ?? true }
        let logo = try await Self.logoBytes(req, pemdaID: pemda.id)
        var entries: [(name: String, bytes: [UInt8])] = []
        for pk in PkVersions.latestOfEach(signed, by: \.jabatan) {
            let document = try req.application.documents.document(stored: pk.document)
            let verifyURL = Self.verifyURL(req, pk.id)
            let bytes = try req.application.documents.pdf(key: pk.sha + "|" + (logo?.hash ?? "") + "|" + verifyURL) {
                try PkPdf.render(document, verifyURL: verifyURL, footer: "SHA-256: \(pk.sha)", logoPNG: logo?.bytes)
            }
            entries.append((Self.filename(year: year, unitCode: pk.unit.flatMap { organisation.units[$0]?.code },
                                          jabatan: organisation.positions[pk.jabatan]?.name ?? "jabatan", version: pk.version), bytes))
        }
        entries.sort { $0.name < $1.name }
        let archive = try PkArchive.zip(entries)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        headers.setDisposition("attachment", filename: "PK-\(Self.safe(pemda.code))-\(year).zip")
        return Response(status: .ok, headers: headers, body: .init(data: Data(archive)))
    }

    static func verifyURL(_ req: Request, _ pkID: UUID) -> String {
        req.publicBaseURL + SiteURL.verify(.value(pkID)).path
    }

    /// `PK-2027-1.02.0.00.0.00.01.0000-Kepala-Dinas-Kesehatan-v0.pdf`: readable, unique per position and version, and
    /// made only of letters, digits, dots and hyphens, whatever the names hold (a file name in a ZIP or a header).
    static func filename(year: Int, unitCode: String?, jabatan: String, version: Int) -> String {
        "PK-\(year)-\(safe(unitCode ?? "pemda"))-\(safe(jabatan))-v\(version).pdf"
    }

    static func safe(_ text: String) -> String {
        let kept = text.unicodeScalars.prefix(120).map { scalar -> String in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == ".") ? String(scalar) : "-"
        }.joined()
        let parts = kept.split(separator: "-").filter { !$0.isEmpty && $0.allSatisfy { $0 == "." } == false }
        return parts.isEmpty ? "x" : parts.joined(separator: "-")
    }
}

extension Application {
    private struct DocumentCacheKey: StorageKey { typealias Value = DocumentCache }

    /// Set by `configure`.
    var documents: DocumentCache {
        get { storage[DocumentCacheKey.self] ?? DocumentCache() }
        set { storage[DocumentCacheKey.self] = newValue }
    }
}

extension Request {
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}
