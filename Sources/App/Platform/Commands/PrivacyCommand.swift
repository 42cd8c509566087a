import Vapor

/// `zielona privacy retention [--dry-run]`.
struct PrivacyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "task", help: "retention")
        var task: String
        @Flag(name: "dry-run", help: "Print what would be done and change nothing.")
        var dryRun: Bool
    }

    var help: String { "Apply the register's retention now: privacy retention [--dry-run] (anonymise contacts 5 years after a client's last one, warn and delete unused accounts, end withdrawn newsletter subscriptions…)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.task == "retention" else { throw ConsoleCommandError(message: "unknown task \(signature.task); use retention") }
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let report = try await PrivacyRetention(app: app).sweep(dryRun: signature.dryRun)
        guard report.ran else { throw ConsoleCommandError(message: "another process is applying retention now; try again later") }
        if signature.dryRun { context.console.print("dry run: nothing changed") }
        for line in report.lines { context.console.print(line) }
    }
}
