import Fluent
import SQLKit

/// SMS: an outbox of text messages (sent through the gateway when due, with the gateway's
/// delivery reports), and the numbers that answered STOP.
struct M033_CreateSMS: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sms_messages")
            .id()
            .field("phone", .string, .required)
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("client_id", .uuid)
            .field("interaction_id", .uuid)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("send_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("delivered_at", .datetime)
            .field("last_error", .string)
            .create()
        try await (db as! any SQLDatabase).create(index: "sms_messages_due").on("sms_messages").column("status").column("send_at").run()
        try await db.schema("sms_opt_outs")
            .field("phone", .string, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("source", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sms_opt_outs").delete()
        try await db.schema("sms_messages").delete()
    }
}
