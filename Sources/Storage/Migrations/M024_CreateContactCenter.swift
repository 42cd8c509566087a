import Fluent
import SQLKit

/// The contact centre's durable state: interactions of every channel with their current state
/// (a version number guards concurrent changes), every state change as an event, and each
/// agent's state and load — so a restarted router resumes with every waiting interaction in
/// its place.
struct M024_CreateContactCenter: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cc_interactions")
            .id()
            .field("channel", .string, .required)
            .field("client_id", .uuid)
            .field("language", .string, .required)
            .field("topic", .string, .required)
            .field("office_id", .string, .required)
            .field("voivodeship_code", .string, .required)
            .field("state", .string, .required)
            .field("priority", .int, .required)
            .field("queued_at", .datetime, .required)
            .field("agent_id", .string)
            .field("offered_at", .datetime)
            .field("only_agent", .string)
            .field("passed_by", .string, .required)
            .field("context", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "cc_interactions_state_idx").on("cc_interactions").column("state").column("queued_at").run()
        try await sql.create(index: "cc_interactions_client_idx").on("cc_interactions").column("client_id").run()
        try await db.schema("cc_events")
            .field("seq", .int64, .identifier(auto: true))
            .field("interaction_id", .uuid, .required, .references("cc_interactions", "id", onDelete: .cascade))
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("at", .datetime, .required)
            .field("agent_id", .string)
            .field("note", .string)
            .create()
        try await sql.create(index: "cc_events_interaction_idx").on("cc_events").column("interaction_id").column("seq").run()
        try await db.schema("cc_agents")
            .field("agent_id", .string, .identifier(auto: false))
            .field("offices", .string, .required)
            .field("voivodeships", .string, .required)
            .field("national_pool", .bool, .required)
            .field("languages", .string, .required)
            .field("topics", .string, .required)
            .field("capacity", .string, .required)
            .field("load", .string, .required)
            .field("state", .string, .required)
            .field("idle_since", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cc_agents").delete()
        try await db.schema("cc_events").delete()
        try await db.schema("cc_interactions").delete()
    }
}
