import Fluent
import SQLKit

/// Devices signed in to the Moja Praca app: one token each (kept as its SHA-256), its scopes,
/// when it expires, and the account's session epoch it was made under (raising the epoch ends it).
struct M049_CreateAppTokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("app_tokens")
            .field("id", .uuid, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("device", .string, .required)
            .field("scopes", .string, .required)
            .field("token_hash", .string, .required)
            .field("session_epoch", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "app_tokens_hash_idx").unique().on("app_tokens").column("token_hash").run()
        try await sql.create(index: "app_tokens_account_idx").on("app_tokens").column("account_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("app_tokens").delete()
    }
}
