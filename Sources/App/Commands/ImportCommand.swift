import Fluent
import Foundation
import KinerjaCore
import KinerjaDocuments
import KinerjaStore
import Vapor

/// `kinerja import KIND FILE --pemda CODE [--dry-run]`: the web import from the command line, with the same plan,
/// the same refusals and the same single transaction. Exits 1 when the file is refused.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "What the file holds: pegawai")
        var kind: String
        @Argument(name: "file", help: "An XLSX or CSV file made from the kind's template.")
        var file: String
        @Option(name: "pemda", help: "The Pemda's code, e.g. 99.01.")
        var pemda: String?
        @Flag(name: "dry-run", help: "Show what would change and write nothing.")
        var dryRun: Bool
    }

    var help: String { "Imports an XLSX or CSV file (all rows or none), or with --dry-run shows what it would change." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        guard let kind = ImportKinds.named(signature.kind) else {
            console.error("Jenis impor tidak dikenal: \(signature.kind). Pilihan: \(ImportKinds.all.map(\.slug).joined(separator: ", ")).")
            throw ExitCode(1)
        }
        guard let code = signature.pemda, let pemda = try await PemdaQueries.info(code: code, on: context.application.db) else {
            console.error("Sebutkan Pemda yang ada dengan --pemda KODE.")
            throw ExitCode(1)
        }
        let url = URL(fileURLWithPath: signature.file)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else {
            console.error("Berkas \(signature.file) tidak dapat dibaca.")
            throw ExitCode(1)
        }
        guard size <= ImportFile.maxBytes else {
            console.error("Berkas terlalu besar: paling besar 20 MB.")
            throw ExitCode(1)
        }
        let audit = AuditContext(userID: nil, username: "kinerja import", requestID: "cli-\(UUID().uuidString.prefix(8))",
                                 now: context.application.clock.now(), zone: pemda.zone)
        let writer = PemdaWriter(database: context.application.db, pemdaID: pemda.id, audit: audit)
        do {
            let plan = signature.dryRun
                ? try await kind.plan(file: url, writer: writer)
                : try await kind.apply(file: url, writer: writer, source: "kinerja import \(kind.slug) \(url.lastPathComponent)")
            for line in plan.lines where line.change != .unchanged {
                console.print("baris \(line.row): \(ImportPages.label(line.change).lowercased()) \(line.key) \(line.summary)"
                              + (line.details.isEmpty ? "" : " — " + line.details.joined(separator: "; ")))
            }
            report(plan, console: console)
            if !plan.issues.isEmpty { throw ExitCode(1) }
            if plan.lines.allSatisfy({ $0.change == .unchanged }) {
                console.print("Semua baris sudah sama dengan data di Kinerja: tidak ada yang berubah.")
            } else {
                console.print(signature.dryRun ? "Uji coba: tidak ada yang disimpan." : "Tersimpan dalam satu transaksi.")
            }
        } catch let refused as ImportRefused {
            var plan = ImportPlan()
            plan.issues = refused.issues
            report(plan, console: console)
            throw ExitCode(1)
        } catch let refused as SpreadsheetError {
            console.error(refused.message.id)
            throw ExitCode(1)
        }
    }

    private func report(_ plan: ImportPlan, console: any Console) {
        for issue in plan.issues {
            console.error("\(issue.sheet.isEmpty ? "" : issue.sheet + " ")baris \(issue.row), kolom \(issue.column): \(issue.message.id)")
        }
        console.print("Ringkasan: \(plan.count(.add)) baru, \(plan.count(.change)) berubah, \(plan.count(.unchanged)) tetap, \(plan.issues.count) masalah.")
        if !plan.issues.isEmpty { console.error("Berkas ditolak: tidak ada yang disimpan.") }
    }
}
