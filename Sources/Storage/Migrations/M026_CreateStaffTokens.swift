import Fluent
import SQLKit

/// Personal API tokens of staff members (a wallboard screen, a reporting script): only their
/// SHA-256 is kept; each expires and can be revoked.
struct M026_CreateStaffTokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("staff_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("staff_members", "account_id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await (db as! any SQLDatabase).create(index: "staff_tokens_account_idx").on("staff_tokens").column("account_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("staff_tokens").delete()
    }
}
