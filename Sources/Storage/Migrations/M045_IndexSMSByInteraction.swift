import Fluent
import SQLKit

/// A contact's text messages (the replies a consultant sent from the screen pop) are read with
/// the contact: an index by contact.
struct M045_IndexSMSByInteraction: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).create(index: "sms_messages_interaction_idx").on("sms_messages").column("interaction_id").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "sms_messages_interaction_idx").run()
    }
}
