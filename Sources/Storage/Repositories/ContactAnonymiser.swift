import Fluent
import SQLKit
import Foundation
import ContactCenter

/// Takes the person out of contact-centre records that must go but whose counts stay
/// (retention, erasure): an interaction keeps its channel, office, topic, times and states, and
/// its context only to powiat level; its words (chat lines, e-mails, notes, SMS texts, survey
/// comments), the addresses and numbers and the recordings go. Works inside the caller's
/// transaction; the carrier's copies of the recordings are queued for deletion in it too
/// (`CarrierDeletionStore`); returns their ids.
struct ContactAnonymiser {
    let sql: any SQLDatabase

    init(_ db: any Database) { sql = db as! any SQLDatabase }

    @discardableResult
    func anonymise(interactions ids: [UUID], now: Date) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let list = SQLBind.group(ids)
        var recordings: [String] = []
        for row in try await sql.select().column("recording_sid").from("voice_recordings").where("interaction_id", .in, list).all() {
            recordings.append(try row.decode(column: "recording_sid", as: String.self))
        }
        try await sql.delete(from: "voice_recordings").where("interaction_id", .in, list).run()
        try await CarrierDeletionStore(sql: sql).enqueue(recordings, now: now)
        try await sql.delete(from: "cc_notes").where("interaction_id", .in, list).run()
        try await sql.delete(from: "cc_chat_lines").where("interaction_id", .in, list).run()
        try await sql.update("cc_events").set("note", to: SQLLiteral.null).where("interaction_id", .in, list).run()
        try await sql.update("cc_chats").set("name", to: SQLLiteral.null).set("email", to: SQLLiteral.null).where("interaction_id", .in, list).run()
        try await sql.update("cc_surveys").set("comment", to: SQLLiteral.null).where("interaction_id", .in, list).run()
        try await sql.delete(from: "cc_mail_attachments")
            .where(SQLQueryString("mail_id IN (SELECT id FROM cc_mail_messages WHERE interaction_id IN \(list))")).run()
        try await sql.update("cc_mail_messages")
            .set("from_address", to: SQLBind("")).set("from_name", to: SQLLiteral.null).set("to_address", to: SQLBind(""))
            .set("subject", to: SQLBind("")).set("body", to: SQLBind("")).set("problems", to: SQLLiteral.null)
            .where("interaction_id", .in, list).run()
        try await sql.update("sms_messages").set("phone", to: SQLBind("")).set("body", to: SQLBind("")).set("last_error", to: SQLLiteral.null)
            .where("interaction_id", .in, list).run()
        try await sql.update("ivr_calls").set("caller", to: SQLBind("")).set("last_key", to: SQLLiteral.null).set("last_response", to: SQLLiteral.null)
            .where("interaction_id", .in, list).run()
        // Each keeps its own powiat and IVR path: the new contexts are computed here and written
        // in one statement per batch.
        let decoder = JSONDecoder(), encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var kept: [SQLQueryString] = []
        for row in try await sql.select().column("id").column("context").from("cc_interactions").where("id", .in, list).all() {
            let stored = try row.decode(column: "context", as: String.self)
            let context = (try? decoder.decode(ContactContext.self, from: Data(stored.utf8)))?.anonymised ?? ContactContext()
            let text = String(decoding: try encoder.encode(context), as: UTF8.self)
            kept.append(kept.isEmpty ? "SELECT \(bind: try row.decode(column: "id", as: UUID.self)) AS id, \(bind: text) AS context"
                                     : "SELECT \(bind: try row.decode(column: "id", as: UUID.self)), \(bind: text)")
        }
        if !kept.isEmpty {
            try await sql.raw("""
                UPDATE cc_interactions SET context = v.context, anonymised_at = \(bind: now)
                FROM (\(kept.joined(separator: " UNION ALL "))) AS v WHERE cc_interactions.id = v.id
                """).run()
        }
        return recordings
    }

    /// A client record keeps its id (the statistics count contacts per client) and nothing
    /// that tells who it was: names, PESEL, PIN, numbers and addresses go, the client number
    /// becomes one nobody was given.
    func anonymise(client id: UUID, now: Date) async throws {
        try await sql.delete(from: "client_contacts").where("client_id", .equal, SQLBind(id)).run()
        try await sql.delete(from: "client_link_requests").where("client_id", .equal, SQLBind(id)).run()
        try await sql.update("clients")
            .set("client_number", to: SQLBind("X" + id.uuidString.replacingOccurrences(of: "-", with: "").prefix(15)))
            .set("first_name", to: SQLLiteral.null).set("last_name", to: SQLLiteral.null).set("pin_hash", to: SQLLiteral.null)
            .set("pesel_ciphertext", to: SQLLiteral.null).set("pesel_index", to: SQLLiteral.null).set("account_id", to: SQLLiteral.null)
            .set("anonymised_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
    }
}
