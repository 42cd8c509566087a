import Fluent
import SQLKit

/// The e-mail channel: every message of a case, in and out, with its threading ids (so a
/// reply continues the case), and the attachments kept with it; outgoing mail learns
/// threading headers, a reply address and whether a person wrote it.
struct M032_CreateMailChannel: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cc_mail_messages")
            .id()
            .field("interaction_id", .uuid, .required, .references("cc_interactions", "id", onDelete: .cascade))
            // The first contact of the thread: every later one points at it.
            .field("case_id", .uuid, .required)
            .field("direction", .string, .required)
            .field("message_id", .string, .required)
            .field("in_reply_to", .string)
            .field("references_list", .string, .required)
            .field("from_address", .string, .required)
            .field("from_name", .string)
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("problems", .string, .required)
            .field("automatic", .bool, .required)
            .field("size", .int, .required)
            .field("at", .datetime, .required)
            .field("author_id", .string)
            .unique(on: "message_id")
            .create()
        try await (db as! any SQLDatabase).create(index: "cc_mail_messages_case").on("cc_mail_messages").column("case_id").run()
        try await db.schema("cc_mail_attachments")
            .id()
            .field("mail_id", .uuid, .required, .references("cc_mail_messages", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .create()
        try await db.schema("outbox").field("in_reply_to", .string).update()
        try await db.schema("outbox").field("references_list", .string).update()
        try await db.schema("outbox").field("reply_to", .string).update()
        try await db.schema("outbox").field("personal", .bool).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outbox").deleteField("personal").update()
        try await db.schema("outbox").deleteField("reply_to").update()
        try await db.schema("outbox").deleteField("references_list").update()
        try await db.schema("outbox").deleteField("in_reply_to").update()
        try await db.schema("cc_mail_attachments").delete()
        try await db.schema("cc_mail_messages").delete()
    }
}
