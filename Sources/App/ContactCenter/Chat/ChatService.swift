import Vapor
import Reporting
import Fluent
import ContactCenter
import Storage
import Localization
import Views

/// Why a chat action was refused; each has a message in the catalogue.
struct ChatError: Error, Equatable {
    let key: String
    var status: HTTPStatus = .badRequest
    static let empty = ChatError(key: "chat.error_empty")
    static let tooLong = ChatError(key: "chat.error_too_long")
    static let tooMany = ChatError(key: "chat.error_too_many", status: .tooManyRequests)
    static let over = ChatError(key: "chat.error_over", status: .conflict)
    static let notOver = ChatError(key: "chat.error_not_over", status: .conflict)
    static let noChat = ChatError(key: "chat.error_none", status: .notFound)
    static let rated = ChatError(key: "chat.error_rated", status: .conflict)
}

/// Live chat between a portal visitor and a consultant. The chat is an interaction of the
/// chat channel, routed like every other; lines are kept with it. Every change is told to the
/// consultant's desktop and the visitor's page (on whichever process they are connected).
struct ChatService {
    let db: any Database
    let events: DesktopEvents
    let logger: Logger
    let publicURL: String
    let wait: WaitEstimate

    init(_ req: Request) { self.init(app: req.application, logger: req.logger) }
    init(app: Application, logger: Logger) {
        db = app.db; events = app.desktopEvents; self.logger = logger; publicURL = app.services.config.publicURL; wait = WaitEstimate(app: app)
    }

    /// Lines per visitor per minute: more is a flood, not a conversation.
    static let linesPerMinute = 30
    /// Transcripts one chat may e-mail.
    static let transcriptLimit = 3

    static func publicTokenHash(_ token: String) -> String { Secrets.sha256Hex(token) }

    func tell(_ i: Interaction, kind: String = "chat") async {
        await events.publish(DesktopMessage(agents: i.agentID.map { [$0] } ?? [], kind: kind, chat: i.id.uuidString), on: db, logger: logger)
    }

    static func checked(_ raw: String) throws -> String {
        do { return try ChatLine.text(raw) } catch .empty { throw ChatError.empty } catch { throw ChatError.tooLong }
    }

    // MARK: the visitor

    func visitorSays(_ chat: ChatRecord, text raw: String) async throws {
        let text = try Self.checked(raw)
        guard try await RateLimiter(db: db).hit("chat-say:\(chat.interactionID)", limit: Self.linesPerMinute, window: 60) else { throw ChatError.tooMany }
        let now = try await ServerClock.now(db)
        guard let (i, _) = try await ContactCenterStore(db: db).find(chat.interactionID) else { throw ChatError.noChat }
        guard ChatPhase.of(i.state, visitorEnded: chat.endedByVisitorAt != nil) != .ended else { throw ChatError.over }
        do { try await ChatStore(db: db).add(i.id, author: .visitor, agent: nil, text: text, at: now) } catch ChatStore.LineError.tooManyLines { throw ChatError.tooMany }
        await tell(i)
    }

    func visitorTyping(_ chat: ChatRecord) async {
        guard let (i, _) = try? await ContactCenterStore(db: db).find(chat.interactionID), i.state == .connected, let agent = i.agentID else { return }
        await events.publish(DesktopMessage(agents: [agent], kind: "typing", chat: i.id.uuidString, by: "visitor"), on: db, logger: logger)
    }

    /// The visitor ends the chat: one still waiting is given up (an offer ringing goes away
    /// from the consultant); one in progress gets a line saying so, and the consultant ends it.
    func visitorEnds(_ chat: ChatRecord) async throws {
        let now = try await ServerClock.now(db)
        let i: Interaction? = try await db.transaction { tx in
            let store = ContactCenterStore(db: tx)
            guard let (i, _) = try await store.findForChange(chat.interactionID) else { throw ChatError.noChat }
            guard chat.endedByVisitorAt == nil, !i.state.isFinal, i.state != .wrapUp else { return nil }
            try await ChatStore(db: tx).endByVisitor(i.id, at: now)
            switch i.state {
            case .queued:
                return try await store.move(i.id, to: .abandoned, note: "visitor ended the chat", now: now)
            case .offered:
                let moved = try await store.move(i.id, to: .abandoned, note: "visitor ended the chat", now: now)
                if let agent = i.agentID {
                    try await DesktopService(db: tx, events: events, logger: logger, wrapUpSeconds: 0).release(agent, channel: .chat, after: .declined, now: now, store)
                }
                return i.agentID == nil ? moved : i
            default:
                try await ChatStore(db: tx).add(i.id, author: .system, agent: nil, text: "visitor_ended", at: now)
                return i
            }
        }
        // The consultant it was offered to or who has it (the interaction as it was) hears of it.
        if let i { await tell(i) }
    }

    /// The transcript to the address given (or the one the visitor gave at the start).
    func sendTranscript(_ chat: ChatRecord, to email: String, language: Language) async throws {
        guard chat.transcriptsSent < Self.transcriptLimit else { throw ChatError.tooMany }
        let lines = try await ChatStore(db: db).lines(of: chat.interactionID)
        let t = Catalogues.bundled[language]
        let text = lines.map { "[\(DateText.time($0.at, language))] \(Self.who($0.author, visitor: true, t)): \(Self.text($0, t))" }
        let mail = MailComposer(publicURL: publicURL).chatTranscript(to: email, lines: text, case: ContactMessage.caseNumber(chat.interactionID), language: language)
        try await db.transaction { tx in
            try await ChatStore(db: tx).countTranscript(chat.interactionID)
            try await Outbox(db: tx).enqueue(mail)
        }
    }

    /// A 1–5 rating at the end of the chat, attached to the interaction like an e-mailed survey.
    func rate(_ chat: ChatRecord, rating: Int, comment: String?, language: Language) async throws {
        guard let (i, _) = try await ContactCenterStore(db: db).find(chat.interactionID) else { throw ChatError.noChat }
        guard ChatPhase.of(i.state, visitorEnded: chat.endedByVisitorAt != nil) == .ended else { throw ChatError.notOver }
        let now = try await ServerClock.now(db)
        try await db.transaction { tx in
            let surveys = SurveyStore(db: tx)
            guard try await surveys.of(interactions: [i.id]).isEmpty else { throw ChatError.rated }
            // No link to reach it by: the token is a random value nobody holds.
            let hash = Secrets.sha256Hex(Secrets.randomToken())
            try await surveys.create(interaction: i.id, tokenHash: hash, language: language.rawValue, now: now)
            guard let survey = try await surveys.find(tokenHash: hash, now: now) else { throw ChatError.noChat }
            try await surveys.answer(survey.id, rating: rating, comment: comment, now: now)
        }
    }

    // MARK: the consultant

    func agentSays(_ id: UUID, agent: String, text raw: String) async throws {
        let text = try Self.checked(raw)
        let now = try await ServerClock.now(db)
        guard let (i, _) = try await ContactCenterStore(db: db).find(id), i.channel == .chat else { throw DesktopError.notFound }
        guard i.agentID == agent else { throw DesktopError.notYours }
        guard i.state == .connected else { throw DesktopError.finished }
        do { try await ChatStore(db: db).add(id, author: .agent, agent: agent, text: text, at: now) } catch ChatStore.LineError.tooManyLines { throw ChatError.tooMany }
        await tell(i)
        // A seeker known to the office may have left the chat's page: their devices that take
        // chat replies are told (the app does not show it over the open chat).
        if let clientID = i.clientID, let account = try await ClientStore(db: db).find(id: clientID)?.accountID {
            let t = Catalogues.bundled[Language(rawValue: i.language) ?? .pl]
            try await PushOutbox(db: db).enqueue(PendingPush(accountID: account, kind: .chat, title: t.text("push.chat.title"),
                                                             body: String(text.prefix(120)), url: SiteRoute.chat.path,
                                                             tag: "chat-" + id.uuidString.lowercased(), sendAt: now), now: now)
        }
    }

    func agentTyping(_ id: UUID, agent: String) async throws {
        guard let (i, _) = try await ContactCenterStore(db: db).find(id), i.channel == .chat else { throw DesktopError.notFound }
        guard i.agentID == agent else { throw DesktopError.notYours }
        guard i.state == .connected else { return }
        await events.publish(DesktopMessage(agents: [], kind: "typing", chat: id.uuidString, by: "agent"), on: db, logger: logger)
    }

    // MARK: what the pages show

    static func who(_ author: ChatLine.Author, visitor: Bool, _ t: Localization.Catalogue) -> String {
        switch author {
        case .visitor: t.text(visitor ? "chat.who_you" : "chat.who_visitor")
        case .agent: t.text(visitor ? "chat.who_consultant" : "chat.who_you")
        case .system: t.text("site.name")
        }
    }

    /// System lines are stored as keys, so each side reads them in its own language.
    static func text(_ line: ChatLine, _ t: Localization.Catalogue) -> String {
        line.author == .system ? t.text("chat.system_" + line.text) : line.text
    }

    func view(_ chat: ChatRecord, forVisitor: Bool, language: Language) async throws -> ChatConversation {
        let t = Catalogues.bundled[language]
        let store = ContactCenterStore(db: db)
        guard let (i, _) = try await store.find(chat.interactionID) else { throw ChatError.noChat }
        let phase = ChatPhase.of(i.state, visitorEnded: chat.endedByVisitorAt != nil)
        let status: String
        switch (phase, forVisitor) {
        case (.waiting, true):
            let now = try await ServerClock.now(db)
            // The same live figures as a caller hears.
            let (position, minutes) = try await wait.told(i, now: now)
            status = t.text("chat.status_waiting", ["position": "\(position)", "minutes": "\(minutes)"])
        case (.talking, true): status = t.text("chat.status_talking")
        case (.ended, true): status = t.text("chat.status_ended")
        case (_, false):
            status = chat.endedByVisitorAt != nil ? t.text("chat.agent_status_ended") :
                chat.leftAt != nil ? t.text("chat.agent_status_left") : t.text("chat.agent_status_here")
        }
        let lines = try await ChatStore(db: db).lines(of: i.id).map {
            ChatConversation.Line(id: $0.id, author: $0.author.rawValue, who: Self.who($0.author, visitor: forVisitor, t), text: Self.text($0, t),
                          time: DateText.time($0.at, language))
        }
        return ChatConversation(phase: phase.rawValue, status: status, lines: lines)
    }
}
