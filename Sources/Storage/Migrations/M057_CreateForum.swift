import Fluent
import SQLKit

/// The forum: members (a nickname and how many of their posts moderators let through), threads
/// in a category (national, a topic, an office), posts with their moderation state, readers'
/// reports (one per member and post), reply notifications asked for, and a text index of the
/// posts everyone may read.
struct M057_CreateForum: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("forum_members")
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("nickname", .string, .required)
            .field("nickname_key", .string, .required)
            .field("approved_posts", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "account_id")
            .unique(on: "nickname_key")
            .create()
        try await db.schema("forum_threads")
            .id()
            .field("category", .string, .required)
            .field("title", .string, .required)
            .field("author_id", .uuid)
            .field("locked", .bool, .required)
            // The thread is listed once its first post is visible.
            .field("listed", .bool, .required)
            .field("replies", .int, .required)
            .field("created_at", .datetime, .required)
            .field("last_post_at", .datetime, .required)
            .create()
        try await db.schema("forum_posts")
            .id()
            .field("thread_id", .uuid, .required, .references("forum_threads", "id", onDelete: .cascade))
            .field("first", .bool, .required)
            .field("author_id", .uuid)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("reports", .int, .required)
            .field("moderation_reason", .string)
            .field("edited_by", .uuid)
            .field("edited_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("forum_reports")
            .field("post_id", .uuid, .required, .references("forum_posts", "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "post_id", "reporter_id")
            .create()
        try await db.schema("forum_subscriptions")
            .field("thread_id", .uuid, .required, .references("forum_threads", "id", onDelete: .cascade))
            .field("account_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "thread_id", "account_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.raw("CREATE INDEX forum_threads_category ON forum_threads (category, listed, last_post_at)").run()
        try await sql.raw("CREATE INDEX forum_posts_thread ON forum_posts (thread_id, created_at)").run()
        try await sql.raw("CREATE INDEX forum_posts_status ON forum_posts (status, created_at)").run()
        try await sql.raw("CREATE INDEX forum_posts_author ON forum_posts (author_id, created_at)").run()
        try await sql.raw("CREATE INDEX forum_subscriptions_account ON forum_subscriptions (account_id)").run()
        try await SearchIndex.forum.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await SearchIndex.forum.drop(on: db)
        for table in ["forum_subscriptions", "forum_reports", "forum_posts", "forum_threads", "forum_members"] { try await db.schema(table).delete() }
    }
}

extension SearchIndex {
    /// Forum posts everyone may read: the thread's title and the post's text.
    public static let forum = SearchIndex("forum")
}
