import CSV
import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// The audit trail for admins and the Inspektorat: filter by unit, user, entity and dates; export as CSV.
struct AuditController: Sendable {
    struct Query: Content {
        var unit: String?
        var pengguna: String?
        var entitas: String?
        var dari: String?
        var sampai: String?
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let (pemda, query, rows) = try await load(req, operation: .read)
        let units = try await PemdaQueries.units(pemdaID: pemda.requireID(), on: req.db)
        return HTMLResponse.make(AuditPage.html(pemda, rows: rows, units: units, query: query))
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let (pemda, _, rows) = try await load(req, operation: .export)
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: ["waktu", "pengguna", "id_permintaan", "entitas", "id_entitas", "tindakan", "sebelum",
                               "sesudah", "alasan"])
        let iso = ISO8601DateFormatter()
        for row in rows {
            try writer.write(row: [iso.string(from: row.at), row.username, row.requestID, row.entity,
                                   row.entityID.uuidString, row.action.rawValue, row.before ?? "", row.after ?? "",
                                   row.reason ?? ""])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        var headers = HTTPHeaders([("Content-Type", "text/csv; charset=utf-8")])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"audit-\(pemda.code).csv\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    func load(_ req: Request, operation: AccessAction) async throws
        -> (Pemda, Query, [AuditQueries.Row])
    {
        guard let code = req.parameters.get("code"), let pemda = try await PemdaQueries.find(code: code, on: req.db)
        else { throw Abort(.notFound) }
        try req.authorize(operation, Subject(.audit, pemda: pemda.code))
        let query = try req.query.decode(Query.self)
        let day = { (text: String?, end: Bool) -> Date? in
            guard let text, let date = CalendarDate(iso: text) else { return nil }
            var parts = DateComponents(timeZone: TimeZone(identifier: "Asia/Jakarta"), year: date.year, month: date.month,
                                       day: date.day)
            if end { (parts.hour, parts.minute, parts.second) = (23, 59, 59) }
            return Calendar(identifier: .gregorian).date(from: parts)
        }
        let filter = AuditQueries.Filter(unitID: query.unit.flatMap(UUID.init(uuidString:)), username: query.pengguna,
                                         entity: query.entitas, from: day(query.dari, false), to: day(query.sampai, true))
        return (pemda, query, try await AuditQueries.events(pemdaID: pemda.requireID(), filter: filter, on: req.db))
    }
}
