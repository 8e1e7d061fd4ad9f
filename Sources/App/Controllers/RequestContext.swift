import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

extension Request {
    /// The Pemda named by `:code` (or 404), once the policy allows reading `resource` in it.
    func pemda(reading resource: Resource) async throws -> PemdaInfo {
        guard let code = parameters.get(SiteURL.Key.code) else { throw Abort(.notFound) }
        // A user's own Pemda came with the session; another is one statement.
        let found = account?.pemda?.code == code ? account?.pemda : try await PemdaQueries.info(code: code, on: db)
        guard let pemda = found else { throw Abort(.notFound) }
        try authorize(.read, Subject(resource, pemda: pemda.code))
        return pemda
    }

    /// The day to show holders for: `?tanggal=yyyy-mm-dd` (within the years Kinerja knows), or today in the Pemda.
    func viewDate(in pemda: PemdaInfo) -> CalendarDate {
        if let text = query[String.self, at: "tanggal"], text.utf8.count == 10, let date = CalendarDate(iso: text),
           Limits.isYear(date.year)
        {
            return date
        }
        return today(in: pemda)
    }

    /// `?tahun=`: a year within the years Kinerja knows (2000–2100), else the Pemda's current year. A year from
    /// outside never reaches date arithmetic unchecked.
    func year(in pemda: PemdaInfo) -> Int {
        if let text = query[String.self, at: "tahun"], text.utf8.count <= 4, let year = Int(text), Limits.isYear(year) {
            return year
        }
        return today(in: pemda).year
    }

    /// `?tahun=` of a change: absent means the Pemda's current year; anything but a year Kinerja knows is refused
    /// (a change is never made to another year than the one asked for).
    func requestedYear(in pemda: PemdaInfo) throws -> Int {
        guard let text = query[String.self, at: "tahun"] else { return today(in: pemda).year }
        return try Limits.year(text.utf8.count <= 4 ? Int(text) ?? 0 : 0)
    }

    func unitParameter() throws -> UUID {
        guard let text = parameters.get("unit"), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }
}
