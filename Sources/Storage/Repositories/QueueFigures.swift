import Fluent
import SQLKit
import Foundation
import ContactCenter
import Reporting
import Portal

extension ContactCenterStore {
    /// Per queue of these offices (nil: every office): what waits now and how today went.
    public func queueFigures(offices: Set<String>?, dayStart: Date, now: Date, targets: ServiceTargets = .standard) async throws -> [QueueFigures] {
        let sql = db as! any SQLDatabase
        var figures: [String: QueueFigures] = [:]
        func key(_ office: String, _ topic: String) -> String { office + "\u{1F}" + topic }
        let waiting = sql.select().columns("office_id", "topic", "queued_at").from("cc_interactions")
            .where("state", .in, SQLBind.group([InteractionState.queued.rawValue, InteractionState.offered.rawValue]))
            .where("queued_at", .lessThanOrEqual, SQLBind(now))
        if let offices { waiting.where("office_id", .in, SQLBind.group(offices.sorted())) }
        for row in try await waiting.all() {
            let office = try row.decode(column: "office_id", as: String.self), topic = try row.decode(column: "topic", as: String.self)
            var f = figures[key(office, topic)] ?? QueueFigures(officeID: office, topic: topic)
            f.waiting += 1
            f.longestWait = max(f.longestWait, now.timeIntervalSince(try row.decode(column: "queued_at", as: Date.self)))
            figures[key(office, topic)] = f
        }
        let today = sql.select().column(SQLColumn("office_id", table: "i")).column(SQLColumn("topic", table: "i")).column(SQLColumn("channel", table: "i"))
            .column(SQLColumn("queued_at", table: "i")).column(SQLColumn("to_state", table: "e")).column(SQLColumn("at", table: "e"))
            .from(SQLAlias(SQLIdentifier("cc_events"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("cc_interactions"), as: SQLIdentifier("i")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "i"), .equal, SQLColumn("interaction_id", table: "e"))
            .where(SQLColumn("at", table: "e"), .greaterThanOrEqual, SQLBind(dayStart))
            .where(SQLColumn("to_state", table: "e"), .in, SQLBind.group([InteractionState.connected.rawValue, InteractionState.abandoned.rawValue]))
            // Contacts logged by hand never waited in a queue.
            .where(group: { $0.where(SQLColumn("manual", table: "i"), .is, SQLLiteral.null).orWhere(SQLColumn("manual", table: "i"), .equal, SQLBind(false)) })
        if let offices { today.where(SQLColumn("office_id", table: "i"), .in, SQLBind.group(offices.sorted())) }
        for row in try await today.all() {
            let office = try row.decode(column: "office_id", as: String.self), topic = try row.decode(column: "topic", as: String.self)
            var f = figures[key(office, topic)] ?? QueueFigures(officeID: office, topic: topic)
            let p = targets.parameters(for: try row.decode(column: "channel", as: String.self))
            let at = try row.decode(column: "at", as: Date.self)
            let answered = try row.decode(column: "to_state", as: String.self) == InteractionState.connected.rawValue
            let waited = at.timeIntervalSince(try row.decode(column: "queued_at", as: Date.self))
            f.count(answered: answered, inTarget: answered && waited <= p.answerWithin, target: p.target, hour: Calendar.polish.component(.hour, from: at))
            figures[key(office, topic)] = f
        }
        let ratings = sql.select().column(SQLColumn("office_id", table: "i")).column(SQLColumn("topic", table: "i"))
            .column(SQLColumn("rating", table: "s"))
            .from(SQLAlias(SQLIdentifier("cc_surveys"), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier("cc_interactions"), as: SQLIdentifier("i")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "i"), .equal, SQLColumn("interaction_id", table: "s"))
            .where(SQLColumn("answered_at", table: "s"), .greaterThanOrEqual, SQLBind(dayStart))
            .where(SQLColumn("rating", table: "s"), .isNot, SQLLiteral.null)
        if let offices { ratings.where(SQLColumn("office_id", table: "i"), .in, SQLBind.group(offices.sorted())) }
        for row in try await ratings.all() {
            let office = try row.decode(column: "office_id", as: String.self), topic = try row.decode(column: "topic", as: String.self)
            var f = figures[key(office, topic)] ?? QueueFigures(officeID: office, topic: topic)
            f.ratingsToday += 1
            f.ratingSumToday += try row.decode(column: "rating", as: Int.self)
            figures[key(office, topic)] = f
        }
        return figures.values.sorted { ($0.officeID, $0.topic) < ($1.officeID, $1.topic) }
    }
}
