import Fluent
import Foundation
import KinerjaStore
import Vapor

/// `kinerja demo`: builds "Kota Contoh", or many generated Pemda with `--pemda N` (546 is the whole country).
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Seed of the generator (default 2026): the same seed gives the same data.")
        var seed: UInt64?
        @Option(name: "year", help: "The current year for RKT and quarterly targets (default: this year).")
        var year: Int?
        @Option(name: "pemda", help: "How many Pemda to build (default 1, up to 546).")
        var pemda: Int?
        @Flag(name: "reset", help: "Delete the demo Pemda first and build them again.")
        var reset: Bool
        @Flag(name: "if-missing", help: "Do nothing when Kota Contoh already exists.")
        var ifMissing: Bool
        @Flag(name: "pk", help: "Also run Kota Contoh's PK round of the year: the Walikota's and most Kepala OPD's PKs signed and published.")
        var pk: Bool
        @Flag(name: "measured", help: "With --pemda: sign and measure each generated Pemda's year in bulk (PKs in force at every level, accepted realisation TW I–IV), for the national benchmark.")
        var measured: Bool
    }

    var help: String { "Builds the demo Pemda Kota Contoh (and, optionally, many generated Pemda)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let year = signature.year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let count = signature.pemda ?? 1
        guard (1...546).contains(count) else {
            throw Abort(.badRequest, reason: "--pemda harus antara 1 dan 546 (tertulis \(count)).")
        }
        let options = DemoOptions(seed: signature.seed ?? 2026, year: year, pemdaCount: count, measured: signature.measured)
        try await app.prepareDatabase()
        if signature.ifMissing, try await PemdaQueries.find(code: DemoBuilder.kotaContohCode, on: app.db) != nil {
            try await DemoAccounts.ensure(on: app)
            context.console.print("Kota Contoh sudah ada; tidak ada yang dibangun.")
            return
        }
        if signature.reset { try await DemoBuilder.reset(on: app.db, options: options) }
        let started = Date()
        let summary = try await DemoBuilder.build(on: app.db, options: options)
        try await DemoAccounts.ensure(on: app)
        if signature.pk, let pemda = try await PemdaQueries.info(code: DemoBuilder.kotaContohCode, on: app.db) {
            let round = try await DemoPk.run(pemdaID: pemda.id, year: year, keyring: app.config.keyring, on: app.db)
            context.console.print("PK \(year): \(round.published) diterbitkan, \(round.inProgress) masih berproses.")
            let measured = try await DemoRealisasi.run(pemdaID: pemda.id, year: year, on: app.db)
            context.console.print("Realisasi \(year): \(measured.entries) isian, \(measured.accepted) diterima, \(measured.returned) dikembalikan, \(measured.awaiting) menunggu verifikasi; \(measured.budget) isian realisasi anggaran.")
        }
        if signature.measured {
            context.console.print(
                "Diukur \(summary.pemda - 1) Pemda sintetis: \(summary.pk) PK berlaku, \(summary.pkRows) baris indikator PK, \(summary.realisasi) isian realisasi.")
        }
        context.console.print(
            "Dibangun \(summary.pemda) Pemda: \(summary.units) unit, \(summary.jabatan) jabatan, \(summary.pegawai) pegawai, \(summary.indikator) indikator, \(summary.targets) target (\(summary.rows) baris) dalam \(String(format: "%.1f", Date().timeIntervalSince(started))) detik.")
        context.console.print(
            "Akun demo: \(DemoAccounts.accounts.map(\.username).joined(separator: ", ")); kata sandi \(DemoAccounts.password).")
    }
}
