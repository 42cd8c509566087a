import Fluent
import SQLKit

/// Live chats: one row per chat interaction, reached by the visitor's token (its SHA-256 is
/// kept), and the lines said in it.
struct M030_CreateChats: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cc_chats")
            .field("interaction_id", .uuid, .identifier(auto: false), .references("cc_interactions", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("name", .string)
            .field("email", .string)
            .field("created_at", .datetime, .required)
            // The visitor's page went away (no socket); a chat still waiting is given up later.
            .field("left_at", .datetime)
            .field("ended_by_visitor_at", .datetime)
            .field("transcripts_sent", .int, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("cc_chat_lines")
            .field("id", .int64, .identifier(auto: true))
            .field("interaction_id", .uuid, .required, .references("cc_interactions", "id", onDelete: .cascade))
            .field("author", .string, .required)
            .field("agent_id", .string)
            .field("body", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "cc_chat_lines_interaction").on("cc_chat_lines").column("interaction_id").column("id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cc_chat_lines").delete()
        try await db.schema("cc_chats").delete()
    }
}
