import Fluent
import SQLKit

/// The register of requests the data protection officer answers: a person's rights (art.
/// 15–21) and complaints, each with where it came from, whom it concerns, the office it goes
/// to (none: national), when it arrived, any extension with its reason, and the answer sent.
struct M042_CreateDataRequests: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("privacy_requests")
            .field("id", .uuid, .identifier(auto: false))
            .field("reference", .string, .required)
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("status", .string, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("language", .string, .required)
            .field("office_id", .string)
            .field("text", .string, .required)
            .field("received_at", .datetime, .required)
            .field("extended_by", .int, .required)
            .field("extension_reason", .string)
            .field("extended_at", .datetime)
            .field("answer", .string)
            .field("answered_at", .datetime)
            .field("answered_by", .uuid)
            .unique(on: "reference")
            .create()
        try await (db as! any SQLDatabase).create(index: "privacy_requests_open_idx").on("privacy_requests").column("status").column("received_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("privacy_requests").delete()
    }
}
