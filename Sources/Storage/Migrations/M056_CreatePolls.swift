import Fluent
import SQLKit

/// Polls and surveys: the question and answers, the votes per answer (option -1: the voters), and who voted — as a
/// keyed hash per poll (of the account, or of the browser session), deleted 30 days after the
/// poll closes; the counts stay.
struct M056_CreatePolls: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("polls")
            .id()
            .field("section", .string, .required)
            .field("content", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("published", .bool, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("poll_counts")
            .field("poll_id", .uuid, .required, .references("polls", "id", onDelete: .cascade))
            .field("option", .int, .required)
            .field("votes", .int64, .required)
            .unique(on: "poll_id", "option")
            .create()
        try await db.schema("poll_voters")
            .id()
            .field("poll_id", .uuid, .required, .references("polls", "id", onDelete: .cascade))
            .field("voter", .string, .required)
            .field("voted_at", .datetime, .required)
            .unique(on: "poll_id", "voter")
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["poll_voters", "poll_counts", "polls"] { try await db.schema(table).delete() }
    }
}
