import Fluent
import SQLKit

/// Satisfaction surveys: one per closed contact, reached by a link whose SHA-256 is kept;
/// the 1–5 rating and comment attach to the interaction.
struct M029_CreateSurveys: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cc_surveys")
            .id()
            .field("interaction_id", .uuid, .required, .references("cc_interactions", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("language", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("rating", .int)
            .field("comment", .string)
            .unique(on: "interaction_id")
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cc_surveys").delete()
    }
}
