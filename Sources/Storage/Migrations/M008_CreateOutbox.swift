import Fluent
import SQLKit

struct M008_CreateOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("language", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await (db as! any SQLDatabase).create(index: "outbox_due_idx").on("outbox").column("status").column("next_attempt_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox").delete()
    }
}
