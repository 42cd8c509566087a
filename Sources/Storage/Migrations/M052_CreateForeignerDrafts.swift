import Fluent
import SQLKit

/// The foreigners' application generator: drafts (their answers sealed, found by the hash of
/// their link or the blind index of their short code) and the counts the office reads, per
/// form version, language and field, with no personal data in them.
struct M052_CreateForeignerDrafts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("foreigner_drafts")
            .field("id", .uuid, .identifier(auto: false))
            .field("token_hash", .string, .required)
            .field("code_index", .string, .required)
            .field("form", .string, .required)
            .field("version", .string, .required)
            .field("language", .string, .required)
            .field("content", .string, .required)
            .field("account_id", .uuid, .references("accounts", "id", onDelete: .cascade))
            .field("step", .int, .required)
            .field("printed_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("expires_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "foreigner_drafts_token_idx").unique().on("foreigner_drafts").column("token_hash").run()
        try await sql.create(index: "foreigner_drafts_code_idx").unique().on("foreigner_drafts").column("code_index").run()
        try await sql.create(index: "foreigner_drafts_account_idx").on("foreigner_drafts").column("account_id").run()
        try await sql.create(index: "foreigner_drafts_expiry_idx").on("foreigner_drafts").column("expires_at").run()
        try await db.schema("foreigner_form_counts")
            .field("form", .string, .required)
            .field("version", .string, .required)
            .field("language", .string, .required)
            .field("field", .string, .required)
            .field("kind", .string, .required)
            .field("count", .int64, .required)
            .unique(on: "form", "version", "language", "field", "kind")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("foreigner_form_counts").delete()
        try await db.schema("foreigner_drafts").delete()
    }
}
