import Vapor
import Storage

/// `zielona postal-code override CODE POWIAT [--reason TEXT]` and `zielona postal-code overrides`:
/// an administrator corrects the powiat a postal code routes to.
struct PostalCodeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "override | overrides")
        var action: String
        @Option(name: "code", help: "The postal code, NN-NNN.")
        var code: String?
        @Option(name: "powiat", help: "The 4-digit TERYT code of the powiat it belongs to.")
        var powiat: String?
        @Option(name: "reason", help: "Why (kept with the override).")
        var reason: String?
    }

    var help: String { "Correct the powiat of a postal code (override --code NN-NNN --powiat TTTT [--reason …]) or list the corrections (overrides)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let overrides = PostalCodeOverrides(db: app.db)
        switch signature.action {
        case "override":
            guard let code = signature.code, let powiat = signature.powiat else {
                throw ConsoleCommandError(message: "override needs --code and --powiat")
            }
            do {
                try await overrides.set(code: code, powiatCode: powiat, reason: signature.reason)
            } catch PostalCodeOverrides.Failure.unknownPostalCode {
                throw ConsoleCommandError(message: "unknown postal code \(code)")
            } catch PostalCodeOverrides.Failure.unknownPowiat {
                throw ConsoleCommandError(message: "unknown powiat \(powiat)")
            }
            context.console.print("\(code) now routes to powiat \(powiat).")
        case "overrides":
            for o in try await overrides.list() {
                context.console.print("\(o.code)\t\(o.powiatCode)\t\(o.reason ?? "")")
            }
        default:
            throw ConsoleCommandError(message: "unknown action \(signature.action): use override or overrides")
        }
    }
}
