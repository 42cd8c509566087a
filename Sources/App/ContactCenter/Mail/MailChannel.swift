import Vapor
import Views
import Fluent
import ContactCenter
import Directory
import Storage
import Mailer
import Localization

/// The e-mail channel. Each message read from the service mailbox is kept with its case: a
/// reply (In-Reply-To / References naming a message of a case) continues that case — on the
/// contact still open, or as a new contact of the same case; anything else starts a case for
/// the office it names (kontakt+OFFICE@…), the known client's office, or the default one. A
/// new case is acknowledged with its number, unless a machine wrote the message, it came from
/// this system itself, or the sender has had three acknowledgements this hour (loops end).
struct MailChannel {
    let db: any Database
    let events: DesktopEvents
    let logger: Logger
    let config: AppConfig

    enum Outcome: Equatable { case newCase(UUID), continued(UUID), duplicate, ownMail }

    /// Acknowledgements per sender per hour.
    static let acknowledgementsPerHour = 3

    func receive(_ raw: Data, size: Int, headerOnly: Bool, now: Date) async throws -> Outcome {
        var m = InboundMessage.parse(raw)
        if headerOnly { m.text = ""; m.attachments = [] }
        let messageID = m.messageID ?? ("zl-" + Secrets.sha256Hex(String(decoding: raw, as: UTF8.self)) + "@inbound.invalid")
        if try await MailStore(db: db).exists(messageID: messageID) { return .duplicate }
        if m.fromAddress == config.serviceAddress { return .ownMail }
        let store = ContactCenterStore(db: db)
        var problems = m.problems.map(\.rawValue)
        if headerOnly { problems.append("too_large") }
        let thread = try await MailStore(db: db).thread(referringTo: [m.inReplyTo].compactMap { $0 } + m.references)
        var previous: Interaction? = nil
        if let thread { previous = try await store.find(thread.interactionID)?.interaction }
        let clients = m.fromAddress.isEmpty ? [] : try await ClientStore(db: db).find(contact: "email", value: m.fromAddress)
        let clientID = clients.count == 1 ? clients[0].id : previous?.clientID
        var interaction: Interaction
        var isNew = true
        if let previous, !previous.state.isFinal {
            interaction = previous; isNew = false
        } else {
            let office = try await self.office(for: m, previous: previous, client: clients.count == 1 ? clients[0] : nil)
            interaction = Interaction(channel: .email, clientID: clientID, language: previous?.language ?? "pl", topic: previous?.topic ?? ContactTopic.other.rawValue,
                                      officeID: office.id, voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        }
        let caseID = thread?.caseID ?? interaction.id
        let record = MailRecord(interactionID: interaction.id, caseID: caseID, direction: .inbound, messageID: messageID, inReplyTo: m.inReplyTo,
                                references: Array(m.references.suffix(20)), fromAddress: m.fromAddress, fromName: m.fromName,
                                toAddress: m.to.first ?? config.serviceAddress, subject: String(m.subject.prefix(300)), body: m.text,
                                problems: problems, automatic: m.isAutomatic, size: size, at: now)
        var acknowledge = thread == nil && !m.isAutomatic && !m.fromAddress.isEmpty
        if acknowledge {
            let recent = try await MailStore(db: db).acknowledgements(to: m.fromAddress, since: now.addingTimeInterval(-3_600))
            acknowledge = recent < Self.acknowledgementsPerHour
        }
        let acknowledging = acknowledge
        let frozen = interaction, created = isNew
        let attachments = m.attachments.map { (filename: $0.filename, contentType: $0.contentType, data: $0.data) }
        let frozenContext = ContactContext(email: m.fromAddress, name: m.fromName.flatMap { $0.isEmpty ? nil : $0 },
                                           subject: String(m.subject.prefix(300)), caseNumber: ContactMessage.caseNumber(caseID),
                                           previous: thread != nil ? previous?.id : nil)
        let language = Language(rawValue: frozen.language) ?? .pl
        try await db.transaction { tx in
            if created { try await ContactCenterStore(db: tx).enqueue(frozen, context: frozenContext, now: now) }
            try await MailStore(db: tx).insert(record, attachments: attachments)
            if acknowledging { try await self.acknowledge(record, language: language, now: now, tx) }
        }
        await events.publish(DesktopMessage(agents: isNew ? [] : [frozen.agentID].compactMap { $0 }, kind: isNew ? "queue" : "changed"),
                             on: db, logger: logger)
        return isNew && thread == nil ? .newCase(caseID) : .continued(caseID)
    }

    /// The office named by the address (kontakt+pup-2002@…), else the case's, else the known
    /// client's, else the default.
    func office(for m: InboundMessage, previous: Interaction?, client: OfficeClient?) async throws -> Office {
        let directory = FluentDirectoryStore(db: db)
        let local = config.serviceAddress.split(separator: "@").first.map(String.init) ?? ""
        for address in m.to where address.hasPrefix(local + "+") {
            let tag = address.dropFirst(local.count + 1).prefix { $0 != "@" }
            if let o = try await directory.office(id: String(tag)) { return o }
        }
        for id in [previous?.officeID, client?.officeID, config.mailDefaultOffice].compactMap({ $0 }) {
            if let o = try await directory.office(id: id) { return o }
        }
        throw Abort(.internalServerError, reason: "MAIL_DEFAULT_OFFICE names no office")
    }

    /// "We have your message": the case number, threaded to the message, from the service address.
    func acknowledge(_ r: MailRecord, language: Language, now: Date, _ tx: any Database) async throws {
        let caseNumber = ContactMessage.caseNumber(r.caseID)
        var mail = MailComposer(publicURL: config.publicURL).compose(to: r.fromAddress, kind: "mail_acknowledgement", language: language,
                                                                      subjectKey: "mail.ack.subject", paragraphs: ["mail.ack.body"],
                                                                      link: config.publicURL + SiteRoute.faq.path, args: ["case": caseNumber])
        mail.subject = Self.replySubject(r.subject, caseNumber: caseNumber, fallback: mail.subject)
        try await send(mail, answering: r, author: nil, now: now, tx)
    }

    /// Queues a message answering `r` (threading headers, Reply-To the service address) and
    /// keeps it with the case under the Message-ID it will go out with.
    func send(_ mail: OutboxMessage, answering r: MailRecord, author: String?, now: Date, _ tx: any Database) async throws {
        try await send(mail, case: r.caseID, interaction: r.interactionID, inReplyTo: r.messageID, references: r.references + [r.messageID],
                       author: author, now: now, tx)
    }

    /// Queues a message of a case (a first answer to a web form or a booking starts the thread
    /// there: the client's reply to it continues the same case) and keeps it with the case.
    func send(_ mail: OutboxMessage, case caseID: UUID, interaction: UUID, inReplyTo: String?, references: [String], author: String?,
              now: Date, _ tx: any Database) async throws {
        var m = mail
        m.id = UUID()
        m.inReplyTo = inReplyTo
        m.references = Array(references.suffix(20))
        m.replyTo = config.serviceAddress
        m.personal = author != nil
        try await Outbox(db: tx).enqueue(m, now: now)
        let out = MailRecord(interactionID: interaction, caseID: caseID, direction: .outbound,
                             messageID: OutboxSender.messageID(m.id!, domain: config.messageIDDomain), inReplyTo: inReplyTo,
                             references: m.references, fromAddress: config.serviceAddress, fromName: nil, toAddress: m.recipient,
                             subject: m.subject, body: m.textBody, problems: [], automatic: author == nil, size: m.textBody.utf8.count, at: now,
                             authorID: author)
        try await MailStore(db: tx).insert(out)
    }

    /// "Re: <their subject> [ZL-…]", each once.
    static func replySubject(_ subject: String, caseNumber: String, fallback: String) -> String {
        var s = subject.isEmpty ? fallback : subject
        if !s.lowercased().hasPrefix("re:") { s = "Re: " + s }
        if !s.contains(caseNumber) { s += " [\(caseNumber)]" }
        return s
    }
}
