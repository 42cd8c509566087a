import Vapor
import Fluent
import Storage

/// `zielona seed --demo`: migrates, loads reference data and the demo data set.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Load the demo data set (fictional, marked as demo; loaded once).")
        var demo: Bool
    }

    var help: String { "Load reference data, and with --demo the demo data set. Safe to run again: it changes nothing the second time." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DatabasePreparation.prepare(context.application, demo: signature.demo)
        context.console.print(signature.demo ? "Reference and demo data are loaded." : "Reference data is loaded.")
    }
}
