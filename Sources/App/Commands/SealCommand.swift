import Foundation
import KinerjaStore
import Vapor

/// `kinerja seal rotate`: a new seal key in the data folder; the old public key stays trusted, so every PK sealed
/// with it still verifies. `kinerja seal show` prints the public key in use (to publish, or to pin elsewhere).
struct SealCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rotate | show")
        var action: String
    }

    var help: String { "Shows or rotates the server's seal key (kept in the data folder, never in the database)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let config = context.application.config
        switch signature.action {
        case "show":
            context.console.print(config.keyring.publicKey)
        case "rotate":
            guard !config.sealKeyFromEnvironment else {
                context.console.error("Kunci segel datang dari KINERJA_SEAL_KEY: ganti di sana, dan tambahkan kunci publik lama ke KINERJA_SEAL_TRUSTED_KEYS.")
                throw ExitCode(1)
            }
            let (old, new) = try SealKeyring.rotate(dataDirectory: config.dataDirectory)
            context.console.print("Kunci lama (tetap dipercaya): \(old)")
            context.console.print("Kunci baru: \(new)")
            context.console.print("Mulai ulang server agar kunci baru dipakai.")
        default:
            context.console.error("Tindakan tidak dikenal: pakai rotate atau show.")
            throw ExitCode(1)
        }
    }
}

struct ExitCode: Error, CustomStringConvertible {
    var code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}
