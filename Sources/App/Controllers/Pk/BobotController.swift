import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The weights of the RPJMD's misi, tujuan and sasaran in the Pemda's capaian: one form, one save, by the Admin Pemda.
struct BobotController: Sendable {
    struct Form: Content {
        var bobot: [String: String]?
    }

    @Sendable func form(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.pemda, pemda: pemda.code))
        return try await render(req, pemda, values: nil, errors: FormErrors(), status: .ok)
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let pemda = try await req.pemda(reading: .pk)
        try req.authorize(.update, Subject(.pemda, pemda: pemda.code))
        let form = try req.content.decode(Form.self)
        var raw: [UUID: String] = [:]
        var echo: [String: String] = [:]
        for (key, value) in (form.bobot ?? [:]).prefix(Limits.rows + 1) {
            let text = String(value.prefix(Limits.shortText))
            echo[String(key.prefix(36))] = text
            guard let id = UUID(uuidString: String(key.prefix(36))) else { continue }
            raw[id] = text
        }
        do {
            try await req.writer(for: pemda).setCapaianBobot(raw)
            return req.redirectSaved(to: SiteURL.of(pemda.code, .bobot).url(["tahun": String(req.year(in: pemda))]))
        } catch let violation as any Refusal {
            return try await render(req, pemda, values: echo, errors: FormErrors(violation.violations, names: .bobot),
                                    status: violation.status)
        }
    }

    func render(_ req: Request, _ pemda: PemdaInfo, values: [String: String]?, errors: FormErrors,
                status: HTTPResponseStatus) async throws -> Response
    {
        let year = req.year(in: pemda)
        let nodes = try await CapaianBoard.strategic(pemdaID: pemda.id, year: year, on: req.db)
        return HTMLResponse.make(BobotPage.render(BobotPage.Model(pemda: pemda, year: year, order: CapaianBoard.depthFirst(nodes),
                                                                  values: values, errors: errors, csrf: req.csrfToken)),
                                 status: status)
    }
}

extension FieldNames {
    /// The weights form: `bobot[<node id>]`.
    static let bobot = FieldNames(custom: { field in
        guard case .keyed(let key, .weight) = field else { return nil }
        return "bobot[\(key)]"
    })
}
