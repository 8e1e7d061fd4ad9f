import Fluent
import Foundation
import KinerjaCore
import KinerjaStore
import Vapor

/// `kinerja user create …`: makes an account from the command line, e.g. the first admin of a new deployment. The
/// password comes from `KINERJA_PASSWORD` or is asked for without echo.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "username", help: "Login name.")
        var username: String?
        @Option(name: "name", help: "Display name, with titles.")
        var name: String?
        @Option(name: "role", help: "Comma separated: superAdmin, adminPemda, kepalaDaerah, pejabat, operatorOpd, verifikator, inspektorat.")
        var role: String?
        @Option(name: "pemda", help: "Pemda code (none for a super admin).")
        var pemda: String?
        @Option(name: "nip", help: "NIP, to sign in with it as well.")
        var nip: String?
        @Option(name: "unit", help: "Comma separated unit codes (operator OPD).")
        var unit: String?
    }

    var help: String { "Creates a user account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw Abort(.badRequest, reason: "Tindakan yang dikenal: create.") }
        guard let username = signature.username, let roleText = signature.role else {
            throw Abort(.badRequest, reason: "--username dan --role wajib diisi.")
        }
        let app = context.application
        try await app.prepareDatabase()
        var roles: Set<Role> = []
        for text in roleText.split(separator: ",") {
            guard let role = Role(rawValue: String(text)) else { throw Abort(.badRequest, reason: "Peran tidak dikenal: \(text).") }
            roles.insert(role)
        }
        var pemdaID: UUID?
        var unitIDs: [UUID] = []
        if let code = signature.pemda {
            guard let pemda = try await PemdaQueries.find(code: code, on: app.db) else {
                throw Abort(.notFound, reason: "Pemda \(code) tidak ada.")
            }
            pemdaID = pemda.id
            for unitCode in (signature.unit ?? "").split(separator: ",") {
                guard let unit = try await Unit.query(on: app.db).filter(\.$pemda.$id == pemdaID!)
                    .filter(\.$code == String(unitCode)).first()
                else { throw Abort(.notFound, reason: "Unit \(unitCode) tidak ada di Pemda \(code).") }
                unitIDs.append(try unit.requireID())
            }
        }
        let password = Environment.get("KINERJA_PASSWORD") ?? context.console.ask("Kata sandi:", isSecure: true)
        try PasswordRules.check(password, username: username, nip: signature.nip)
        let user = UserWriter.NewUser(pemdaID: pemdaID, username: username, nip: signature.nip,
                                      displayName: signature.name ?? username, roles: roles, unitIDs: unitIDs)
        try UserWriter.validate(user)
        let hash = try await app.password.async.hash(password)
        try await UserWriter.create(user, passwordHash: hash, mustChangePassword: false, on: app.db)
        context.console.print("Pengguna \(username) dibuat.")
    }
}
