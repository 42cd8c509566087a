import Fluent
import SQLKit

/// Saved searches with e-mail alerts, and what each has already sent: the unique pair
/// (search, item) is what makes every match go out exactly once, across restarts and servers.
struct M020_CreateSavedSearches: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("saved_searches")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("query", .string, .required)
            .field("label", .string, .required)
            .field("frequency", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("last_run_at", .datetime)
            .field("next_run_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "saved_searches_due_idx").on("saved_searches").column("active").column("next_run_at").run()
        try await (db as! any SQLDatabase).create(index: "saved_searches_account_idx").on("saved_searches").column("account_id").run()
        try await db.schema("alert_deliveries")
            .field("search_id", .uuid, .required, .references("saved_searches", "id", onDelete: .cascade))
            .field("item_id", .uuid, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "search_id", "item_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("alert_deliveries").delete()
        try await db.schema("saved_searches").delete()
    }
}
