import Fluent
import SQLKit

/// A person's copy of their data (art. 15 and 20): asked for, built in the background, kept as
/// the ZIP itself (every application server can hand it out) until it expires a week after it
/// was ready, then deleted by retention. Requests in the register get their identity check.
struct M044_CreatePrivacyExports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("privacy_exports")
            .field("id", .uuid, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("language", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("ready_at", .datetime)
            .field("expires_at", .datetime)
            .field("size", .int)
            .field("data", .data)
            .create()
        try await (db as! any SQLDatabase).create(index: "privacy_exports_account_idx").on("privacy_exports").column("account_id").column("status").run()
        // A request's identity check, and who registered one that came by phone, letter or e-mail.
        try await db.schema("privacy_requests").field("identity_check", .string).update()
        try await db.schema("privacy_requests").field("identity_verified_at", .datetime).update()
        try await db.schema("privacy_requests").field("identity_verified_by", .uuid).update()
        try await db.schema("privacy_requests").field("received_by", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        for f in ["received_by", "identity_verified_by", "identity_verified_at", "identity_check"] {
            try await db.schema("privacy_requests").deleteField(.string(f)).update()
        }
        try await db.schema("privacy_exports").delete()
    }
}
