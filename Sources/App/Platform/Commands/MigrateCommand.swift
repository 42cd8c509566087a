import Vapor
import Fluent

/// `zielona migrate`: applies pending migrations and loads changed reference data, without asking.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch of migrations instead (asks for confirmation).")
        var revert: Bool
    }

    var help: String { "Apply pending database migrations and load changed reference data (TERYT, offices, postal codes)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.revert {
            guard context.console.confirm("Revert the last batch of migrations? Data in those tables is lost.") else { return }
            try await app.migrator.setupIfNeeded().get()
            try await app.migrator.revertLastBatch().get()
            context.console.print("Reverted the last batch.")
            return
        }
        try await DatabasePreparation.prepare(app, demo: false)
        context.console.print("Database is up to date.")
    }
}
