import Foundation
import KinerjaCore

/// What an import would do, shown before anything is written: each row added, changed or left as it is, and every
/// problem. An import with any problem applies nothing.
public struct ImportPlan: Sendable {
    public enum Change: String, Sendable, CaseIterable {
        case add, change, unchanged
    }

    public struct Line: Sendable, Hashable {
        public var row: Int
        public var change: Change
        /// The row's key as the file writes it (a NIP, a code).
        public var key: String
        public var summary: String
        /// What changes, one line each ("Pangkat: Penata → Penata Tk. I").
        public var details: [String]
    }

    public var lines: [Line] = []
    public var issues: [ImportIssue] = []

    public init() {}

    public var canApply: Bool { issues.isEmpty && lines.contains { $0.change != .unchanged } }

    public func count(_ change: Change) -> Int { lines.reduce(0) { $0 + ($1.change == change ? 1 : 0) } }

    /// At most this many problems are listed; the rest are counted. A file with a wrong column would otherwise give
    /// one line per row.
    public static let issueLimit = 500

    mutating func refuse(_ issue: ImportIssue) {
        issues.append(issue)
    }
}

/// The import was refused: nothing was written.
public struct ImportRefused: Error, Sendable {
    public var issues: [ImportIssue]
    public init(issues: [ImportIssue]) { self.issues = issues }
}
