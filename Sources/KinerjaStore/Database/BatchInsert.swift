import FluentKit

/// Inserts many rows with few statements; a Pemda's demo data is tens of thousands of rows.
public enum BatchInsert {
    /// Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters (25 columns × 200 = 5,000).
    static let chunk = 200

    public static func create<M: Model>(_ models: [M], on database: any Database) async throws {
        var start = 0
        while start < models.count {
            let end = min(start + chunk, models.count)
            try await Array(models[start..<end]).create(on: database)
            start = end
        }
    }
}
