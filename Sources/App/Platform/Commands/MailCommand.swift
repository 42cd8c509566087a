import Vapor
import Storage
import ContactCenter

/// `zielona mail receive --file MESSAGE.eml`: takes one e-mail (RFC 5322, as a mail server
/// stores it) into the e-mail channel exactly as the mailbox poller would — to re-inject a
/// message a mailbox rule diverted, and for demos and tests without a mail server.
struct MailCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "receive") var action: String
        @Option(name: "file", help: "The message file (.eml).") var file: String?
    }

    var help: String { "Take an e-mail into the e-mail channel: receive --file MESSAGE.eml." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "receive" else { throw ConsoleCommandError(message: "the only action is: receive --file MESSAGE.eml") }
        guard let path = signature.file, let raw = FileManager.default.contents(atPath: path) else {
            throw ConsoleCommandError(message: "--file must name a readable message file")
        }
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let config = app.services.config
        guard raw.count <= config.mailMaxBytes else { throw ConsoleCommandError(message: "the message is larger than MAIL_MAX_BYTES (\(config.mailMaxBytes))") }
        let channel = MailChannel(db: app.db, events: app.desktopEvents, logger: app.logger, config: config)
        let outcome = try await channel.receive(raw, size: raw.count, headerOnly: false, now: try await ServerClock.now(app.db))
        switch outcome {
        case .newCase(let id): context.console.print("New case \(id.uuidString) (\(ContactMessage.caseNumber(id)))")
        case .continued(let id): context.console.print("Continued case \(id.uuidString) (\(ContactMessage.caseNumber(id)))")
        case .duplicate: context.console.print("Already received (same Message-ID): nothing done")
        case .ownMail: context.console.print("Sent by this system's own address: not taken in")
        }
    }
}
