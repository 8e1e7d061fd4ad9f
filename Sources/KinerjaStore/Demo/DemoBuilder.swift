import FluentKit
import Foundation
import KinerjaCore

public struct DemoOptions: Sendable {
    public var seed: UInt64
    /// The current year: the RKT and quarterly targets are made for it.
    public var year: Int
    /// 1 builds Kota Contoh; more adds generated Pemda after it, up to the 546 of the whole country.
    public var pemdaCount: Int
    /// Whether each generated Pemda (not Kota Contoh) also gets its year signed and measured in bulk: PKs in force
    /// at every level and accepted realisation TW I–IV of every row (`DemoMeasured`), for the national benchmark.
    public var measured: Bool

    public init(seed: UInt64 = 2026, year: Int = 2026, pemdaCount: Int = 1, measured: Bool = false) {
        self.seed = seed
        self.year = year
        self.pemdaCount = pemdaCount
        self.measured = measured
    }
}

public struct DemoSummary: Sendable, Equatable {
    public var pemda = 0
    public var units = 0
    public var jabatan = 0
    public var pegawai = 0
    public var indikator = 0
    public var targets = 0
    public var rows = 0
    /// With `measured`: the PKs in force, their indicator rows and realisation entries of the generated Pemda.
    public var pk = 0
    public var pkRows = 0
    public var realisasi = 0

    mutating func add(_ other: DemoSummary) {
        pemda += other.pemda
        units += other.units
        jabatan += other.jabatan
        pegawai += other.pegawai
        indikator += other.indikator
        targets += other.targets
        rows += other.rows
        pk += other.pk
        pkRows += other.pkRows
        realisasi += other.realisasi
    }
}

/// Builds the demo Pemda "Kota Contoh" (and, for benchmarks, many generated ones) through the rules of KinerjaCore:
/// every NIP, nomenclature code, indicator setting and target is validated exactly as a form would validate it.
public enum DemoBuilder {
    public static let kotaContohCode = "99.71"

    public static func build(on database: any Database, options: DemoOptions = DemoOptions()) async throws
        -> DemoSummary
    {
        try await NomenklaturCatalog.ensureLoaded(on: database)
        let index = try await NomenklaturIndex.load(
            versionCode: NomenklaturCatalog.sipd2027.code, jenisPemda: .kabkot, on: database)
        let codes = (0..<options.pemdaCount).map { identity($0).code }
        if let existing = try await Pemda.query(on: database).filter(\.$code ~~ codes).sort(\.$code).first() {
            throw RuleViolation(.conflict, code: "demo.exists", field: .pemda,
                message: Message(id: "Pemda \(existing.name) (\(existing.code)) sudah ada. Jalankan dengan --reset untuk membangunnya ulang.",
                                 en: "Pemda \(existing.name) (\(existing.code)) already exists. Run with --reset to rebuild it."))
        }
        // Each Pemda is made in memory while the one before it is written: the writes of all Pemda are one queue (the
        // revision row orders every writing transaction), so the rows are made beside it, not before it.
        func made(_ number: Int) -> Task<Made, any Error> {
            Task.detached { try Made(number: number, options: options, index: index) }
        }
        var summary = DemoSummary()
        var next = options.pemdaCount > 0 ? made(0) : nil
        while let pending = next {
            let current = try await pending.value
            next = current.number + 1 < options.pemdaCount ? made(current.number + 1) : nil
            do {
                try await database.transaction { db in try await current.write(on: db) }
            } catch {
                next?.cancel()
                throw error
            }
            summary.add(current.summary)
        }
        return summary
    }

    /// One Pemda made in memory, ready to be written; handed from the task that made it to the writer, never shared.
    final class Made: @unchecked Sendable {
        let number: Int
        let pemda: Pemda
        let plan: DemoPlan
        /// Kota Contoh's year is run through the writer by `DemoPk` and `DemoRealisasi` instead.
        let year: DemoMeasured?
        var summary: DemoSummary

        init(number: Int, options: DemoOptions, index: NomenklaturIndex) throws {
            let (code, name, kind, seat) = DemoBuilder.identity(number)
            self.number = number
            pemda = Pemda(code: code, name: name, kind: kind, seat: seat)
            pemda.id = UUID()
            var plan = DemoPlan(pemdaID: pemda.id!, pemdaName: name, kind: kind, year: options.year, index: index,
                                seed: options.seed &+ UInt64(number) &* 7919, nipSerial: number > 0 ? number : nil)
            try plan.make()
            plan.batch.assignIDs()
            self.plan = plan
            summary = DemoSummary(pemda: 1, units: plan.batch.units.count, jabatan: plan.batch.jabatan.count,
                                  pegawai: plan.batch.pegawai.count, indikator: plan.batch.indikator.count,
                                  targets: plan.batch.targets.count, rows: plan.batch.rowCount + 1)
            if options.measured && number > 0 {
                var year = DemoMeasured(plan: plan, seed: options.seed &+ UInt64(number) &* 7919 &+ 17)
                try year.make()
                let counts = year.counts
                (summary.pk, summary.pkRows, summary.realisasi) = (counts.pk, counts.pkRows, counts.realisasi)
                summary.rows += counts.rows
                self.year = year
            } else {
                self.year = nil
            }
        }

        func write(on db: any Database) async throws {
            try await pemda.create(on: db)
            try await plan.batch.write(on: db)
            try await year?.write(on: db)
        }
    }

    /// Deletes the demo Pemda (all their rows go with them).
    public static func reset(on database: any Database, options: DemoOptions) async throws {
        let codes = (0..<options.pemdaCount).map { identity($0).code }
        try await database.transaction { db in
            for pemda in try await Pemda.query(on: db).filter(\.$code ~~ codes).all() {
                try await PemdaEraser.erase(pemdaID: pemda.requireID(), on: db)
            }
        }
    }

    static func identity(_ number: Int) -> (code: String, name: String, kind: PemdaKind, seat: String) {
        if number == 0 { return (kotaContohCode, "Kota Contoh", .kota, "Kota Contoh") }
        let kind: PemdaKind = number % 5 == 0 ? .kota : .kabupaten
        let serial = String(number).count < 3 ? String(repeating: "0", count: 3 - String(number).count) + String(number)
            : String(number)
        let name = kind == .kota ? "Kota Sintetis \(serial)" : "Kabupaten Sintetis \(serial)"
        return ("98.\(serial)", name, kind, name)
    }
}
