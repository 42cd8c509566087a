import Vapor

/// `zielona config`: every environment variable the system reads, its default, its meaning,
/// and whether it is set now (values of secrets are never printed).
struct ConfigCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "List the configuration variables with their defaults and whether each is set." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let env = ProcessInfo.processInfo.environment
        for v in AppConfig.variables {
            let state = env[v.name].map { _ in "set" } ?? "default"
            context.console.print("\(v.name) [\(state)]")
            context.console.print("    default: \(v.defaultValue)")
            context.console.print("    \(v.meaning)")
        }
    }
}
