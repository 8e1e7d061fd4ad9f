import CSV
import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// The audit trail for admins and the Inspektorat: filter by unit, user, record and dates; read it in words, a page
/// at a time; export it as CSV.
struct AuditController: Sendable {
    static let pageSize = 50
    /// An export holds at most this many changes; a narrower filter gets the rest.
    static let exportLimit = 50_000

    struct Query: Content {
        var unit: String?
        var pengguna: String?
        var entitas: String?
        var dari: String?
        var sampai: String?
        var halaman: Int?
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let (pemda, query, filter) = try await scope(req, operation: .read)
        let total = try await AuditQueries.count(pemdaID: pemda.id, filter: filter, on: req.db)
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, query.halaman ?? 1), pages)
        let rows = try await AuditQueries.events(pemdaID: pemda.id, filter: filter, limit: Self.pageSize,
                                                 offset: (page - 1) * Self.pageSize, on: req.db)
        let organisation = try await req.organisation(of: pemda)
        return HTMLResponse.make(AuditPage.render(AuditPage.Model(
            pemda: PemdaRef(pemda), zone: pemda.zone, rows: rows, organisation: organisation, query: query, total: total,
            page: page, pages: pages)))
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let (pemda, _, filter) = try await scope(req, operation: .export)
        let rows = try await AuditQueries.events(pemdaID: pemda.id, filter: filter, limit: Self.exportLimit, on: req.db)
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: ["waktu", "pengguna", "nama", "id_permintaan", "entitas", "id_entitas", "tindakan", "sebelum",
                               "sesudah", "alasan"])
        for row in rows {
            try writer.write(row: [Fmt.iso(row.at, zone: pemda.zone), row.username, row.displayName ?? "", row.requestID,
                                   row.entity, row.entityID.uuidString, row.action.rawValue, row.before ?? "", row.after ?? "",
                                   row.reason ?? ""].map(Self.cell))
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        var headers = HTTPHeaders([("Content-Type", "text/csv; charset=utf-8")])
        headers.setDisposition("attachment", filename: "audit-\(PkDocumentController.safe(pemda.code)).csv")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// A text cell made safe for a spreadsheet (`DelimitedTextWriter.safe`).
    static func cell(_ text: String) -> String { DelimitedTextWriter.safe(text) }

    func scope(_ req: Request, operation: AccessAction) async throws -> (PemdaInfo, Query, AuditQueries.Filter) {
        let pemda = try await req.pemda(reading: .audit)
        try req.authorize(operation, Subject(.audit, pemda: pemda.code))
        let query = (try? req.query.decode(Query.self)) ?? Query()
        // A day in the Pemda's own calendar: from its first second to its last.
        func bound(_ text: String?, end: Bool) -> Date? {
            guard let text, let day = Limits.date(text) else { return nil }
            let start = day.daysSinceEpoch * 86_400 - pemda.zone.offsetSeconds
            return Date(timeIntervalSince1970: TimeInterval(start + (end ? 86_399 : 0)))
        }
        let filter = AuditQueries.Filter(unitID: query.unit.flatMap(UUID.init(uuidString:)),
                                         username: query.pengguna.map { String($0.prefix(Limits.shortText)) },
                                         entity: query.entitas.map { String($0.prefix(64)) },
                                         from: bound(query.dari, end: false), to: bound(query.sampai, end: true))
        return (pemda, query, filter)
    }
}
