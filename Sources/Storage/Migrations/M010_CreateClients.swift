import Fluent
import SQLKit

struct M010_CreateClients: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("clients")
            .id()
            .field("client_number", .string, .required)
            .field("kind", .string, .required)
            .field("first_name", .string)
            .field("last_name", .string)
            .field("pin_hash", .string)
            .field("pesel_ciphertext", .string)
            .field("pesel_index", .string)
            .field("account_id", .uuid, .references("accounts", "id", onDelete: .setNull))
            .field("office_id", .string, .references("offices", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "client_number")
            .unique(on: "pesel_index")
            .create()
        try await db.schema("client_contacts")
            .id()
            .field("client_id", .uuid, .required, .references("clients", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "client_contacts_lookup_idx").on("client_contacts").column("kind").column("value").run()
        try await sql.create(index: "clients_account_idx").on("clients").column("account_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("client_contacts").delete()
        try await db.schema("clients").delete()
    }
}
