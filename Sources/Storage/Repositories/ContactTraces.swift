import Fluent
import SQLKit
import Foundation
import Reporting

extension ContactCenterStore {
    /// The contacts that arrived (their first event) in `from ..< until`, of these offices (nil:
    /// every office), each with its state changes in the order they happened: what the reports
    /// compute their figures from.
    public func traces(arrivedFrom from: Date, until: Date, offices: Set<String>? = nil) async throws -> [ContactTrace] {
        let sql = db as! any SQLDatabase
        var officeFilter: SQLQueryString = ""
        if let offices {
            guard !offices.isEmpty else { return [] }
            officeFilter = " AND i.office_id IN (" + offices.sorted().map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ") + ")"
        }
        let rows = try await sql.raw("""
            SELECT i.id, i.channel, i.office_id, i.topic, i.language, i.client_id, e.to_state, e.at, e.agent_id
            FROM cc_interactions i JOIN cc_events e ON e.interaction_id = i.id
            WHERE i.id IN (SELECT interaction_id FROM cc_events GROUP BY interaction_id
                           HAVING MIN(at) >= \(bind: from) AND MIN(at) < \(bind: until))
            """ + officeFilter + " ORDER BY i.id, e.seq").all()
        var traces: [ContactTrace] = []
        var current: (id: UUID, channel: String, office: String, topic: String, language: String, client: UUID?, steps: [ContactTrace.Step])?
        func flush() {
            if let c = current {
                traces.append(ContactTrace(id: c.id, channel: c.channel, officeID: c.office, topic: c.topic, language: c.language,
                                           clientID: c.client, steps: c.steps))
            }
        }
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if current?.id != id {
                flush()
                current = (id, try row.decode(column: "channel", as: String.self), try row.decode(column: "office_id", as: String.self),
                           try row.decode(column: "topic", as: String.self), try row.decode(column: "language", as: String.self),
                           try row.decodeNil(column: "client_id") ? nil : row.decode(column: "client_id", as: UUID.self), [])
            }
            current!.steps.append(ContactTrace.Step(try row.decode(column: "to_state", as: String.self), at: try row.decode(column: "at", as: Date.self),
                                                    agent: try row.decodeNil(column: "agent_id") ? nil : row.decode(column: "agent_id", as: String.self)))
        }
        flush()
        return traces
    }
}
