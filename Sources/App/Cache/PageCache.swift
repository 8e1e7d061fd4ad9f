import Fluent
import Foundation
import KinerjaStore
import NIOConcurrencyHelpers
import Vapor

/// Rendered pages, kept while nothing they are made from has changed. A page is a function of the data (one number,
/// `DataRevision`, raised by every committed change on any server), the hour (deadlines and lateness turn at midnight
/// in WIB, WITA or WIT: each a whole hour), the language, the address and host asked for, and whose session asks (a
/// signed-in page carries the user's name, scope and form token). The key holds all of these, so a kept page is
/// exactly the page that would be rendered now. Pages that show a one-time confirmation, change the session or set a
/// cookie are not kept.
///
/// Memory is bounded: past `capacity` bytes the oldest half goes. Only the current generation (revision and hour) is
/// kept at all; the first request that sees a newer one drops the rest.
final class PageCache: Sendable {
    struct Generation: Equatable, Sendable {
        var revision: Int64
        var hour: Int64
    }

    struct Page: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: ByteBuffer
        var order: UInt64
    }

    private struct State {
        var generation = Generation(revision: -1, hour: -1)
        var pages: [String: Page] = [:]
        var bytes = 0
        var counter: UInt64 = 0
        var hits: UInt64 = 0
        var misses: UInt64 = 0
    }

    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(capacity: Int) { self.capacity = capacity }

    var isEnabled: Bool { capacity > 0 }

    /// Counts for the tests and the operator: (pages kept, bytes, hits, misses).
    var statistics: (pages: Int, bytes: Int, hits: UInt64, misses: UInt64) {
        state.withLockedValue { ($0.pages.count, $0.bytes, $0.hits, $0.misses) }
    }

    /// Forgets every page (the SQL-count tests measure pages as they are built).
    func clear() {
        state.withLockedValue { s in
            s.pages.removeAll()
            s.bytes = 0
        }
    }

    func page(_ key: String, at generation: Generation) -> Page? {
        state.withLockedValue { s in
            guard s.generation == generation, let page = s.pages[key] else { s.misses += 1; return nil }
            s.hits += 1
            return page
        }
    }

    /// Keeps a page built at `generation`; a page built from an older generation than one already seen is dropped.
    func keep(_ key: String, at generation: Generation, status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer) {
        let size = body.readableBytes + key.utf8.count
        guard size <= capacity / 8 else { return }
        state.withLockedValue { s in
            if s.generation != generation {
                guard generation.revision > s.generation.revision
                        || (generation.revision == s.generation.revision && generation.hour > s.generation.hour)
                else { return }
                s.generation = generation
                s.pages.removeAll(keepingCapacity: true)
                s.bytes = 0
            }
            if let old = s.pages[key] { s.bytes -= old.body.readableBytes + key.utf8.count }
            if s.bytes + size > capacity { Self.evictOldestHalf(&s) }
            s.counter += 1
            s.pages[key] = Page(status: status, headers: headers, body: body, order: s.counter)
            s.bytes += size
        }
    }

    private static func evictOldestHalf(_ s: inout State) {
        guard !s.pages.isEmpty else { return }
        let cut = s.pages.values.map(\.order).sorted()[s.pages.count / 2]
        s.pages = s.pages.filter { $0.value.order >= cut }
        s.bytes = s.pages.reduce(0) { $0 + $1.value.body.readableBytes + $1.key.utf8.count }
    }
}

extension PageCache {
    /// Wraps a GET handler: answers from the cache when the page is kept, otherwise renders it and keeps it when it
    /// may be kept.
    static func cached(_ handler: @escaping @Sendable (Request) async throws -> Response)
        -> @Sendable (Request) async throws -> Response
    {
        { req in
            let cache = req.application.pageCache
            guard cache.isEnabled, req.method == .GET || req.method == .HEAD, Flash.shown == nil else {
                return try await handler(req)
            }
            // A signed-in request read the revision with its session, before anything of the page.
            let stored = req.webSession.state.withLockedValue { $0.record?.dataRevision }
            let revision = if let stored { stored } else { try await DataRevision.current(on: req.db) }
            let generation = Generation(revision: revision,
                                        hour: Int64((req.application.clock.now().timeIntervalSince1970 / 3600).rounded(.down)))
            // The host too: without a configured public address, links in documents are built from it.
            let key = "\(req.webSession.key ?? "-")|\(Lang.current.rawValue)|\(req.headers.first(name: .host) ?? "")|\(req.url.string)"
            if let page = cache.page(key, at: generation) {
                return Response(status: page.status, headers: page.headers, body: .init(buffer: page.body))
            }
            let response = try await handler(req)
            if response.status == .ok, let body = response.body.buffer, mayKeep(response, for: req) {
                var headers = response.headers
                headers.remove(name: .contentLength)
                cache.keep(key, at: generation, status: response.status, headers: headers, body: body)
            }
            return response
        }
    }

    /// Not kept: pages that set cookies, changed or made the session, or show a visitor's own form token.
    private static func mayKeep(_ response: Response, for req: Request) -> Bool {
        guard response.headers[.setCookie].isEmpty, req.storage[VisitorCSRFReadKey.self] != true else { return false }
        let session = req.webSession.state.withLockedValue { $0 }
        return !session.dataChanged && session.newToken == nil && !session.clearCookie
    }
}

extension Application {
    private struct PageCacheKey: StorageKey { typealias Value = PageCache }

    /// Set by `configure`.
    var pageCache: PageCache {
        get { storage[PageCacheKey.self] ?? PageCache(capacity: 0) }
        set { storage[PageCacheKey.self] = newValue }
    }
}
