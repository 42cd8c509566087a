import Fluent
import SQLKit
import Foundation
import ContactCenter

/// Past contacts written in bulk (`zielona seed --history`, the reports benchmark): a day's
/// contacts, their state changes and survey answers in one transaction of multi-row inserts,
/// as the contact centre itself would have written them one by one.
public struct ContactHistoryLoader: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func load(_ contacts: [TrafficHistory.Contact]) async throws {
        guard !contacts.isEmpty else { return }
        let context = ContactCenterStore.json(ContactContext())
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            for start in stride(from: 0, to: contacts.count, by: 300) {
                let chunk = contacts[start..<min(start + 300, contacts.count)]
                let interactions = sql.insert(into: "cc_interactions")
                    .columns("id", "channel", "client_id", "language", "topic", "office_id", "voivodeship_code", "state", "priority", "queued_at",
                             "agent_id", "offered_at", "only_agent", "passed_by", "context", "version", "created_at", "arrived_at", "outcome", "manual")
                for c in chunk {
                    let offered = c.steps.last { $0.to == "offered" }?.at
                    interactions.values([SQLBind(c.id), SQLBind(c.channel), SQLBind(c.clientID), SQLBind(c.language), SQLBind(c.topic), SQLBind(c.officeID),
                                         SQLBind(c.voivodeship), SQLBind(c.state), SQLBind(0), SQLBind(c.steps.last { $0.to == "queued" }?.at ?? c.arrived),
                                         SQLBind(c.agent), SQLBind(offered), SQLBind(nil as String?), SQLBind("[]"), SQLBind(context), SQLBind(c.steps.count),
                                         SQLBind(c.arrived), SQLBind(c.arrived), SQLBind(c.state == "closed" ? "resolved" : nil as String?), SQLBind(false)])
                }
                try await interactions.run()
                let events = sql.insert(into: "cc_events").columns("interaction_id", "from_state", "to_state", "at", "agent_id", "note")
                var any = false
                for c in chunk {
                    for (n, s) in c.steps.enumerated() {
                        events.values([SQLBind(c.id), SQLBind(s.from), SQLBind(s.to), SQLBind(s.at), SQLBind(s.agent), SQLBind(n == 0 ? "created" : nil as String?)])
                        any = true
                    }
                }
                if any { try await events.run() }
                let rated = chunk.filter { $0.rating != nil }
                if !rated.isEmpty {
                    let surveys = sql.insert(into: "cc_surveys").columns("id", "interaction_id", "token_hash", "language", "sent_at", "answered_at", "rating", "comment")
                    for c in rated {
                        let closed = c.steps.last?.at ?? c.arrived
                        surveys.values([SQLBind(UUID()), SQLBind(c.id), SQLBind("history-" + c.id.uuidString), SQLBind(c.language), SQLBind(closed),
                                        SQLBind(closed.addingTimeInterval(600)), SQLBind(c.rating), SQLBind(nil as String?)])
                    }
                    try await surveys.run()
                }
            }
        }
    }
}
