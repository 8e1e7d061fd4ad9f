import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// Imports from XLSX and CSV: a template to download, an upload that shows what would change (nothing is written),
/// and an apply that writes it all in one transaction or nothing.
struct ImportController: Sendable {
    @Sendable func index(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pegawai)
        let kinds = ImportKinds.all.filter { Layout.may(.create, Subject($0.resource, pemda: pemda.code)) }
        if kinds.isEmpty { try req.authorize(.create, Subject(.pegawai, pemda: pemda.code)) }
        return HTMLResponse.make(ImportPages.index(pemda, kinds: kinds, csrf: req.csrfToken))
    }

    @Sendable func template(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pegawai)
        let file = req.parameters.get(SiteURL.Key.file) ?? ""
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ImportKinds.named(parts[0]), ["xlsx", "csv"].contains(parts[1]) else { throw Abort(.notFound) }
        try req.authorize(.create, Subject(kind.resource, pemda: pemda.code))
        var headers = HTTPHeaders()
        headers.setDisposition("attachment", filename: "templat-\(kind.slug).\(parts[1])")
        if parts[1] == "csv" {
            let stream = OutputStream(toMemory: ())
            try ImportTemplateFile.csv(kind.template, to: stream)
            headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("templat-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ImportTemplateFile.xlsx(kind.template, locale: { $0.text }, to: path)
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        return Response(status: .ok, headers: headers, body: .init(data: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    struct Upload: Content {
        var berkas: File
    }

    struct Apply: Content {
        var berkas: String
    }

    @Sendable func preview(_ req: Request) async throws -> Response {
        let (pemda, kind) = try await scope(req)
        if (req.body.data?.readableBytes ?? 0) > ImportFile.maxBytes + 64 * 1024 {
            return HTMLResponse.make(ImportPages.index(pemda, kinds: [kind], csrf: req.csrfToken, error: ImportFile.tooLarge),
                                     status: .payloadTooLarge)
        }
        let upload = try req.content.decode(Upload.self)
        guard upload.berkas.data.readableBytes > 0 else {
            return HTMLResponse.make(ImportPages.index(pemda, kinds: [kind], csrf: req.csrfToken,
                                                       error: L("Pilih berkas XLSX atau CSV.", "Choose an XLSX or CSV file.")),
                                     status: .unprocessableEntity)
        }
        // The route gathers at most this much from the network; a body handed over whole is checked here too.
        guard upload.berkas.data.readableBytes <= ImportFile.maxBytes else {
            return HTMLResponse.make(ImportPages.index(pemda, kinds: [kind], csrf: req.csrfToken, error: ImportFile.tooLarge),
                                     status: .payloadTooLarge)
        }
        let token = UUID()
        let url = try store(req, token: token, data: upload.berkas.data)
        do {
            let plan = try await kind.plan(file: url, writer: try req.writer(for: pemda))
            if !plan.canApply { try? FileManager.default.removeItem(at: url) }
            return HTMLResponse.make(ImportPages.preview(pemda, kind: kind, plan: plan, file: upload.berkas.filename,
                                                         token: plan.canApply ? token : nil, csrf: req.csrfToken),
                                     status: plan.issues.isEmpty ? .ok : .unprocessableEntity)
        } catch let refused as SpreadsheetError {
            try? FileManager.default.removeItem(at: url)
            return HTMLResponse.make(ImportPages.index(pemda, kinds: [kind], csrf: req.csrfToken, error: refused.message.text),
                                     status: .unprocessableEntity)
        }
    }

    @Sendable func apply(_ req: Request) async throws -> Response {
        let (pemda, kind) = try await scope(req)
        let form = try req.content.decode(Apply.self)
        guard let token = UUID(uuidString: form.berkas), let url = stored(req, token: token) else {
            return HTMLResponse.make(ImportPages.index(pemda, kinds: [kind], csrf: req.csrfToken, error: L(
                "Berkas pratinjau sudah tidak ada (kedaluwarsa atau sudah diterapkan). Unggah ulang.",
                "The previewed file is gone (expired or already applied). Upload it again.")), status: .gone)
        }
        do {
            let plan = try await kind.apply(file: url, writer: try req.writer(for: pemda), source: "impor \(kind.slug)")
            try? FileManager.default.removeItem(at: url)
            return HTMLResponse.make(ImportPages.applied(pemda, kind: kind, plan: plan))
        } catch let refused as ImportRefused {
            var plan = ImportPlan()
            plan.issues = refused.issues
            return HTMLResponse.make(ImportPages.preview(pemda, kind: kind, plan: plan, file: "", token: nil, csrf: req.csrfToken),
                                     status: .unprocessableEntity)
        }
    }

    private func scope(_ req: Request) async throws -> (PemdaInfo, any ImportKind) {
        let pemda = try await req.pemda(reading: .pegawai)
        guard let kind = ImportKinds.named(req.parameters.get(SiteURL.Key.kind) ?? "") else { throw Abort(.notFound) }
        try req.authorize(.create, Subject(kind.resource, pemda: pemda.code))
        try req.authorize(.update, Subject(kind.resource, pemda: pemda.code))
        return (pemda, kind)
    }

    /// Uploads wait for their apply under the data folder, one folder per user: another user's token finds nothing.
    /// Files older than a day are removed on the next upload.
    private func folder(_ req: Request) throws -> URL {
        let user = req.auditContext.userID?.uuidString ?? "anon"
        let url = URL(fileURLWithPath: req.application.config.dataDirectory).appendingPathComponent("impor").appendingPathComponent(user)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func store(_ req: Request, token: UUID, data: ByteBuffer) throws -> URL {
        let folder = try folder(req)
        let cutoff = Date().addingTimeInterval(-86_400)
        for old in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [] {
            if let modified = try? old.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, modified < cutoff {
                try? FileManager.default.removeItem(at: old)
            }
        }
        let url = folder.appendingPathComponent(token.uuidString)
        try Data(data.readableBytesView).write(to: url)
        return url
    }

    private func stored(_ req: Request, token: UUID) -> URL? {
        guard let url = try? folder(req).appendingPathComponent(token.uuidString), FileManager.default.fileExists(atPath: url.path) else {
            return nil
        }
        return url
    }
}
