import Fluent
import KinerjaCore
import KinerjaStore
import Vapor

/// The super admin's way to add a nomenclature version when Kemendagri publishes one.
struct NomenklaturImportController: Sendable {
    struct Upload: Content {
        var kode: String
        var nama: String
        var dasar: String
        var tahun: String
        var berkas: File
    }

    @Sendable func form(_ req: Request) async throws -> Response {
        try req.authorize(.create, Subject(.nomenklatur, pemda: nil))
        return HTMLResponse.make(NomenklaturImportPage.render(values: [:], errors: FormErrors(), issues: [], csrf: req.csrfToken))
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        try req.authorize(.create, Subject(.nomenklatur, pemda: nil))
        let form = try req.content.decode(Upload.self)
        let values = ["kode": form.kode, "nama": form.nama, "dasar": form.dasar, "tahun": form.tahun]
        func refuse(_ errors: FormErrors, _ issues: [ImportIssue], status: HTTPResponseStatus = .unprocessableEntity) -> Response {
            HTMLResponse.make(NomenklaturImportPage.render(values: values, errors: errors, issues: issues, csrf: req.csrfToken),
                              status: status)
        }
        // Checked, not repaired: a file saved in another encoding would otherwise be stored with broken names.
        guard form.berkas.data.readableBytes > 0,
              let text = String(validating: Array(form.berkas.data.readableBytesView), as: UTF8.self)
        else {
            var errors = FormErrors()
            errors.general = L("Pilih berkas CSV (UTF-8).", "Choose a CSV file (UTF-8).")
            return refuse(errors, [])
        }
        do {
            let metadata = NomenklaturImporter.Metadata(
                code: form.kode.trimmingCharacters(in: .whitespaces), name: form.nama.trimmingCharacters(in: .whitespaces),
                legalBasis: form.dasar.trimmingCharacters(in: .whitespaces), effectiveYear: Int(form.tahun) ?? 0,
                source: "unggahan: \(form.berkas.filename.prefix(200))")
            let result = try await NomenklaturImporter.importVersion(csv: text, metadata: metadata, audit: req.auditContext,
                                                                      on: req.db)
            _ = result
            return req.redirectSaved(to: SiteURL.nomenklatur.url(["versi": metadata.code]))
        } catch let refused as NomenklaturImporter.Refused {
            return refuse(FormErrors(), refused.issues)
        } catch let violation as any Refusal {
            return refuse(FormErrors(violation), [], status: violation.status)
        }
    }
}
