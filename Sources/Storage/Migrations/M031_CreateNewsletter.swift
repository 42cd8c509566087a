import Fluent
import SQLKit

/// The newsletter: subscribers (double opt-in: the confirmation link's SHA-256 until it is
/// opened), editions per language, and one delivery row per edition and subscriber, so that
/// sending in batches never sends twice, whichever server sends.
struct M031_CreateNewsletter: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("newsletter_subscribers")
            .id()
            .field("email", .string, .required)
            .field("language", .string, .required)
            .field("confirm_hash", .string)
            .field("requested_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("unsubscribed_at", .datetime)
            .field("bounced_at", .datetime)
            .unique(on: "email")
            .create()
        try await db.schema("newsletter_editions")
            .id()
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("author_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await db.schema("newsletter_deliveries")
            .field("edition_id", .uuid, .required, .references("newsletter_editions", "id", onDelete: .cascade))
            .field("subscriber_id", .uuid, .required, .references("newsletter_subscribers", "id", onDelete: .cascade))
            .field("queued_at", .datetime, .required)
            .unique(on: "edition_id", "subscriber_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("newsletter_deliveries").delete()
        try await db.schema("newsletter_editions").delete()
        try await db.schema("newsletter_subscribers").delete()
    }
}
