import Fluent
import SQLKit
import Foundation
import Reporting

extension ContactCenterStore {
    /// The contacts that arrived (first entered a queue, `arrived_at`) in `from ..< until`, of these offices (nil:
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
            SELECT i.id, i.channel, i.office_id, i.topic, i.language, i.client_id, i.line, e.to_state, e.at, e.agent_id
            FROM cc_interactions i JOIN cc_events e ON e.interaction_id = i.id
            WHERE i.arrived_at >= \(bind: from) AND i.arrived_at < \(bind: until)
            """ + officeFilter + " ORDER BY i.id, e.seq").all()
        var traces: [ContactTrace] = []
        var current: (id: UUID, channel: String, office: String, topic: String, language: String, client: UUID?, line: String?, steps: [ContactTrace.Step])?
        func flush() {
            if let c = current {
                traces.append(ContactTrace(id: c.id, channel: c.channel, officeID: c.office, topic: c.topic, language: c.language,
                                           clientID: c.client, line: c.line, steps: c.steps))
            }
        }
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if current?.id != id {
                flush()
                current = (id, try row.decode(column: "channel", as: String.self), try row.decode(column: "office_id", as: String.self),
                           try row.decode(column: "topic", as: String.self), try row.decode(column: "language", as: String.self),
                           try row.decodeNil(column: "client_id") ? nil : row.decode(column: "client_id", as: UUID.self),
                           try row.decodeNil(column: "line") ? nil : row.decode(column: "line", as: String.self), [])
            }
            current!.steps.append(ContactTrace.Step(try row.decode(column: "to_state", as: String.self), at: try row.decode(column: "at", as: Date.self),
                                                    agent: try row.decodeNil(column: "agent_id") ? nil : row.decode(column: "agent_id", as: String.self)))
        }
        flush()
        return traces
    }

    /// The survey ratings of the contacts that arrived in `from ..< until`.
    public func ratings(arrivedFrom from: Date, until: Date) async throws -> [UUID: Int] {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT s.interaction_id, s.rating FROM cc_surveys s JOIN cc_interactions i ON i.id = s.interaction_id
            WHERE i.arrived_at >= \(bind: from) AND i.arrived_at < \(bind: until) AND s.rating IS NOT NULL
            """).all()
        var out: [UUID: Int] = [:]
        for row in rows { out[try row.decode(column: "interaction_id", as: UUID.self)] = try row.decode(column: "rating", as: Int.self) }
        return out
    }

    /// When these clients' contacts arrived in `from ..< until`: the earlier contacts that make
    /// a later one a repeat.
    public func arrivals(ofClients clients: Set<UUID>, from: Date, until: Date) async throws -> [(client: UUID, at: Date)] {
        var out: [(client: UUID, at: Date)] = []
        let sorted = clients.sorted { $0.uuidString < $1.uuidString }
        for start in stride(from: 0, to: sorted.count, by: 400) {
            let chunk = sorted[start..<min(start + 400, sorted.count)]
            let rows = try await (db as! any SQLDatabase).select().columns("client_id", "arrived_at").from("cc_interactions")
                .where("client_id", .in, SQLBind.group(Array(chunk)))
                .where("arrived_at", .greaterThanOrEqual, SQLBind(from)).where("arrived_at", .lessThan, SQLBind(until)).all()
            for row in rows { out.append((try row.decode(column: "client_id", as: UUID.self), try row.decode(column: "arrived_at", as: Date.self))) }
        }
        return out
    }
}
