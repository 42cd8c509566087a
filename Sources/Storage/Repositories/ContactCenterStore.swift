import Fluent
import SQLKit
import Foundation
import ContactCenter

public enum ContactCenterStoreError: Error, Equatable {
    case notFound
    /// Someone changed the interaction meanwhile (e.g. another agent accepted it first).
    case changedMeanwhile
    case move(Interaction.MoveError)
}

/// Interactions, their events and the agents' states in the database. Every change is one
/// transaction: the new state (only if nobody changed it since it was read) and its event.
public struct ContactCenterStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = .sortedKeys; return e }()
    static func json<T: Encodable>(_ value: T) -> String { String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) }

    /// A new interaction in the queue, with its first event and its context (IVR path, digits,
    /// postal code…: shown on the desktop when it is offered); `line`: the number a call came
    /// in on, which the reports split by.
    @discardableResult
    public func enqueue(_ i: Interaction, context: ContactContext = ContactContext(), line: String? = nil, now: Date = Date()) async throws -> Interaction {
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).insert(into: "cc_interactions")
                .columns("id", "channel", "client_id", "language", "topic", "office_id", "voivodeship_code", "state", "priority", "queued_at",
                         "agent_id", "offered_at", "only_agent", "passed_by", "context", "version", "created_at", "arrived_at", "line")
                .values(SQLBind(i.id), SQLBind(i.channel.rawValue), SQLBind(i.clientID), SQLBind(i.language), SQLBind(i.topic), SQLBind(i.officeID),
                        SQLBind(i.voivodeshipCode), SQLBind(i.state.rawValue), SQLBind(i.priority), SQLBind(i.queuedAt), SQLBind(i.agentID),
                        SQLBind(i.offeredAt), SQLBind(i.onlyAgent), SQLBind(Self.json(i.passedBy.sorted())), SQLBind(Self.json(context)),
                        SQLBind(0), SQLBind(now), SQLBind(i.queuedAt), SQLBind(line)).run()
            try await Self.record(Interaction.Event(interactionID: i.id, from: .queued, to: .queued, at: i.queuedAt, agentID: nil, note: "created"), on: tx)
            return i
        }
    }

    /// A waiting caller asked to be called back without losing their place: the same contact,
    /// now a callback to their number, keeps its time in the line (it is offered when the call
    /// would have been answered) and counts once in the reports. False: no longer waiting.
    @discardableResult
    public func keepPlaceForCallback(_ id: UUID, phone: String, now: Date) async throws -> Bool {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            var context = try await ContactCenterStore(db: tx).context(of: id)
            context.phone = phone; context.attempt = 1; context.origin = .ivr
            context.caseNumber = context.caseNumber ?? ContactMessage.caseNumber(id)
            let rows = try await sql.raw("""
                UPDATE cc_interactions SET channel = \(bind: Channel.callback.rawValue), context = \(bind: Self.json(context)), version = version + 1 \
                WHERE id = \(bind: id) AND state = \(bind: InteractionState.queued.rawValue) AND channel = \(bind: Channel.voice.rawValue) RETURNING id
                """).all()
            guard !rows.isEmpty else { return false }
            try await Self.record(Interaction.Event(interactionID: id, from: .queued, to: .queued, at: now, agentID: nil,
                                                    note: "callback requested, place kept"), on: tx)
            return true
        }
    }

    public func find(_ id: UUID) async throws -> (interaction: Interaction, version: Int)? {
        try await (db as! any SQLDatabase).select().column("*").from("cc_interactions").where("id", .equal, SQLBind(id)).first().map(Self.interaction)
    }

    /// The interaction, read to be changed in the transaction this store runs on: on PostgreSQL
    /// its row stays locked until that transaction ends (SQLite's transactions already hold the
    /// write lock), so what is decided on this read still holds when it is written. A plain read
    /// let the router offer the contact between a hang-up's read and its write; the write then
    /// found another version and the carrier's webhook got a 500.
    ///
    /// The row of the agent holding it is locked first: a routing step locks the agents and then
    /// the contacts, and a change that frees the agent (a hang-up while it rings) taking them the
    /// other way round could deadlock with it.
    public func findForChange(_ id: UUID) async throws -> (interaction: Interaction, version: Int)? {
        if let holder = try await find(id)?.interaction.agentID { _ = try await agent(holder) }
        return try await (db as! any SQLDatabase).select().column("*").from("cc_interactions").where("id", .equal, SQLBind(id))
            .for(.update).first().map(Self.interaction)
    }

    /// The contact's context; a row that cannot be read (none should) gives an empty one rather
    /// than hiding the contact from the consultant.
    public func context(of id: UUID) async throws -> ContactContext {
        guard let row = try await (db as! any SQLDatabase).select().column("context").from("cc_interactions").where("id", .equal, SQLBind(id)).first()
        else { return ContactContext() }
        return (try? JSONDecoder().decode(ContactContext.self, from: Data(try row.decode(column: "context", as: String.self).utf8))) ?? ContactContext()
    }

    /// Applies one state change through the domain's state machine, in a transaction that
    /// fails when the interaction changed since it was read (the later of two accepting agents
    /// gets `changedMeanwhile`). `change` may also retarget it (a transfer).
    @discardableResult
    public func move(_ id: UUID, to next: InteractionState, agent: String? = nil, note: String? = nil, now: Date = Date(),
                     change: (@Sendable (inout Interaction) -> Void)? = nil) async throws -> Interaction {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let (current, version) = try await ContactCenterStore(db: tx).findForChange(id) else { throw ContactCenterStoreError.notFound }
            var i = current
            let event: Interaction.Event
            do { event = try i.move(to: next, at: now, agent: agent, note: note) } catch let e as Interaction.MoveError { throw ContactCenterStoreError.move(e) }
            change?(&i)
            let rows = try await sql.raw("""
                UPDATE cc_interactions SET state = \(bind: i.state.rawValue), agent_id = \(bind: i.agentID), offered_at = \(bind: i.offeredAt), \
                queued_at = \(bind: i.queuedAt), passed_by = \(bind: Self.json(i.passedBy.sorted())), office_id = \(bind: i.officeID), \
                voivodeship_code = \(bind: i.voivodeshipCode), topic = \(bind: i.topic), only_agent = \(bind: i.onlyAgent), \
                version = \(bind: version + 1) WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
                """).all()
            guard rows.count == 1 else { throw ContactCenterStoreError.changedMeanwhile }
            try await Self.record(event, on: tx)
            return i
        }
    }

    static func record(_ e: Interaction.Event, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "cc_events").columns("interaction_id", "from_state", "to_state", "at", "agent_id", "note")
            .values(SQLBind(e.interactionID), SQLBind(e.from.rawValue), SQLBind(e.to.rawValue), SQLBind(e.at), SQLBind(e.agentID), SQLBind(e.note)).run()
    }

    /// Every interaction waiting or on offer, oldest first: what the router works on.
    public func open() async throws -> [Interaction] {
        try await (db as! any SQLDatabase).select().column("*").from("cc_interactions")
            .where("state", .in, SQLBind.group([InteractionState.queued.rawValue, InteractionState.offered.rawValue]))
            .orderBy("queued_at").all().map { try Self.interaction($0).interaction }
    }

    public func events(of id: UUID) async throws -> [Interaction.Event] {
        try await (db as! any SQLDatabase).select().column("*").from("cc_events").where("interaction_id", .equal, SQLBind(id)).orderBy("seq").all().map { row in
            Interaction.Event(interactionID: id, from: InteractionState(rawValue: try row.decode(column: "from_state", as: String.self)) ?? .queued,
                              to: InteractionState(rawValue: try row.decode(column: "to_state", as: String.self)) ?? .queued,
                              at: try row.decode(column: "at", as: Date.self),
                              agentID: try row.decodeNil(column: "agent_id") ? nil : row.decode(column: "agent_id", as: String.self),
                              note: try row.decodeNil(column: "note") ? nil : row.decode(column: "note", as: String.self))
        }
    }

    static func interaction(_ row: any SQLRow) throws -> (interaction: Interaction, version: Int) {
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let passed = (try? JSONDecoder().decode([String].self, from: Data(try row.decode(column: "passed_by", as: String.self).utf8))) ?? []
        let i = Interaction(restoring: try row.decode(column: "id", as: UUID.self),
                            channel: Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .voice,
                            clientID: try row.decodeNil(column: "client_id") ? nil : row.decode(column: "client_id", as: UUID.self),
                            language: try row.decode(column: "language", as: String.self), topic: try row.decode(column: "topic", as: String.self),
                            officeID: try row.decode(column: "office_id", as: String.self),
                            voivodeshipCode: try row.decode(column: "voivodeship_code", as: String.self),
                            state: InteractionState(rawValue: try row.decode(column: "state", as: String.self)) ?? .queued,
                            queuedAt: try row.decode(column: "queued_at", as: Date.self), priority: try row.decode(column: "priority", as: Int.self),
                            passedBy: Set(passed), agentID: try os("agent_id"),
                            offeredAt: try row.decodeNil(column: "offered_at") ? nil : row.decode(column: "offered_at", as: Date.self),
                            onlyAgent: try os("only_agent"))
        return (i, try row.decode(column: "version", as: Int.self))
    }

    // MARK: agents

    /// Saves an agent's skills, state and load (a login, a state change, a finished contact).
    public func save(_ a: Agent, now: Date = Date()) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let state = Self.json(a.state)
            // Time in state (the wallboard) counts from the last change of state, not of load.
            let previous = try await sql.select().columns("state", "state_since").from("cc_agents").where("agent_id", .equal, SQLBind(a.id)).first()
            var since = now
            if let previous, try previous.decode(column: "state", as: String.self) == state, !(try previous.decodeNil(column: "state_since")) {
                since = try previous.decode(column: "state_since", as: Date.self)
            }
            // Updated in place, not deleted and inserted again: a transaction waiting on the row's
            // lock (`agent(_:)`) must find it afterwards, not a deleted row and nothing.
            let columns = ["offices", "voivodeships", "national_pool", "languages", "topics", "capacity", "load", "state", "idle_since", "updated_at", "state_since"]
            try await sql.insert(into: "cc_agents")
                .columns(["agent_id"] + columns)
                .values(SQLBind(a.id), SQLBind(Self.json(a.offices.sorted())), SQLBind(Self.json(a.voivodeships.sorted())), SQLBind(a.nationalPool),
                        SQLBind(Self.json(a.languages.sorted())), SQLBind(Self.json(a.topics.sorted())), SQLBind(Self.json(Self.byName(a.capacity))),
                        SQLBind(Self.json(Self.byName(a.load))), SQLBind(state), SQLBind(a.idleSince), SQLBind(now), SQLBind(since))
                .onConflict(with: "agent_id") { update in columns.reduce(update) { $0.set(excludedValueOf: $1) } }
                .run()
        }
    }

    public static func byName(_ m: [Channel: Int]) -> [String: Int] { Dictionary(uniqueKeysWithValues: m.map { ($0.key.rawValue, $0.value) }) }
    static func byChannel(_ m: [String: Int]) -> [Channel: Int] {
        Dictionary(uniqueKeysWithValues: m.compactMap { k, v in Channel(rawValue: k).map { ($0, v) } })
    }

    /// An agent read to be changed: on PostgreSQL the row stays locked to the end of the
    /// transaction, so the router adding an offer and a desktop ending a contact wait for each
    /// other instead of one writing back a count the other has changed (SQLite's writers are
    /// one at a time anyway). Transactions lock an agent before its contacts, as the router does.
    public func agent(_ id: String) async throws -> Agent? {
        try await statuses(where: id, locking: true).first?.agent
    }

    /// Every agent, as they are (not locked).
    public func agents() async throws -> [Agent] { try await statuses().map(\.agent) }

    /// Every agent, locked like `agent(_:)`, in one order (by id): for the router, which changes them.
    public func agentsForUpdate() async throws -> [Agent] { try await statuses(where: nil, locking: true).map(\.agent) }

    /// Agents with the moment they entered their current state (for the wallboard).
    public func statuses() async throws -> [(agent: Agent, stateSince: Date)] { try await statuses(where: nil, locking: false) }

    /// Agents who work for this office or this voivodeship, with the moment they entered their
    /// state: the colleagues a contact in that line can be handed to by name. Only their rows
    /// are read (the lists are stored as JSON text, so a LIKE narrows them down and the exact
    /// test follows): reading all 2 000 agents of the country for each contact opened on a
    /// desktop took a third of a server's time in the national peak benchmark.
    public func statuses(office: String, voivodeship: String) async throws -> [(agent: Agent, stateSince: Date)] {
        try await statuses(where: nil, locking: false) { q in
            q.where { $0.where("offices", .like, SQLBind("%" + Self.json(office) + "%")).orWhere("voivodeships", .like, SQLBind("%" + Self.json(voivodeship) + "%")) }
        }.filter { $0.agent.offices.contains(office) || $0.agent.voivodeships.contains(voivodeship) }
    }

    func statuses(where id: String?, locking: Bool, narrowedBy narrow: ((SQLSelectBuilder) -> Void)? = nil) async throws -> [(agent: Agent, stateSince: Date)] {
        let q = (db as! any SQLDatabase).select().column("*").from("cc_agents")
        if let id { q.where("agent_id", .equal, SQLBind(id)) }
        narrow?(q)
        if locking { q.for(.update) }
        // Every agent is read on each routing step and for each wait told, and their lists repeat
        // (one office's consultants share offices, languages, capacity, most share a state): each
        // distinct text is decoded once per read. Decoding every one took a quarter of the
        // routing server's time at the national peak.
        let decoder = JSONDecoder()
        var sets: [String: Set<String>] = [:], countsByText: [String: [Channel: Int]] = [:], states: [String: AgentState] = [:]
        func decoded<T>(_ row: any SQLRow, _ c: String, _ memo: inout [String: T], _ decode: (Data) -> T) throws -> T {
            let text = try row.decode(column: c, as: String.self)
            if let known = memo[text] { return known }
            let value = decode(Data(text.utf8))
            memo[text] = value
            return value
        }
        return try await q.orderBy("agent_id").all().map { row in
            func set(_ c: String) throws -> Set<String> { try decoded(row, c, &sets) { Set((try? decoder.decode([String].self, from: $0)) ?? []) } }
            func counts(_ c: String) throws -> [Channel: Int] {
                try decoded(row, c, &countsByText) { Self.byChannel((try? decoder.decode([String: Int].self, from: $0)) ?? [:]) }
            }
            var a = Agent(id: try row.decode(column: "agent_id", as: String.self), offices: try set("offices"), voivodeships: try set("voivodeships"),
                          nationalPool: try row.decode(column: "national_pool", as: Bool.self), languages: try set("languages"), topics: try set("topics"),
                          capacity: try counts("capacity"),
                          state: try decoded(row, "state", &states) { (try? decoder.decode(AgentState.self, from: $0)) ?? .offline },
                          idleSince: try row.decode(column: "idle_since", as: Date.self))
            a.load = try counts("load")
            let since = try row.decodeNil(column: "state_since") ? try row.decode(column: "updated_at", as: Date.self) : try row.decode(column: "state_since", as: Date.self)
            return (a, since)
        }
    }
}
