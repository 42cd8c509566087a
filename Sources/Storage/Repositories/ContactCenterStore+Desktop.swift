import Fluent
import SQLKit
import Foundation
import ContactCenter

/// A consultant's note on an interaction.
public struct InteractionNote: Sendable, Equatable {
    public let authorID: String
    public let text: String
    public let at: Date
}

/// One earlier contact as the client card lists it.
public struct HistoryItem: Sendable, Equatable {
    public let interaction: Interaction
    public let createdAt: Date
    public let outcome: OutcomeCode?
    public let manual: Bool
    public let notes: [InteractionNote]
}

extension ContactCenterStore {
    /// What an agent holds now: offers ringing, contacts in progress and in wrap-up.
    public func held(by agentID: String) async throws -> [Interaction] {
        try await (db as! any SQLDatabase).select().column("*").from("cc_interactions")
            .where("agent_id", .equal, SQLBind(agentID))
            .where("state", .in, SQLBind.group([InteractionState.offered, .connected, .wrapUp].map(\.rawValue)))
            .orderBy("queued_at").all().map { try Self.interaction($0).interaction }
    }

    public func addNote(_ id: UUID, author: String, text: String, at: Date) async throws {
        try await (db as! any SQLDatabase).insert(into: "cc_notes").columns("interaction_id", "author_id", "text", "at")
            .values(SQLBind(id), SQLBind(author), SQLBind(text), SQLBind(at)).run()
    }

    public func setOutcome(_ id: UUID, _ outcome: OutcomeCode) async throws {
        try await (db as! any SQLDatabase).update("cc_interactions").set("outcome", to: SQLBind(outcome.rawValue)).where("id", .equal, SQLBind(id)).run()
    }

    public func outcome(of id: UUID) async throws -> OutcomeCode? {
        let row = try await (db as! any SQLDatabase).select().column("outcome").from("cc_interactions").where("id", .equal, SQLBind(id)).first()
        guard let row, !(try row.decodeNil(column: "outcome")) else { return nil }
        return OutcomeCode(rawValue: try row.decode(column: "outcome", as: String.self))
    }

    public func notes(of ids: [UUID]) async throws -> [UUID: [InteractionNote]] {
        guard !ids.isEmpty else { return [:] }
        var notes: [UUID: [InteractionNote]] = [:]
        for row in try await (db as! any SQLDatabase).select().column("*").from("cc_notes")
            .where("interaction_id", .in, SQLBind.group(ids)).orderBy("seq").all() {
            notes[try row.decode(column: "interaction_id", as: UUID.self), default: []].append(
                InteractionNote(authorID: try row.decode(column: "author_id", as: String.self), text: try row.decode(column: "text", as: String.self),
                                at: try row.decode(column: "at", as: Date.self)))
        }
        return notes
    }

    /// Every contact of a client in every channel, newest first, with notes and outcomes.
    public func history(client: UUID, limit: Int = 100) async throws -> [HistoryItem] {
        let rows = try await (db as! any SQLDatabase).select().column("*").from("cc_interactions")
            .where("client_id", .equal, SQLBind(client)).orderBy("created_at", .descending).limit(limit).all()
        let items = try rows.map { row in
            (try Self.interaction(row).interaction, try row.decode(column: "created_at", as: Date.self),
             try row.decodeNil(column: "outcome") ? nil : OutcomeCode(rawValue: try row.decode(column: "outcome", as: String.self)),
             try row.decodeNil(column: "manual") ? false : try row.decode(column: "manual", as: Bool.self))
        }
        let notes = try await notes(of: items.map(\.0.id))
        return items.map { HistoryItem(interaction: $0.0, createdAt: $0.1, outcome: $0.2, manual: $0.3, notes: notes[$0.0.id] ?? []) }
    }

    /// A contact that reached the consultant some other way (a walk-in, a call to the office's
    /// number): recorded closed, with the same events as a routed one, in one transaction.
    public func logManual(_ i: Interaction, agent: String, outcome: OutcomeCode, note: String?, at: Date) async throws {
        try await db.transaction { tx in
            let store = ContactCenterStore(db: tx)
            try await store.enqueue(i, context: ContactContext(origin: .consultant), now: at)
            try await (tx as! any SQLDatabase).update("cc_interactions").set("manual", to: SQLBind(true)).where("id", .equal, SQLBind(i.id)).run()
            for next in [InteractionState.offered, .connected, .wrapUp, .closed] {
                try await store.move(i.id, to: next, agent: agent, note: next == .offered ? "logged manually" : nil, now: at)
            }
            try await store.setOutcome(i.id, outcome)
            if let note, !note.isEmpty { try await store.addNote(i.id, author: agent, text: note, at: at) }
        }
    }

    /// A waiting contact's place in the line: contacts of the same channel and office (or
    /// voivodeship) that go before theirs (higher priority, or the same and waiting longer), plus one.
    public func position(of i: Interaction, now: Date, inVoivodeship: Bool = false) async throws -> Int {
        let area: SQLQueryString = inVoivodeship ? "voivodeship_code = \(bind: i.voivodeshipCode)" : "office_id = \(bind: i.officeID)"
        let query: SQLQueryString = "SELECT COUNT(*) AS n FROM cc_interactions WHERE channel = \(bind: i.channel.rawValue) "
            + "AND state IN (\(bind: InteractionState.queued.rawValue), \(bind: InteractionState.offered.rawValue)) AND " + area
            + " AND queued_at <= \(bind: now) AND id <> \(bind: i.id) "
            + "AND (priority > \(bind: i.priority) OR (priority = \(bind: i.priority) AND queued_at < \(bind: i.queuedAt)))"
        let row = try await (db as! any SQLDatabase).raw(query).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0) + 1
    }

    /// The latest contacts of these offices (nil: every office), newest first: for supervisors.
    public func recent(offices: Set<String>?, limit: Int = 100) async throws -> [Interaction] {
        var q = (db as! any SQLDatabase).select().column("*").from("cc_interactions")
            .where("channel", .notEqual, SQLBind(Channel.visit.rawValue))
        if let offices { q = q.where("office_id", .in, SQLBind.group(Array(offices))) }
        return try await q.orderBy("queued_at", .descending).limit(limit).all().map { try Self.interaction($0).interaction }
    }
}
