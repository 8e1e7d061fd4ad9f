import FluentKit
import Foundation
import KinerjaCore

public struct DemoOptions: Sendable {
    public var seed: UInt64
    /// The current year: the RKT and quarterly targets are made for it.
    public var year: Int
    /// 1 builds Kota Contoh; more adds generated Pemda after it, up to the 546 of the whole country.
    public var pemdaCount: Int

    public init(seed: UInt64 = 2026, year: Int = 2026, pemdaCount: Int = 1) {
        self.seed = seed
        self.year = year
        self.pemdaCount = pemdaCount
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

    mutating func add(_ other: DemoSummary) {
        pemda += other.pemda
        units += other.units
        jabatan += other.jabatan
        pegawai += other.pegawai
        indikator += other.indikator
        targets += other.targets
        rows += other.rows
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
        var summary = DemoSummary()
        for number in 0..<options.pemdaCount {
            let (code, name, kind, seat) = identity(number)
            if try await Pemda.query(on: database).filter(\.$code == code).first() != nil {
                throw RuleViolation(.conflict, code: "demo.exists", field: .pemda,
                    message: Message(id: "Pemda \(name) (\(code)) sudah ada. Jalankan dengan --reset untuk membangunnya ulang.",
                                     en: "Pemda \(name) (\(code)) already exists. Run with --reset to rebuild it."))
            }
            let made = try await database.transaction { db in
                let pemda = Pemda(code: code, name: name, kind: kind, seat: seat)
                try await pemda.create(on: db)
                var plan = DemoPlan(pemdaID: try pemda.requireID(), pemdaName: name, kind: kind, year: options.year,
                                    index: index, seed: options.seed &+ UInt64(number) &* 7919)
                try plan.make()
                try await plan.batch.write(on: db)
                return DemoSummary(pemda: 1, units: plan.batch.units.count, jabatan: plan.batch.jabatan.count,
                                   pegawai: plan.batch.pegawai.count, indikator: plan.batch.indikator.count,
                                   targets: plan.batch.targets.count, rows: plan.batch.rowCount + 1)
            }
            summary.add(made)
        }
        return summary
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
