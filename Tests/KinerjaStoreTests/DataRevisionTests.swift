import FluentKit
import Foundation
import SQLKit
import Testing
@testable import KinerjaStore

/// The revision that cached pages are kept under (`DataRevision`): every table carries its triggers, a committed
/// change of any kind raises it, a rolled-back one and the session tables do not.
@Suite(.serialized)
struct DataRevisionTests {
    @Test func every_table_but_the_sessions_carries_the_triggers() async throws {
        let test = try await TestDatabase.make()
        let tables = try await DataRevision.trackedTables(on: test.db)
        #expect(tables.count > 30, "\(tables)")
        #expect(tables.contains("pk") && tables.contains("unit") && tables.contains("audit_event"))
        #expect(!tables.contains("web_session"))
        let tracked = try await DataRevision.tablesWithTriggers(on: test.db)
        #expect(Set(tables).subtracting(tracked).isEmpty, "tables without triggers: \(Set(tables).subtracting(tracked).sorted())")
        #expect(tracked.isDisjoint(with: DataRevision.untracked))
        // Installing again adds nothing and fails nowhere (a later migration calls it after adding a table).
        try await DataRevision.install(on: test.db)
        #expect(try await DataRevision.tablesWithTriggers(on: test.db) == tracked)
        await test.shutdown()
    }

    @Test func inserts_updates_and_deletes_raise_it_in_their_transaction() async throws {
        let test = try await TestDatabase.make()
        let sql = test.db as! any SQLDatabase
        let start = try await DataRevision.current(on: test.db)
        let pemda = Pemda(code: "11.01", name: "Kabupaten Uji", kind: .kabupaten, seat: "Uji")
        try await pemda.create(on: test.db)
        let afterInsert = try await DataRevision.current(on: test.db)
        #expect(afterInsert > start)
        try await sql.raw("UPDATE pemda SET name = 'Kabupaten Uji Baru'").run()
        let afterUpdate = try await DataRevision.current(on: test.db)
        #expect(afterUpdate > afterInsert)

        // A transaction that fails leaves the revision where it was.
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await test.db.transaction { db in
                try await (db as! any SQLDatabase).raw("UPDATE pemda SET name = 'Tidak Jadi'").run()
                throw Abort()
            }
        }
        #expect(try await DataRevision.current(on: test.db) == afterUpdate)

        // Sessions change on reads: not a change of the data.
        try await WebSessions.create(key: "k", userID: nil, csrf: "c", data: [:], now: Date(), on: test.db)
        try await WebSessions.touch(key: "k", now: Date(), on: test.db)
        #expect(try await DataRevision.current(on: test.db) == afterUpdate)

        try await sql.raw("DELETE FROM pemda").run()
        #expect(try await DataRevision.current(on: test.db) > afterUpdate)
        await test.shutdown()
    }

    @Test func revert_takes_the_triggers_away_and_prepare_brings_them_back() async throws {
        let test = try await TestDatabase.make()
        try await test.migrator.revertAllBatches().get()
        try await test.migrator.prepareBatch().get()
        let tables = try await DataRevision.trackedTables(on: test.db)
        #expect(Set(tables) == (try await DataRevision.tablesWithTriggers(on: test.db)))
        await test.shutdown()
    }
}
