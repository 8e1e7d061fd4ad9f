import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

extension Request {
    /// The Pemda named by `:code` (or 404), once the policy allows reading `resource` in it.
    func pemda(reading resource: Resource) async throws -> Pemda {
        guard let code = parameters.get("code"), let pemda = try await PemdaQueries.find(code: code, on: db) else {
            throw Abort(.notFound)
        }
        try authorize(.read, Subject(resource, pemda: pemda.code))
        return pemda
    }

    /// The day to show holders for: `?tanggal=yyyy-mm-dd`, or today.
    var viewDate: CalendarDate {
        if let text = query[String.self, at: "tanggal"], let date = CalendarDate(iso: text) { return date }
        return .todayInJakarta()
    }

    func unitParameter() throws -> UUID {
        guard let text = parameters.get("unit"), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}
