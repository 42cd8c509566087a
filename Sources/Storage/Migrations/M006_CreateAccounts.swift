import Fluent
import SQLKit

struct M006_CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("accounts")
            .id()
            .field("kind", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("email_verified_at", .datetime)
            .field("language", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await db.schema("seeker_profiles")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("voivodeship_code", .string, .required, .references("voivodeships", "code"))
            .field("locality", .string, .required)
            .field("postal_code", .string, .required)
            .field("street", .string, .required)
            .field("house_number", .string, .required)
            .field("phone", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("seeker_profiles").delete()
        try await db.schema("accounts").delete()
    }
}
