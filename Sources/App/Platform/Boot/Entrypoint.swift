import Vapor
import Logging
import Foundation

/// What `zielona` runs: builds the application, runs the command, and turns a failure to start
/// into one clear line on stderr and a non-zero exit code.
public enum Entrypoint {
    public static func main() async {
        let config: AppConfig
        do { config = try AppConfig.fromEnvironment() } catch { fail("\(error)") }

        var env: Environment
        do { env = try Environment.detect() } catch { fail("\(error)") }
        let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info") ?? .info
        let json = config.logFormat == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        env.arguments = env.arguments.isEmpty ? ["zielona"] : env.arguments

        let app: Application
        do { app = try await Application.make(env) } catch { fail("\(error)") }
        do {
            // `--help` must not create files: it gets a throw-away key.
            let wantsHelp = env.arguments.contains("--help") || env.arguments.contains("-h")
            let key = wantsHelp ? DataKey.random() : try DataKey.resolve(config, logger: app.logger)
            try await configure(app, config, dataKey: key)
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            fail("\(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("zielona: \(message)\n".utf8))
        exit(1)
    }
}
