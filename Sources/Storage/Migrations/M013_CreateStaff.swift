import Fluent
import SQLKit

/// Staff accounts (an `accounts` row of kind `staff` plus this), the offices each is scoped to,
/// their second factor and its one-time recovery codes.
struct M013_CreateStaff: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("staff_members")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("display_name", .string, .required)
            .field("roles", .string, .required)
            .field("national", .bool, .required)
            .field("active", .bool, .required)
            .field("totp_secret", .string)
            .field("totp_confirmed_at", .datetime)
            .field("totp_last_step", .int64)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("staff_offices")
            .id()
            .field("account_id", .uuid, .required, .references("staff_members", "account_id", onDelete: .cascade))
            .field("office_id", .string, .required, .references("offices", "id"))
            .unique(on: "account_id", "office_id")
            .create()
        try await db.schema("staff_recovery_codes")
            .id()
            .field("account_id", .uuid, .required, .references("staff_members", "account_id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "staff_offices_office_idx").on("staff_offices").column("office_id").run()
        try await sql.create(index: "staff_recovery_codes_account_idx").on("staff_recovery_codes").column("account_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("staff_recovery_codes").delete()
        try await db.schema("staff_offices").delete()
        try await db.schema("staff_members").delete()
    }
}
