import Fluent
import SQLKit

/// The reports' stored sums: per 15 minutes, per day and per month, each by office and channel,
/// once for all contacts (`dimension` '') and once per topic, language and answering consultant
/// (`dimension` 'topic', 'language', 'agent' with its `value`): a report reads the rows of the
/// one breakdown it shows, so a national year adds up tens of thousands of rows instead of
/// reading millions of events. Days and months keep arrivals per hour of the day for the heat map. `arrived_at` is when a contact
/// first entered a queue: the moment it belongs to in every report.
struct M039_CreateReportAggregates: AsyncMigration {
    static let countColumns = ["offered", "answered", "answered_within_t", "abandoned", "abandoned_after_t", "short_abandons", "expired",
                               "transferred", "known_clients", "repeats", "ratings", "rating_sum", "satisfied"]
    static let timeColumns = ["total_wait", "total_handle", "longest_wait"]
    static let hourColumns = (0..<24).map { String(format: "h%02d", $0) }

    static let tables = [("report_quarters", false), ("report_days", true), ("report_months", true)]

    /// A table of sums without its unique key (M040 added `area` to it).
    static func sumTable(_ table: String, hours: Bool, on db: any Database) -> SchemaBuilder {
        var schema = db.schema(table)
            .field("period_start", .datetime, .required)
            .field("office_id", .string, .required)
            .field("channel", .string, .required)
            .field("dimension", .string, .required)
            .field("value", .string, .required)
        for c in countColumns { schema = schema.field(.definition(name: .key(.init(stringLiteral: c)), dataType: .int64, constraints: [.required])) }
        for c in timeColumns { schema = schema.field(.definition(name: .key(.init(stringLiteral: c)), dataType: .double, constraints: [.required])) }
        if hours {
            for c in hourColumns { schema = schema.field(.definition(name: .key(.init(stringLiteral: c)), dataType: .int64, constraints: [.required])) }
        }
        return schema
    }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("cc_interactions").field("arrived_at", .datetime).update()
        try await sql.raw("UPDATE cc_interactions SET arrived_at = (SELECT MIN(e.at) FROM cc_events e WHERE e.interaction_id = cc_interactions.id)").run()
        try await sql.raw("UPDATE cc_interactions SET arrived_at = queued_at WHERE arrived_at IS NULL").run()
        try await sql.create(index: "cc_interactions_arrived_idx").on("cc_interactions").column("arrived_at").run()
        try await sql.create(index: "cc_interactions_client_arrived_idx").on("cc_interactions").column("client_id").column("arrived_at").run()
        for (table, hours) in Self.tables {
            try await Self.sumTable(table, hours: hours, on: db).unique(on: "period_start", "office_id", "channel", "dimension", "value").create()
            try await sql.create(index: "\(table)_dimension_idx").on(table).column("dimension").column("period_start").run()
        }
        try await db.schema("report_state")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        // Offer searches of the portal per day, and how many found nothing.
        try await db.schema("portal_search_days")
            .field("day", .datetime, .identifier(auto: false))
            .field("searches", .int64, .required)
            .field("empty", .int64, .required)
            .create()
        // Supervisors who asked for the weekly summary by e-mail, and the last week sent.
        try await db.schema("report_subscriptions")
            .field("staff_id", .uuid, .identifier(auto: false))
            .field("weekly", .bool, .required)
            .field("last_sent_week", .string)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["portal_search_days", "report_subscriptions", "report_state", "report_months", "report_days", "report_quarters"] { try await db.schema(t).delete() }
        try await (db as! any SQLDatabase).drop(index: "cc_interactions_client_arrived_idx").run()
        try await (db as! any SQLDatabase).drop(index: "cc_interactions_arrived_idx").run()
        try await db.schema("cc_interactions").deleteField("arrived_at").update()
    }
}
