import Fluent
import SQLKit

/// Trainings and job fairs added by offices, with their full-text index.
struct M019_CreateEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("events")
            .id()
            .field("kind", .string, .required)
            .field("office_id", .string, .required, .references("offices", "id"))
            .field("title", .string, .required)
            .field("organiser", .string, .required)
            .field("topic", .string, .required)
            .field("description", .string, .required)
            .field("online", .bool, .required)
            .field("locality", .string, .required)
            .field("address", .string, .required)
            .field("postal_code", .string)
            .field("powiat_code", .string)
            .field("voivodeship_code", .string)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .field("price", .double)
            .field("funding", .string, .required)
            .field("seats", .int)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "events_kind_start_idx").on("events").column("kind").column("starts_at").run()
        try await SearchIndex.events.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await SearchIndex.events.drop(on: db)
        try await db.schema("events").delete()
    }
}
