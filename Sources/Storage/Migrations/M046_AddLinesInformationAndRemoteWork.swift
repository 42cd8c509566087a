import Fluent
import SQLKit

/// National-scale telephony (issue 22): several flows, each reached by the numbers mapped to it
/// (`voice_lines`: the dialled number → a flow; every call and contact keeps the number it came
/// in on, for the reports); knowledge-base answers marked for the phone's information service;
/// clients registered as unemployed (the free line checks it); and consultants who work from
/// their own phone, verified once by a call with a code.
struct M046_AddLinesInformationAndRemoteWork: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("ivr_flows").field("flow_id", .string, .required, .sql(.default("main"))).update()
        try await db.schema("voice_lines")
            .field("number", .string, .identifier(auto: false))
            .field("flow_id", .string, .required)
            .field("name", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .create()
        try await db.schema("ivr_calls").field("line", .string).update()
        try await db.schema("cc_interactions").field("line", .string).update()
        try await db.schema("kb_entries").field("phone", .bool, .required, .sql(.default(false))).update()
        try await db.schema("clients").field("unemployed_since", .datetime).update()
        try await db.schema("agent_phones")
            .field("agent_id", .string, .identifier(auto: false))
            .field("phone", .string, .required)
            .field("verified_at", .datetime)
            .field("remote", .bool, .required)
            .field("code_hash", .string)
            .field("code_expires_at", .datetime)
            .field("code_attempts", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("agent_phones").delete()
        try await db.schema("clients").deleteField("unemployed_since").update()
        try await db.schema("kb_entries").deleteField("phone").update()
        try await db.schema("cc_interactions").deleteField("line").update()
        try await db.schema("ivr_calls").deleteField("line").update()
        try await db.schema("voice_lines").delete()
        try await db.schema("ivr_flows").deleteField("flow_id").update()
    }
}
