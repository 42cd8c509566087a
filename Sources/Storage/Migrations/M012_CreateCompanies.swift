import Fluent
import SQLKit

struct M012_CreateCompanies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("companies")
            .id()
            .field("name", .string, .required)
            .field("nip", .string)
            .field("regon", .string)
            .field("street", .string, .required)
            .field("house_number", .string, .required)
            .field("postal_code", .string, .required)
            .field("locality", .string, .required)
            .field("verified_at", .datetime)
            .field("verified_by_office", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "nip")
            .create()
        try await db.schema("employer_users")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("contact_person", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "employer_users_company_idx").on("employer_users").column("company_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("employer_users").delete()
        try await db.schema("companies").delete()
    }
}
