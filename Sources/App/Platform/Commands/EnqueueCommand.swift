import Vapor
import ContactCenter
import Localization
import Storage

/// `zielona enqueue --office pup-2002 [--topic registration] [--channel voice] [--language pl]
/// [--client 100000009] [--count 1]`: puts contacts in an office's queue, as a channel would —
/// for demos, for trying the desktop and wallboard, and for tests with several processes.
struct EnqueueCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "office", help: "The office whose queue it joins, e.g. pup-2002.") var office: String?
        @Option(name: "topic", help: "registration, benefits, offers, trainings, employers, foreigners or other (default registration).") var topic: String?
        @Option(name: "channel", help: "voice, chat, email, web_form, callback, sms or video (default voice).") var channel: String?
        @Option(name: "language", help: "pl, en, ru or uk (default pl).") var language: String?
        @Option(name: "client", help: "A client number: the desktop shows that client's card.") var client: String?
        @Option(name: "count", help: "How many (default 1, at most 1000).") var count: Int?
    }

    var help: String { "Queue contacts for an office (demo and tests): --office ID [--topic T] [--channel C] [--language L] [--client NUMBER] [--count N]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let topic = signature.topic ?? ContactTopic.registration.rawValue
        guard ContactTopic(rawValue: topic) != nil else {
            throw ConsoleCommandError(message: "--topic must be one of: \(ContactTopic.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let routed = ContactCenter.Channel.routed
        guard let channel = ContactCenter.Channel(rawValue: signature.channel ?? "voice"), routed.contains(channel) else {
            throw ConsoleCommandError(message: "--channel must be one of: \(routed.map(\.rawValue).joined(separator: ", "))")
        }
        guard let language = Language(rawValue: signature.language ?? "pl") else { throw ConsoleCommandError(message: "--language must be pl, en, ru or uk") }
        let count = signature.count ?? 1
        guard (1...1000).contains(count) else { throw ConsoleCommandError(message: "--count must be from 1 to 1000") }
        try await DatabasePreparation.prepare(app, demo: false)
        guard let id = signature.office, let office = try await FluentDirectoryStore(db: app.db).office(id: id) else {
            throw ConsoleCommandError(message: "--office must name an office, e.g. pup-2002")
        }
        var clientID: UUID? = nil
        if let number = signature.client {
            guard let c = try await ClientStore(db: app.db).find(number: number) else { throw ConsoleCommandError(message: "no client \(number)") }
            clientID = c.id
        }
        let store = ContactCenterStore(db: app.db)
        for _ in 0..<count {
            let now = try await ServerClock.now(app.db)
            let i = try await store.enqueue(Interaction(channel: channel, clientID: clientID, language: language.rawValue, topic: topic,
                                                        officeID: office.id, voivodeshipCode: office.voivodeshipCode, queuedAt: now),
                                            context: ContactContext(origin: .command), now: now)
            context.console.print("Queued \(i.id.uuidString) (\(channel.rawValue), \(topic), \(office.id))")
        }
    }
}
