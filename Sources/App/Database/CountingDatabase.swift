import FluentKit
import KinerjaStore
import PostgresKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// Counts the SQL statements a request sends, for the `X-Kinerja-SQL` header that the load test and the SQL-count
/// tests read. The counter travels with the request's task (transactions run in child tasks, which inherit it).
final class SQLStatementCounter: Sendable {
    private let count = NIOLockedValueBox(0)

    var value: Int { count.withLockedValue { $0 } }
    func increment() { count.withLockedValue { $0 += 1 } }

    @TaskLocal static var current: SQLStatementCounter?
}

/// A database configuration that hands out `CountingDatabase`s around the engine's own.
struct CountingConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        CountingDriver(inner: inner.makeDriver(for: databases))
    }
}

struct CountingDriver: DatabaseDriver {
    let inner: any DatabaseDriver

    func makeDatabase(with context: DatabaseContext) -> any Database {
        CountingDatabase(inner: inner.makeDatabase(with: context))
    }

    func shutdown() { inner.shutdown() }
    func shutdownAsync() async { await inner.shutdownAsync() }
}

/// Forwards everything to the engine's database, counting each statement sent through Fluent or SQLKit.
struct CountingDatabase: Database, SQLDatabase, PreparedStatementDatabase {
    let inner: any Database

    var sqlInner: any SQLDatabase { inner as! any SQLDatabase }

    var context: DatabaseContext { inner.context }
    var inTransaction: Bool { inner.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> ()) -> EventLoopFuture<Void> {
        SQLStatementCounter.current?.increment()
        return inner.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        SQLStatementCounter.current?.increment()
        return inner.execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        SQLStatementCounter.current?.increment()
        return inner.execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        inner.transaction { closure(CountingDatabase(inner: $0)) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        inner.withConnection { closure(CountingDatabase(inner: $0)) }
    }

    /// A prepared statement sent through the engine's connection counts as one statement.
    var postgresForPreparedStatements: (any PostgresDatabase)? {
        guard let postgres = (inner as? any PostgresDatabase) ?? (inner as? any PreparedStatementDatabase)?.postgresForPreparedStatements
        else { return nil }
        SQLStatementCounter.current?.increment()
        return postgres
    }

    // SQLDatabase
    var logger: Logger { inner.context.logger }
    var eventLoop: any EventLoop { inner.context.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sqlInner.version }
    var dialect: any SQLDialect { sqlInner.dialect }
    var queryLogLevel: Logger.Level? { sqlInner.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        SQLStatementCounter.current?.increment()
        return sqlInner.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        SQLStatementCounter.current?.increment()
        try await sqlInner.execute(sql: query, onRow)
    }
}
