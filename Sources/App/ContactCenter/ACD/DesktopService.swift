import Vapor
import Views
import Fluent
import SQLKit
import ContactCenter
import Storage
import Directory
import Localization

/// Why a desktop action was refused; each has a message in the catalogue.
struct DesktopError: LocalizedFailure, Equatable {
    let key: String
    var status: HTTPStatus = .conflict
    static let takenByAnother = DesktopError(key: "desktop.taken_by_another")
    static let offerLapsed = DesktopError(key: "desktop.offer_lapsed")
    static let notYours = DesktopError(key: "desktop.not_yours", status: .forbidden)
    static let notFound = DesktopError(key: "desktop.not_found", status: .notFound)
    static let finished = DesktopError(key: "desktop.already_finished")
    static let agentUnavailable = DesktopError(key: "desktop.transfer_agent_unavailable")
    static let stillHandling = DesktopError(key: "agent.still_handling")
}

/// What a consultant does with contacts: accept or decline an offer, end a contact, close it
/// with an outcome, transfer it, take notes, change state. Each action is one transaction
/// that checks the contact is still theirs (a version guard catches a second tab or a second
/// agent), then tells the desktops concerned.
struct DesktopService {
    let db: any Database
    let events: DesktopEvents
    let logger: Logger
    let wrapUpSeconds: TimeInterval
    /// Contact-centre hours: when a callback may be tried again.
    let calendar: BusinessCalendar
    /// For links in e-mails (the survey).
    let publicURL: String

    init(_ req: Request) {
        db = req.db; events = req.application.desktopEvents; logger = req.logger; wrapUpSeconds = req.services.config.wrapUpSeconds
        calendar = req.services.contactCentre; publicURL = req.services.config.publicURL
    }

    init(db: any Database, events: DesktopEvents, logger: Logger, wrapUpSeconds: TimeInterval, calendar: BusinessCalendar = .contactCentre,
         publicURL: String = "http://127.0.0.1:8080") {
        self.db = db; self.events = events; self.logger = logger; self.wrapUpSeconds = wrapUpSeconds; self.calendar = calendar
        self.publicURL = publicURL
    }

    enum TransferTarget: Equatable {
        case queue(officeID: String, voivodeshipCode: String, topic: String)
        case agent(String)
    }

    /// Whether someone who can take a transferred contact is logged in now.
    enum TransferResult: Equatable { case queued, queuedWithoutEligibleAgent }

    private func held(_ id: UUID, by agent: String, in states: Set<InteractionState>, _ store: ContactCenterStore) async throws -> Interaction {
        guard let (i, _) = try await store.findForChange(id) else { throw DesktopError.notFound }
        guard i.agentID == agent else { throw DesktopError.notYours }
        guard states.contains(i.state) else { throw DesktopError.finished }
        return i
    }

    /// The contact of an offer to this agent — or why not: it went back to the queue (the
    /// offer lapsed), or someone else has it. One's own contact in progress is returned as it is.
    private func offered(_ id: UUID, to agent: String, _ store: ContactCenterStore) async throws -> Interaction {
        guard let (i, _) = try await store.findForChange(id) else { throw DesktopError.notFound }
        if i.agentID == agent && [.offered, .connected, .wrapUp].contains(i.state) { return i }
        if i.state == .queued { throw DesktopError.offerLapsed }
        throw i.state.isFinal ? DesktopError.finished : DesktopError.takenByAnother
    }

    private func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch ContactCenterStoreError.changedMeanwhile { throw DesktopError.takenByAnother }
        catch ContactCenterStoreError.move(.heldByAnother) { throw DesktopError.takenByAnother }
        catch ContactCenterStoreError.move(.notAllowed) { throw DesktopError.finished }
        catch ContactCenterStoreError.notFound { throw DesktopError.notFound }
    }

    /// Accepting an offer. Accepting again what one already holds (a second tab) is fine.
    func accept(_ id: UUID, agent: String) async throws -> Interaction {
        let now = try await ServerClock.now(db)
        let i: Interaction = try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                let i = try await offered(id, to: agent, store)
                if i.state != .offered { return i }
                return try await store.move(id, to: .connected, agent: agent, now: now)
            }
        }
        await events.publish(Self.changed([agent], i), on: db, logger: logger)
        return i
    }

    /// Declining an offer: it goes back to the queue (not to this agent again).
    func decline(_ id: UUID, agent: String) async throws {
        let now = try await ServerClock.now(db)
        try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                _ = try await store.agent(agent)   // the agent before the contact: the router's order
                let i = try await offered(id, to: agent, store)
                guard i.state == .offered else { throw DesktopError.finished }
                try await store.move(id, to: .queued, note: "declined", now: now)
                try await release(agent, channel: i.channel, after: .declined, now: now, store)
            }
        }
        await events.publish(DesktopMessage(agents: [agent], kind: "changed"), on: db, logger: logger)
    }

    /// The conversation is over: the contact goes to wrap-up, and so does the agent when it
    /// was their last one.
    func end(_ id: UUID, agent: String) async throws {
        let now = try await ServerClock.now(db)
        let i: Interaction = try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                _ = try await store.agent(agent)   // the agent before the contact: the router's order
                let i = try await held(id, by: agent, in: [.connected], store)
                try await store.move(id, to: .wrapUp, agent: agent, now: now)
                try await release(agent, channel: i.channel, after: .ended, now: now, store)
                if i.channel == .chat { try await ChatStore(db: tx).add(id, author: .system, agent: agent, text: "agent_ended", at: now) }
                return i
            }
        }
        await events.publish(Self.changed([agent], i), on: db, logger: logger)
    }

    /// Closing with an outcome (ending it first if it is still connected).
    func close(_ id: UUID, agent: String, outcome: OutcomeCode, note: String?) async throws {
        let now = try await ServerClock.now(db)
        let i: Interaction = try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                _ = try await store.agent(agent)   // the agent before the contact: the router's order
                let i = try await held(id, by: agent, in: [.connected, .wrapUp], store)
                if i.state == .connected {
                    try await store.move(id, to: .wrapUp, agent: agent, now: now)
                    try await release(agent, channel: i.channel, after: .ended, now: now, store)
                    if i.channel == .chat { try await ChatStore(db: tx).add(id, author: .system, agent: agent, text: "agent_ended", at: now) }
                }
                if let note, !note.isEmpty { try await store.addNote(id, author: agent, text: note, at: now) }
                try await store.setOutcome(id, outcome)
                try await store.move(id, to: .closed, agent: agent, now: now)
                if i.channel == .callback && outcome == .notReached { try await retryCallback(i, now: now, store) }
                // A chat asks for its rating in the chat itself.
                try await sendSurvey(i, reached: outcome != .notReached, now: now, tx)
                if var a = try await store.agent(agent), case .wrapUp = a.state, a.load.values.reduce(0, +) == 0 {
                    a.state = .available; a.idleSince = now
                    try await store.save(a, now: now)
                }
                return i
            }
        }
        await events.publish(Self.changed([agent], i), on: db, logger: logger)
    }

    /// The survey of `SurveyPolicy`, its link kept only as a hash; with the close, or not at all.
    private func sendSurvey(_ i: Interaction, reached: Bool, now: Date, _ db: any Database) async throws {
        let client = try await i.clientID.asyncMap { try await ClientStore(db: db).find(id: $0) } ?? nil
        let context = try await ContactCenterStore(db: db).context(of: i.id)
        guard let route = SurveyPolicy.route(channel: i.channel, reached: reached, email: client?.emails.first ?? context.email,
                                             phone: client?.phones.first ?? context.phone) else { return }
        let token = Secrets.randomToken()
        let language = Language(rawValue: i.language) ?? .pl
        try await SurveyStore(db: db).create(interaction: i.id, tokenHash: Secrets.sha256Hex(token), language: language.rawValue, now: now)
        switch route {
        case .email(let email):
            try await Outbox(db: db).enqueue(MailComposer(publicURL: publicURL).survey(to: email, token: token, language: language))
        case .sms(let phone):
            try await SMSStore(db: db).enqueue(SMSMessage(phone: phone, body: SMSTexts.survey(link: publicURL + SiteRoute.survey(token).path, language: language),
                                                          kind: "survey", clientID: i.clientID, interactionID: i.id, sendAt: now), now: now)
        }
    }

    /// The next attempt of `CallbackPolicy`, with the same context.
    private func retryCallback(_ i: Interaction, now: Date, _ store: ContactCenterStore) async throws {
        let context = try await store.context(of: i.id)
        guard let at = CallbackPolicy.retry(after: context.attempt ?? 1, now: now, nextOpening: { calendar.nextOpening(after: $0) }) else { return }
        let next = Interaction(channel: .callback, clientID: i.clientID, language: i.language, topic: i.topic, officeID: i.officeID,
                               voivodeshipCode: i.voivodeshipCode, queuedAt: at, priority: i.priority)
        try await store.enqueue(next, context: context.nextAttempt(after: i.id), now: now)
    }

    func addNote(_ id: UUID, agent: String, text: String) async throws {
        let now = try await ServerClock.now(db)
        try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                _ = try await held(id, by: agent, in: [.connected, .wrapUp], store)
                try await store.addNote(id, author: agent, text: text, at: now)
            }
        }
    }

    /// Hands a connected contact to another queue or a named agent, with a note; it waits in
    /// the queue like any other and the agent is free again.
    func transfer(_ id: UUID, agent: String, to target: TransferTarget, note: String) async throws -> TransferResult {
        let now = try await ServerClock.now(db)
        let (result, notify, chatOf): (TransferResult, [String], Interaction) = try await mapped {
            try await db.transaction { tx in
                let store = ContactCenterStore(db: tx)
                _ = try await store.agent(agent)   // the agent before the contact: the router's order
                let i = try await held(id, by: agent, in: [.connected], store)
                // Read, not locked: locking them all while holding one could deadlock with the router.
                let agents = try await store.agents()
                var eligible: [Agent]
                switch target {
                case .agent(let other):
                    guard other != agent, let a = agents.first(where: { $0.id == other }), a.serves(i.channel, language: i.language) else { throw DesktopError.agentUnavailable }
                    eligible = [a]
                case .queue(let office, let voivodeship, let topic):
                    eligible = agents.filter { a in
                        a.id != agent && a.serves(i.channel, language: i.language) && (a.topics.isEmpty || a.topics.contains(topic))
                            && (a.offices.contains(office) || a.voivodeships.contains(voivodeship) || a.nationalPool)
                    }
                }
                try await store.move(id, to: .transferred, agent: agent, note: note, now: now) { moved in
                    switch target {
                    case .agent(let other): moved.retarget(officeID: i.officeID, voivodeshipCode: i.voivodeshipCode, onlyAgent: other)
                    case .queue(let office, let voivodeship, let topic): moved.retarget(officeID: office, voivodeshipCode: voivodeship, topic: topic)
                    }
                }
                try await store.move(id, to: .queued, note: "transfer", now: now)
                try await store.addNote(id, author: agent, text: note, at: now)
                try await release(agent, channel: i.channel, after: .transferred, now: now, store)
                if i.channel == .chat { try await ChatStore(db: tx).add(id, author: .system, agent: agent, text: "transferred", at: now) }
                return (eligible.isEmpty ? .queuedWithoutEligibleAgent : .queued, [agent] + eligible.map(\.id), i)
            }
        }
        await events.publish(Self.changed(notify, chatOf), on: db, logger: logger)
        return result
    }

    /// Desktops concerned look again; for a chat, the visitor's page too.
    static func changed(_ agents: [String], _ i: Interaction) -> DesktopMessage {
        DesktopMessage(agents: agents, kind: "changed", chat: i.channel == .chat ? i.id.uuidString : nil)
    }

    enum Release { case declined, ended, transferred }

    /// One contact fewer for the agent; with none left they are available again (after a
    /// decline or a transfer) or in wrap-up for the configured time (after a contact ended).
    func release(_ agentID: String, channel: ContactCenter.Channel, after: Release, now: Date, _ store: ContactCenterStore) async throws {
        guard var a = try await store.agent(agentID) else { return }
        a.load[channel] = max(0, a.load[channel, default: 0] - 1)
        if a.load.values.reduce(0, +) == 0, a.state == .busy {
            switch after {
            case .ended where wrapUpSeconds > 0: a.state = .wrapUp(until: now.addingTimeInterval(wrapUpSeconds))
            case .declined: a.state = .available
            default: a.state = .available; a.idleSince = now
            }
        }
        try await store.save(a, now: now)
    }

    /// A state the agent chose or a supervisor set. Leaving (break, offline) is refused while
    /// contacts are in progress — unless a supervisor forces it; either way offers still
    /// ringing go back to the queue.
    func changeState(of agentID: String, to next: AgentState, forced: Bool) async throws -> Agent {
        let now = try await ServerClock.now(db)
        let agent: Agent = try await db.transaction { tx in
            let store = ContactCenterStore(db: tx)
            guard var a = try await store.agent(agentID) else { throw DesktopError.notFound }
            let held = try await store.held(by: agentID)
            if next != .available && !forced && held.contains(where: { $0.state == .connected }) { throw DesktopError.stillHandling }
            if next != .available {
                for i in held where i.state == .offered {
                    try await store.move(i.id, to: .queued, note: "agent left", now: now)
                    a.load[i.channel] = max(0, a.load[i.channel, default: 0] - 1)
                }
            }
            if next == .available && a.state != .available { a.idleSince = now }
            // Someone still holding contacts is busy, whatever they asked for.
            a.state = next == .available && a.load.values.contains(where: { $0 > 0 }) ? .busy : next
            try await store.save(a, now: now)
            return a
        }
        await events.publish(DesktopMessage(agents: [agentID], kind: "state"), on: db, logger: logger)
        return agent
    }

    /// The topics (queues) the agent takes; empty: every topic.
    func setQueues(of agentID: String, topics: Set<String>) async throws -> Agent {
        let now = try await ServerClock.now(db)
        let agent: Agent = try await db.transaction { tx in
            let store = ContactCenterStore(db: tx)
            guard var a = try await store.agent(agentID) else { throw DesktopError.notFound }
            a.topics = topics
            try await store.save(a, now: now)
            return a
        }
        await events.publish(DesktopMessage(agents: [agentID], kind: "state"), on: db, logger: logger)
        return agent
    }
}

extension Application {
    private struct DesktopEventsKey: StorageKey { typealias Value = DesktopEvents }
    private struct ClusterLinkKey: StorageKey { typealias Value = ClusterLink }

    var desktopEvents: DesktopEvents {
        get { storage[DesktopEventsKey.self]! }
        set { storage[DesktopEventsKey.self] = newValue }
    }

    /// Only with PostgreSQL.
    var clusterLink: ClusterLink? {
        get { storage[ClusterLinkKey.self] }
        set { storage[ClusterLinkKey.self] = newValue }
    }
}
