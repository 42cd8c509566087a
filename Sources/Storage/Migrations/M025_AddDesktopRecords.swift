import Fluent
import SQLKit

/// What the consultant desktop adds: the outcome code an interaction was closed with, whether
/// it was logged by hand (a walk-in, a call to the office's own number: in the history, never
/// in the queue figures), consultants' notes, and since when an agent is in its state (the
/// wallboard shows time in state).
struct M025_AddDesktopRecords: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cc_interactions").field("outcome", .string).update()
        try await db.schema("cc_interactions").field("manual", .bool).update()
        try await db.schema("cc_agents").field("state_since", .datetime).update()
        try await db.schema("cc_notes")
            .field("seq", .int64, .identifier(auto: true))
            .field("interaction_id", .uuid, .required, .references("cc_interactions", "id", onDelete: .cascade))
            .field("author_id", .string, .required)
            .field("text", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "cc_notes_interaction_idx").on("cc_notes").column("interaction_id").column("seq").run()
        try await (db as! any SQLDatabase).create(index: "cc_interactions_agent_idx").on("cc_interactions").column("agent_id").column("state").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cc_notes").delete()
        try await (db as! any SQLDatabase).drop(index: "cc_interactions_agent_idx").run()
        try await db.schema("cc_agents").deleteField("state_since").update()
        try await db.schema("cc_interactions").deleteField("manual").update()
        try await db.schema("cc_interactions").deleteField("outcome").update()
    }
}
