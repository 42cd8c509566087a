import Fluent
import SQLKit

/// Portal content: news per office, voivodeship or the whole service (Polish source and linked
/// translations, every version kept), the pictures content carries, the partner institutions,
/// and the deployment's look.
struct M054_CreatePortalContent: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("content_images")
            .id()
            .field("format", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("news_items")
            .id()
            .field("source_id", .uuid, .references("news_items", "id"))
            .field("source_version", .int)
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("lead", .string, .required)
            .field("body", .string, .required)
            .field("scope", .string, .required)
            .field("voivodeship", .string)
            .field("office_id", .string, .references("offices", "id"))
            .field("audience", .string, .required)
            .field("publish_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("image_id", .uuid, .references("content_images", "id"))
            .field("image_alt", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_by", .uuid, .required)
            .field("updated_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "news_items_live_idx").on("news_items").column("status").column("publish_at").run()
        try await sql.create(index: "news_items_region_idx").on("news_items").column("voivodeship").column("office_id").run()
        try await sql.create(index: "news_items_source_idx").on("news_items").column("source_id").run()
        try await db.schema("news_versions")
            .id()
            .field("news_id", .uuid, .required, .references("news_items", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("changed_by", .uuid, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "news_id", "version")
            .create()
        try await db.schema("partners")
            .id()
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("description", .string, .required)
            .field("position", .int, .required)
            .field("logo_id", .uuid, .references("content_images", "id"))
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("site_theme")
            .field("id", .string, .identifier(auto: false))
            .field("content", .string, .required)
            .field("logo_id", .uuid, .references("content_images", "id"))
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["site_theme", "partners", "news_versions", "news_items", "content_images"] { try await db.schema(table).delete() }
    }
}
