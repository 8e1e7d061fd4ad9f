import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// A PK as a document: the printable page, the PDF (PermenPAN-RB 53/2014 layout) and a ZIP of a year's PKs.
/// A signed PK is always shown from its sealed bytes; a draft from its rows as they are now, marked as a draft.
struct PkDocumentController: Sendable {
    @Sendable func print(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        let (document, sha) = try await Self.document(context.pk, on: req.db)
        return HTMLResponse.make(PkPrintPage.render(document, sha256: sha, verifyURL: Self.verifyURL(req, context.pk),
                                                    isDraft: sha == nil))
    }

    @Sendable func pdf(_ req: Request) async throws -> Response {
        let context = try await req.pkContext()
        return try await Self.pdfResponse(req, context.pk, filename: try await Self.filename(context.pk, on: req.db))
    }

    /// Every PK in force (the newest signed version) of the Pemda, or of one unit and its sub-units, for a year.
    @Sendable func zip(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.export, Subject(.pk, pemda: pemda.code))
        guard let year = req.query[Int.self, at: "tahun"] else { throw Abort(.badRequest, reason: "tahun") }
        let unitFilter = try await req.query[UUID.self, at: "unit"].asyncMap { root in
            let units = try await PemdaQueries.units(pemdaID: try pemda.requireID(), on: req.db)
            return Hierarchy.subtree(of: root, children: Dictionary(grouping: units.filter { $0.parentID != nil }) { $0.parentID! }
                .mapValues { $0.map(\.id) })
        }
        var query = Pk.query(on: req.db).filter(\.$pemda.$id == (try pemda.requireID())).filter(\.$year == year)
        if let unitFilter { query = query.filter(\.$unit.$id ~~ unitFilter) }
        let signed = try await query.all().filter { $0.status.isSigned }
        let inForce = Dictionary(grouping: signed) { $0.$jabatan.id }.compactMap { $0.value.max { $0.version < $1.version } }
        var entries: [(name: String, bytes: [UInt8])] = []
        let logo = try await PkDocumentBuilder.setting(pemdaID: pemda.requireID(), on: req.db)?.logoBytes
        // Loaded once for the whole archive: a Pemda signs some 500 PKs a year.
        let seals = Dictionary(try await PkSeal.query(on: req.db).filter(\.$pk.$id ~~ inForce.compactMap(\.id)).all()
            .map { ($0.$pk.id, $0) }, uniquingKeysWith: { a, _ in a })
        let positions = Dictionary(try await Jabatan.query(on: req.db).filter(\.$pemda.$id == (try pemda.requireID())).all()
            .map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let units = Dictionary(try await KinerjaStore.Unit.query(on: req.db).filter(\.$pemda.$id == (try pemda.requireID())).all()
            .map { ($0.id!, $0.code) }, uniquingKeysWith: { a, _ in a })
        for pk in inForce {
            guard let seal = seals[pk.id!] else { continue }
            let document = try PkCanonical.decode(Data(seal.document.utf8))
            let bytes = try PkPdf.render(document, verifyURL: Self.verifyURL(req, pk), footer: "SHA-256: \(seal.sha256)",
                                         logoPNG: logo)
            entries.append((Self.filename(year: pk.year, unitCode: pk.$unit.id.flatMap { units[$0] },
                                          jabatan: positions[pk.$jabatan.id] ?? "jabatan", version: pk.version), bytes))
        }
        entries.sort { $0.name < $1.name }
        let archive = try PkArchive.zip(entries)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        headers.contentDisposition = .init(.attachment, filename: "PK-\(pemda.code)-\(year).zip")
        return Response(status: .ok, headers: headers, body: .init(data: Data(archive)))
    }

    static func pdfResponse(_ req: Request, _ pk: Pk, filename: String) async throws -> Response {
        let (document, sha) = try await document(pk, on: req.db)
        let footer = sha.map { "SHA-256: \($0)" } ?? "DRAF: belum ditandatangani, bukan dokumen resmi."
        let logo = try await PkDocumentBuilder.setting(pemdaID: pk.$pemda.id, on: req.db)?.logoBytes
        let bytes = try PkPdf.render(document, verifyURL: verifyURL(req, pk), footer: footer, logoPNG: logo, draft: sha == nil)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        headers.contentDisposition = .init(.inline, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// The sealed document of a signed PK (and its hash), or a preview of a draft dated today.
    static func document(_ pk: Pk, on db: any Database) async throws -> (PkDocument, String?) {
        if let seal = try await PkSeal.query(on: db).filter(\.$pk.$id == pk.requireID()).first() {
            return (try PkCanonical.decode(Data(seal.document.utf8)), seal.sha256)
        }
        return (try await PkDocumentBuilder.build(pk, date: .todayInJakarta(), on: db), nil)
    }

    static func verifyURL(_ req: Request, _ pk: Pk) -> String {
        "\(req.publicBaseURL)/verifikasi/\((try? pk.requireID())?.uuidString ?? "")"
    }

    /// `PK-2027-1.02.0.00.0.00.01.0000-Kepala-Dinas-Kesehatan-v0.pdf`: readable, unique per position and version.
    static func filename(_ pk: Pk, on db: any Database) async throws -> String {
        let jabatan = try await Jabatan.find(pk.$jabatan.id, on: db)?.name ?? "jabatan"
        let unit = try await pk.$unit.id.asyncMap { try await KinerjaStore.Unit.find($0, on: db)?.code } ?? nil
        return filename(year: pk.year, unitCode: unit, jabatan: jabatan, version: pk.version)
    }

    static func filename(year: Int, unitCode: String?, jabatan: String, version: Int) -> String {
        let slug = jabatan.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }
            .joined().split(separator: "-").joined(separator: "-")
        return "PK-\(year)-\(unitCode ?? "pemda")-\(slug)-v\(version).pdf"
    }
}
