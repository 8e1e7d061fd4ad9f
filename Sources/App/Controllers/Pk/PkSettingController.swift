import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// A Pemda's PK settings (admin): place, deadline rule, the statement's wording and the letterhead emblem.
struct PkSettingController: Sendable {
    static let maxLogoUpload = PkSettingRules.maxLogoBytes + 64 * 1024

    @Sendable func form(_ req: Request) async throws -> Response {
        let pemda = try await scope(req)
        return try await render(req, pemda, values: nil, errors: FormErrors(), status: .ok)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let pemda = try await scope(req)
        let f = try req.formFields()
        do {
            func number(_ field: InputField) throws(RuleViolation) -> Int {
                guard let value = Int(f[FieldNames.plain.name(field)] ?? "") else {
                    throw RuleViolation(code: "form.number", field: field, message: Message(id: "Tulis bilangan bulat.", en: "Write a whole number."))
                }
                return value
            }
            let input = PemdaWriter.PkSettingInput(
                place: f["tempat"] ?? "",
                rule: PkDeadlineRule(monthsAfterDpa: try number(.months), remindDaysBefore: try number(.reminderDays)),
                bilateral: PkStatementTemplate(opening: f["pembuka"] ?? "", promise: f["janji"] ?? "", supervision: f["pengawasan"] ?? ""),
                unilateral: PkStatementTemplate(opening: f["pembuka_kd"] ?? "", promise: f["janji_kd"] ?? "", supervision: nil))
            try await writer(req, pemda).savePkSetting(input)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .pkSettings).path)
        } catch let violation as any Refusal {
            return try await render(req, pemda, values: f, errors: FormErrors(violation), status: violation.status)
        }
    }

    struct LogoUpload: Content {
        var logo: File?
        var hapus: String?
    }

    /// The emblem must be a PNG that decodes completely; a clean copy is kept, tried on a sample PK first.
    @Sendable func logo(_ req: Request) async throws -> Response {
        let pemda = try await scope(req)
        let upload = try req.content.decode(LogoUpload.self)
        do {
            if upload.hapus == "1" {
                try await writer(req, pemda).setPkLogo(png: nil)
            } else {
                guard let file = upload.logo, file.data.readableBytes > 0 else {
                    throw RuleViolation(code: "pk.logo", field: .logo,
                                        message: Message(id: "Pilih berkas PNG logo Pemda.", en: "Choose the Pemda's emblem as a PNG file."))
                }
                let bytes = Array(file.data.readableBytesView)
                guard bytes.starts(with: PkSettingRules.pngSignature), bytes.count <= PkSettingRules.maxLogoBytes else {
                    throw RuleViolation(code: "pk.logo", field: .logo,
                        message: Message(id: "Logo harus berkas PNG paling besar \(PkSettingRules.maxLogoBytes / 1024) KB.",
                                         en: "The emblem must be a PNG file of at most \(PkSettingRules.maxLogoBytes / 1024) KB."))
                }
                let clean: [UInt8]
                do {
                    clean = try PngSanitizer.sanitize(bytes)
                    _ = try PkPdf.render(PkSample.document(), verifyURL: "https://kinerja.example/verifikasi", logoPNG: clean)
                } catch PngSanitizer.Failure.tooLarge(let width, let height) {
                    throw RuleViolation(code: "pk.logoTooLarge", field: .logo,
                        message: Message(id: "Gambar logo \(width) × \(height) piksel; paling besar \(PngSanitizer.maxSide) × \(PngSanitizer.maxSide).",
                                         en: "The emblem is \(width) × \(height) pixels; at most \(PngSanitizer.maxSide) × \(PngSanitizer.maxSide)."))
                } catch {
                    throw RuleViolation(code: "pk.logoUnreadable", field: .logo,
                        message: Message(id: "Berkas PNG itu tidak dapat dibaca (mungkin rusak).",
                                         en: "That PNG cannot be read (it may be damaged)."))
                }
                try await writer(req, pemda).setPkLogo(png: clean)
            }
            return req.redirectSaved(to: SiteURL.of(pemda.code, .pkSettings).path)
        } catch let violation as any Refusal {
            return try await render(req, pemda, values: nil, errors: FormErrors(violation), status: violation.status)
        }
    }

    /// The emblem as an image, for the settings page.
    @Sendable func logoImage(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        guard let bytes = try await PkDocumentBuilder.setting(pemdaID: pemda.id, on: req.db)?.logoBytes else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = .png
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    func scope(_ req: Request) async throws -> PemdaInfo {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.pk, pemda: pemda.code))
        return pemda
    }

    func writer(_ req: Request, _ pemda: PemdaInfo) throws -> PemdaWriter {
        try req.writer(for: pemda)
    }

    func render(_ req: Request, _ pemda: PemdaInfo, values: [String: String]?, errors: FormErrors, status: HTTPResponseStatus)
        async throws -> Response
    {
        let setting = try await PkDocumentBuilder.setting(pemdaID: pemda.id, on: req.db)
        let bilateral = setting?.template(for: .jpt) ?? .bilateral
        let unilateral = setting?.template(for: .pemda) ?? .unilateral
        let rule = setting?.rule ?? PkDeadlineRule()
        let current = [
            "tempat": setting?.place ?? pemda.seat, "bulan": String(rule.monthsAfterDpa),
            "pengingat": String(rule.remindDaysBefore), "pembuka": bilateral.opening, "janji": bilateral.promise,
            "pengawasan": bilateral.supervision ?? "", "pembuka_kd": unilateral.opening, "janji_kd": unilateral.promise,
        ]
        return HTMLResponse.make(PkSettingPage.render(pemda, values: values ?? current, hasLogo: setting?.logoPNG != nil,
                                                      saved: req.query[String.self, at: "tersimpan"] == "1", errors: errors,
                                                      csrf: req.csrfToken), status: status)
    }
}
