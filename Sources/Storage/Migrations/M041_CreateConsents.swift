import Fluent
import SQLKit
import Foundation

/// The consent ledger: every consent with the version of the text shown, when and where it was
/// given, and when and where withdrawn (kept, not deleted: what was lawful before a withdrawal
/// stays so). The subject is an account or a newsletter subscriber. Accounts made before the
/// ledger get their account consent recorded from when they were made (version 0, 'migrated').
/// Objections to profiling are kept on the account: when each was made, nil when none.
struct M041_CreateConsents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("consents")
            .field("id", .uuid, .identifier(auto: false))
            .field("account_id", .uuid, .references("accounts", "id", onDelete: .cascade))
            .field("subscriber_id", .uuid, .references("newsletter_subscribers", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("given_at", .datetime, .required)
            .field("channel", .string, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_channel", .string)
            .create()
        try await sql.create(index: "consents_account_idx").on("consents").column("account_id").column("kind").run()
        try await sql.create(index: "consents_subscriber_idx").on("consents").column("subscriber_id").run()
        try await db.schema("accounts").field("objects_to_alerts_at", .datetime).update()
        try await db.schema("accounts").field("objects_to_matching_at", .datetime).update()
        // The few who objected are found without reading every account.
        try await sql.create(index: "accounts_objects_alerts_idx").on("accounts").column("objects_to_alerts_at").run()
        try await sql.create(index: "accounts_objects_matching_idx").on("accounts").column("objects_to_matching_at").run()
        let rows = try await sql.raw("SELECT id, created_at FROM accounts WHERE kind IN ('seeker', 'employer')").all()
        for start in stride(from: 0, to: rows.count, by: 200) {
            var values: [SQLQueryString] = []
            for row in rows[start..<min(start + 200, rows.count)] {
                let id = try row.decode(column: "id", as: UUID.self), at = try row.decode(column: "created_at", as: Date.self)
                values.append("(\(bind: UUID()), \(bind: id), 'account_services', 0, \(bind: at), 'migrated')")
            }
            try await sql.raw("INSERT INTO consents (id, account_id, kind, version, given_at, channel) VALUES " + values.joined(separator: ", ")).run()
        }
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "accounts_objects_alerts_idx").run()
        try await (db as! any SQLDatabase).drop(index: "accounts_objects_matching_idx").run()
        try await db.schema("accounts").deleteField("objects_to_matching_at").update()
        try await db.schema("accounts").deleteField("objects_to_alerts_at").update()
        try await db.schema("consents").delete()
    }
}
