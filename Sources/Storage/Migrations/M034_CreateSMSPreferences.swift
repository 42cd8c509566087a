import Fluent
import SQLKit

/// What a phone number wants by SMS: new-offer alerts (asked for), visit reminders and surveys
/// (on unless refused). STOP still stops everything.
struct M034_CreateSMSPreferences: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sms_preferences")
            .field("phone", .string, .identifier(auto: false))
            .field("offer_alerts", .bool, .required)
            .field("reminders", .bool, .required)
            .field("surveys", .bool, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sms_preferences").delete()
    }
}
