import Fluent
import SQLKit

/// A seeker's browsers and installed apps that take Web Push: where to send (the push
/// service's endpoint), the keys to encrypt for, which kinds of message the account wants, and
/// the messages waiting to be pushed.
struct M051_CreatePushSubscriptions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("push_subscriptions")
            .field("id", .uuid, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("endpoint", .string, .required)
            .field("p256dh", .string, .required)
            .field("auth", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_sent_at", .datetime)
            .field("failures", .int, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "push_subscriptions_endpoint_idx").unique().on("push_subscriptions").column("endpoint").run()
        try await sql.create(index: "push_subscriptions_account_idx").on("push_subscriptions").column("account_id").run()
        // Messages waiting for their time (a visit reminder the day before), claimed by one
        // server each.
        try await db.schema("push_outbox")
            .field("id", .uuid, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("url", .string, .required)
            .field("tag", .string, .required)
            .field("send_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "push_outbox_due_idx").on("push_outbox").column("send_at").run()
        // The kinds an account wants pushed (none until it opts in on the account page).
        try await db.schema("accounts").field("push_kinds", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("accounts").deleteField("push_kinds").update()
        try await db.schema("push_outbox").delete()
        try await db.schema("push_subscriptions").delete()
    }
}
