import Foundation
import KinerjaCore
import KinerjaStore
import NIOConcurrencyHelpers
import Vapor

/// The year's figures of a Pemda (`KinerjaFigures`), computed once per change of the data and shared by every user's
/// view of them: the executive view, the unit views, the early warning, the report and the API read the same
/// figures, and a figure depends on the data (`DataRevision`), the year, the quarter read and the day, never on who
/// asks. Only the current revision is kept, and at most `capacity` entries of it. On when the page cache is on.
/// The pohon kinerja built from those figures is kept the same way.
final class RevisionCache<Value: Sendable>: Sendable {
    private struct State {
        var revision: Int64 = -1
        var entries: [String: Value] = [:]
    }

    static var capacity: Int { 32 }
    private let state = NIOLockedValueBox(State())

    func value(_ key: String, revision: Int64, make: () async throws -> Value) async throws -> Value {
        if let kept = state.withLockedValue({ $0.revision == revision ? $0.entries[key] : nil }) { return kept }
        let figures = try await make()
        state.withLockedValue { s in
            if revision > s.revision {
                s.revision = revision
                s.entries.removeAll()
            }
            guard revision == s.revision else { return }
            if s.entries.count >= Self.capacity { s.entries.removeAll() }
            s.entries[key] = figures
        }
        return figures
    }
}

extension RevisionCache where Value == KinerjaFigures {
    func figures(_ key: String, revision: Int64, make: () async throws -> KinerjaFigures) async throws -> KinerjaFigures {
        try await value(key, revision: revision, make: make)
    }
}

typealias FiguresCache = RevisionCache<KinerjaFigures>

extension Application {
    private struct FiguresCacheKey: StorageKey { typealias Value = FiguresCache }
    private struct PohonCacheKey: StorageKey { typealias Value = RevisionCache<PohonKinerja> }

    var figuresCache: FiguresCache {
        if let cache = storage[FiguresCacheKey.self] { return cache }
        let cache = FiguresCache()
        storage[FiguresCacheKey.self] = cache
        return cache
    }

    var pohonCache: RevisionCache<PohonKinerja> {
        if let cache = storage[PohonCacheKey.self] { return cache }
        let cache = RevisionCache<PohonKinerja>()
        storage[PohonCacheKey.self] = cache
        return cache
    }
}
