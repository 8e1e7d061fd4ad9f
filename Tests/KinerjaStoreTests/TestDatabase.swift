import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KinerjaCore
import KinerjaTestSupport
import Logging
import NIOCore
import NIOPosix
@testable import KinerjaStore

/// A migrated database for one test: SQLite in memory, or a database of its own on the PostgreSQL server of
/// `DATABASE_URL`, dropped by `shutdown()`.
final class TestDatabase: @unchecked Sendable {
    let databases: Databases
    let threadPool: NIOThreadPool
    let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }()
    var db: any Database { databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())! }

    /// The seal key of this test process.
    static let keyring = SealKeyring.ephemeral()

    static var isPostgres: Bool { ScratchDatabase.server != nil }

    /// The scratch database on PostgreSQL, dropped on shutdown.
    let scratch: URL?

    /// An empty database, not migrated.
    static func empty() async throws -> TestDatabase {
        let scratch = try await ScratchDatabase.create()
        do {
            return try TestDatabase(scratch: scratch)
        } catch {
            if let scratch { await ScratchDatabase.drop(scratch) }
            throw error
        }
    }

    private init(scratch: URL?) throws {
        self.scratch = scratch
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        if let scratch {
            var configuration = try SQLPostgresConfiguration(url: scratch)
            configuration.coreConfiguration.tls = .disable
            databases.use(.postgres(configuration: configuration), as: .psql)
        } else {
            databases.use(.sqlite(.memory), as: .sqlite)
        }
    }

    var migrator: Migrator {
        let migrations = Migrations()
        migrations.add(KinerjaMigrations.all(dataDirectory: nil))
        return Migrator(databases: databases, migrations: migrations, logger: logger,
                        on: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// An empty schema, migrated.
    static func make() async throws -> TestDatabase {
        let test = try await empty()
        do {
            try await test.migrator.setupIfNeeded().get()
            try await test.migrator.prepareBatch().get()
        } catch {
            await test.shutdown()
            throw error
        }
        return test
    }

    func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        if let scratch { await ScratchDatabase.drop(scratch) }
    }
}

extension PemdaWriter {
    /// An RPJMD period with one misi, tujuan and sasaran, for tests that need an indicator owner.
    func anRpjmdSasaran() async throws -> UUID {
        let periode = try await addPeriode(startYear: 2025, endYear: 2029, perdaNumber: "Perda 1/2025",
                                           perdaDate: "2025-06-30", visi: "Uji yang maju")
        let misi = try await addMisi(periodeID: periode, text: "Misi uji")
        let tujuan = try await addTujuan(misiID: misi, text: "Tujuan uji")
        return try await addSasaranRpjmd(tujuanID: tujuan, text: "Sasaran uji")
    }
}

extension TestDatabase {
    /// The compliance board as the page computes it.
    func board(pemdaID: UUID, year: Int, today: CalendarDate, level: PkLevel? = nil) async throws -> [PkBoardRow] {
        let organisation = try await PemdaOrganisation.load(pemdaID: pemdaID, on: db)
        let pkYear = try await PkYear.load(pemdaID: pemdaID, year: year, on: db)
        return PkBoard.filter(PkBoard.rows(organisation: organisation, year: pkYear, today: today), PkBoard.Filter(level: level))
    }

    /// The public portal's list for a Pemda.
    func published(code: String, year: Int?, query: String? = nil) async throws -> [PublishedPk] {
        guard let pemda = try await PemdaQueries.info(code: code, on: db) else { return [] }
        let organisation = try await PemdaOrganisation.load(pemdaID: pemda.id, on: db)
        return try await PkPublic.published(pemda: pemda, organisation: organisation, year: year, unitID: nil, query: query, on: db)
    }
}
