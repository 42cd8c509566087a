import Fluent
import SQLKit

/// Sections of the portal editors build: pages (Polish source and translations, every version
/// kept), nested menus (every saved menu kept), the home page's blocks, and each office's own
/// confirmation of its contact details (every confirmation kept; the latest applies).
struct M055_CreatePagesAndMenus: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("site_pages")
            .id()
            .field("section", .string, .required)
            .field("slug", .string, .required)
            .field("language", .string, .required)
            .field("source_id", .uuid, .references("site_pages", "id"))
            .field("source_version", .int)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("audience", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "section", "slug", "language")
            .create()
        try await db.schema("site_page_versions")
            .id()
            .field("page_id", .uuid, .required, .references("site_pages", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("changed_by", .uuid, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "page_id", "version")
            .create()
        try await db.schema("menus")
            .field("section", .string, .identifier(auto: false))
            .field("version", .int, .required)
            .field("items", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("menu_versions")
            .id()
            .field("section", .string, .required)
            .field("version", .int, .required)
            .field("items", .string, .required)
            .field("changed_by", .uuid, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "section", "version")
            .create()
        try await db.schema("office_details")
            .id()
            // No foreign key: a reload of the bundled office list replaces the offices, never what offices confirmed.
            .field("office_id", .string, .required)
            .field("content", .string, .required)
            .field("confirmed_by", .uuid, .required)
            .field("confirmed_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "office_details_office_idx").on("office_details").column("office_id").column("confirmed_at").run()
        try await db.schema("home_layout")
            .field("id", .string, .identifier(auto: false))
            .field("blocks", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["home_layout", "office_details", "menu_versions", "menus", "site_page_versions", "site_pages"] { try await db.schema(table).delete() }
    }
}
