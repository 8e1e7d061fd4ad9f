import Foundation
import KinerjaCore
import Logging
import Vapor

/// Starts Kinerja: `serve` (the default) migrates first, then serves with Vapor's usual `--hostname` and `--port`.
public enum Entrypoint {
    public static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await configure(app)
            let command = CommandLine.arguments.dropFirst().first
            if command == nil || command == "serve" || command?.hasPrefix("-") == true {
                try await app.prepareDatabase()
            }
            try await app.execute()
        } catch let violation as RuleViolation {
            // A rule the input broke is the user's to fix: say it plainly and exit, no crash report.
            FileHandle.standardError.write(Data((violation.message.id + "\n").utf8))
            try? await app.asyncShutdown()
            exit(1)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
