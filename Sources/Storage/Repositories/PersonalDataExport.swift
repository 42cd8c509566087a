import Fluent
import SQLKit
import Foundation
import Identity

/// Everything the system holds about a portal account's owner, as files for their copy (art.
/// 15 and 20): JSON per category, CSV where the data is a table, the uploaded files as they
/// are. The App puts them in a ZIP with an index in the person's language.
public struct PersonalDataExport: Sendable {
    public struct File: Sendable {
        public let path: String
        public let data: Data
        public init(path: String, data: Data) { self.path = path; self.data = data }
    }

    public struct Contents: Sendable {
        public var files: [File] = []
        /// Category (`export.category.<name>`) and how many records it holds, for the index.
        public var counts: [(name: String, count: Int)] = []
    }

    let db: any Database
    public init(db: any Database) { self.db = db }

    enum Kind { case text, uuid, int, date, bool, json }

    /// Rows of a query as JSON objects, each column read as its kind.
    func rows(_ query: SQLQueryString, _ columns: [(String, Kind)]) async throws -> [[String: Any]] {
        let iso = ISO8601DateFormatter()
        return try await (db as! any SQLDatabase).raw(query).all().map { row in
            var object: [String: Any] = [:]
            for (name, kind) in columns {
                if try row.decodeNil(column: name) { object[name] = NSNull(); continue }
                switch kind {
                case .text: object[name] = try row.decode(column: name, as: String.self)
                case .uuid: object[name] = try row.decode(column: name, as: UUID.self).uuidString
                case .int: object[name] = try row.decode(column: name, as: Int.self)
                case .bool: object[name] = try row.decode(column: name, as: Bool.self)
                case .date: object[name] = iso.string(from: try row.decode(column: name, as: Date.self))
                case .json:
                    let text = try row.decode(column: name, as: String.self)
                    object[name] = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? text
                }
            }
            return object
        }
    }

    static func json(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// RFC 4180 CSV of the rows' `columns`, in that order.
    static func csv(_ rows: [[String: Any]], _ columns: [String]) -> Data {
        func cell(_ v: Any?) -> String {
            let s: String
            switch v {
            case nil, is NSNull: s = ""
            case let t as String: s = t
            case let o?: s = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .fragmentsAllowed]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\(o)"
            }
            return s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let lines = [columns.joined(separator: ",")] + rows.map { r in columns.map { cell(r[$0]) }.joined(separator: ",") }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    public func collect(account id: UUID) async throws -> Contents {
        guard let account = try await AccountStore(db: db).find(id: id) else { return Contents() }
        var out = Contents()
        func add(_ name: String, _ rows: [[String: Any]], csv columns: [String]? = nil) throws {
            out.files.append(File(path: name + ".json", data: try Self.json(rows)))
            if let columns { out.files.append(File(path: name + ".csv", data: Self.csv(rows, columns))) }
            out.counts.append((name, rows.count))
        }
        let accountRows = try await rows("""
            SELECT a.kind, a.email, a.language, a.created_at, a.email_verified_at, a.last_seen_at, a.restricted_at, a.objects_to_alerts_at,
                   a.objects_to_matching_at, p.first_name, p.last_name, p.voivodeship_code, p.locality, p.postal_code, p.street, p.house_number, p.phone
            FROM accounts a LEFT JOIN seeker_profiles p ON p.account_id = a.id WHERE a.id = \(bind: id)
            """, [("kind", .text), ("email", .text), ("language", .text), ("created_at", .date), ("email_verified_at", .date), ("last_seen_at", .date),
                  ("restricted_at", .date), ("objects_to_alerts_at", .date), ("objects_to_matching_at", .date), ("first_name", .text),
                  ("last_name", .text), ("voivodeship_code", .text), ("locality", .text), ("postal_code", .text), ("street", .text),
                  ("house_number", .text), ("phone", .text)])
        out.files.append(File(path: "account.json", data: try Self.json(accountRows.first ?? [:])))
        out.counts.append(("account", 1))
        try add("companies", try await rows("""
            SELECT c.name, c.nip, c.regon, c.street, c.house_number, c.postal_code, c.locality, u.contact_person FROM employer_users u
            JOIN companies c ON c.id = u.company_id WHERE u.account_id = \(bind: id)
            """, [("name", .text), ("nip", .text), ("regon", .text), ("street", .text), ("house_number", .text), ("postal_code", .text),
                  ("locality", .text), ("contact_person", .text)]))
        try add("cvs", try await rows("SELECT id, title, content, created_at, updated_at FROM cvs WHERE account_id = \(bind: id) ORDER BY created_at",
                                      [("id", .uuid), ("title", .text), ("content", .json), ("created_at", .date), ("updated_at", .date)]))
        let sql = db as! any SQLDatabase
        for f in try await sql.select().column("file_name").column("data").from("cv_files").where("account_id", .equal, SQLBind(id)).all() {
            let name = (try f.decode(column: "file_name", as: String.self)).replacingOccurrences(of: "/", with: "_")
            out.files.append(File(path: "files/cv/" + name, data: try f.decode(column: "data", as: Data.self)))
        }
        if let photo = try await sql.select().column("content_type").column("data").from("account_photos").where("account_id", .equal, SQLBind(id)).first() {
            let ext = (try photo.decode(column: "content_type", as: String.self)).contains("png") ? "png" : "jpg"
            out.files.append(File(path: "files/photo." + ext, data: try photo.decode(column: "data", as: Data.self)))
        }
        try add("push_devices", try await rows("""
            SELECT endpoint, created_at, last_sent_at FROM push_subscriptions WHERE account_id = \(bind: id) ORDER BY created_at
            """, [("endpoint", .text), ("created_at", .date), ("last_sent_at", .date)]))
        try add("recruitments", try await rows("""
            SELECT f.title AS offer, o.status AS order_status, c.source, c.stage, c.consent, c.consent_at, c.outcome_sent_at, c.created_at
            FROM recruitment_candidates c JOIN recruitment_orders o ON o.id = c.order_id JOIN offers f ON f.id = o.offer_id
            WHERE c.account_id = \(bind: id) ORDER BY c.created_at
            """, [("offer", .text), ("order_status", .text), ("source", .text), ("stage", .text), ("consent", .text), ("consent_at", .date),
                  ("outcome_sent_at", .date), ("created_at", .date)]))
        try add("recruitment_notes", try await rows("""
            SELECT n.stage, n.text, n.at FROM recruitment_notes n JOIN recruitment_candidates c ON c.id = n.candidate_id
            WHERE c.account_id = \(bind: id) ORDER BY n.at
            """, [("stage", .text), ("text", .text), ("at", .date)]))
        try add("cv_factory", try await rows("""
            SELECT kind, target_language, note, status, due_at, created_at, finished_at, result, return_reason
            FROM cv_factory_requests WHERE account_id = \(bind: id) ORDER BY created_at
            """, [("kind", .text), ("target_language", .text), ("note", .text), ("status", .text), ("due_at", .date), ("created_at", .date),
                  ("finished_at", .date), ("result", .json), ("return_reason", .text)]))
        for f in try await sql.raw("""
            SELECT f.request_id, f.role, f.file_name, f.data FROM cv_factory_files f JOIN cv_factory_requests r ON r.id = f.request_id
            WHERE r.account_id = \(bind: id)
            """).all() {
            let name = (try f.decode(column: "file_name", as: String.self)).replacingOccurrences(of: "/", with: "_")
            let folder = try f.decode(column: "request_id", as: UUID.self).uuidString.lowercased() + "-" + f.decode(column: "role", as: String.self)
            out.files.append(File(path: "files/cv-factory/" + folder + "/" + name, data: try f.decode(column: "data", as: Data.self)))
        }
        try add("alerts", try await rows("SELECT kind, label, query, frequency, active, created_at, last_run_at FROM saved_searches WHERE account_id = \(bind: id)",
                                         [("kind", .text), ("label", .text), ("query", .text), ("frequency", .text), ("active", .bool),
                                          ("created_at", .date), ("last_run_at", .date)]),
                csv: ["kind", "label", "query", "frequency", "active", "created_at", "last_run_at"])
        try add("consents", try await rows("""
            SELECT c.kind, c.version, c.given_at, c.channel, c.withdrawn_at, c.withdrawn_channel FROM consents c
            LEFT JOIN newsletter_subscribers s ON s.id = c.subscriber_id WHERE c.account_id = \(bind: id) OR s.email = \(bind: account.email) ORDER BY c.given_at
            """, [("kind", .text), ("version", .int), ("given_at", .date), ("channel", .text), ("withdrawn_at", .date), ("withdrawn_channel", .text)]),
                csv: ["kind", "version", "given_at", "channel", "withdrawn_at", "withdrawn_channel"])
        try add("newsletter", try await rows("SELECT email, language, requested_at, confirmed_at, unsubscribed_at FROM newsletter_subscribers WHERE email = \(bind: account.email)",
                                             [("email", .text), ("language", .text), ("requested_at", .date), ("confirmed_at", .date), ("unsubscribed_at", .date)]))
        try add("forum", try await rows("""
            SELECT m.nickname, t.category, t.title AS thread, p.first AS started_thread, p.body, p.status, p.moderation_reason, p.created_at, p.edited_at
            FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id LEFT JOIN forum_members m ON m.account_id = p.author_id
            WHERE p.author_id = \(bind: id) ORDER BY p.created_at
            """, [("nickname", .text), ("category", .text), ("thread", .text), ("started_thread", .bool), ("body", .text), ("status", .text),
                  ("moderation_reason", .text), ("created_at", .date), ("edited_at", .date)]),
                csv: ["nickname", "category", "thread", "started_thread", "body", "status", "moderation_reason", "created_at", "edited_at"])
        try add("forum_reports", try await rows("""
            SELECT r.reason, r.created_at, t.title AS thread FROM forum_reports r JOIN forum_posts p ON p.id = r.post_id JOIN forum_threads t ON t.id = p.thread_id
            WHERE r.reporter_id = \(bind: id) ORDER BY r.created_at
            """, [("reason", .text), ("created_at", .date), ("thread", .text)]))
        try add("forum_notifications", try await rows("""
            SELECT t.title AS thread, s.created_at FROM forum_subscriptions s JOIN forum_threads t ON t.id = s.thread_id WHERE s.account_id = \(bind: id)
            """, [("thread", .text), ("created_at", .date)]))
        try await contacts(account, into: &out)
        try add("requests", try await rows("""
            SELECT reference, kind, channel, status, name, email, text, received_at, extended_by, extension_reason, answer, answered_at
            FROM privacy_requests WHERE email = \(bind: account.email) ORDER BY received_at
            """, [("reference", .text), ("kind", .text), ("channel", .text), ("status", .text), ("name", .text), ("email", .text), ("text", .text),
                  ("received_at", .date), ("extended_by", .int), ("extension_reason", .text), ("answer", .text), ("answered_at", .date)]))
        // Who read the person's data, at which office and why.
        try add("audit", try await rows("""
            SELECT l.\(ident: "at"), m.display_name AS staff, l.actor_office_id AS office, l.action, l.reason FROM audit_log l
            LEFT JOIN staff_members m ON m.account_id = l.actor_id
            WHERE l.client_id IN (SELECT id FROM clients WHERE account_id = \(bind: id)) ORDER BY l.\(ident: "at")
            """, [("at", .date), ("staff", .text), ("office", .text), ("action", .text), ("reason", .text)]),
                csv: ["at", "staff", "office", "action", "reason"])
        return out
    }

    /// Every contact of every channel, with what each holds: states, notes, chat lines, e-mails
    /// (attachments as files), text messages, survey answers and the recordings kept.
    func contacts(_ account: Account, into out: inout Contents) async throws {
        let phone = try await AccountStore(db: db).profile(account.id)?.phone.flatMap { try? PhoneNumber($0).value }
        let condition = AccountErasure.contactsCondition(account, phone: phone)
        var contacts = try await rows("""
            SELECT id, channel, office_id, topic, language, state, outcome, arrived_at, created_at, context FROM cc_interactions
            WHERE \(condition) ORDER BY created_at
            """, [("id", .uuid), ("channel", .text), ("office_id", .text), ("topic", .text), ("language", .text), ("state", .text),
                  ("outcome", .text), ("arrived_at", .date), ("created_at", .date), ("context", .json)])
        out.files.append(File(path: "contacts.csv", data: Self.csv(contacts, ["id", "channel", "office_id", "topic", "language", "state", "outcome",
                                                                             "arrived_at", "created_at"])))
        let sub = SQLQueryString("SELECT id FROM cc_interactions WHERE ") + condition
        // One query per kind of record for all contacts at once, grouped by contact here.
        func grouped(_ name: String, _ query: SQLQueryString, _ columns: [(String, Kind)]) async throws {
            let all = try await rows(query, [("interaction_id", .uuid)] + columns)
            var by: [String: [[String: Any]]] = [:]
            for var r in all {
                let key = (r.removeValue(forKey: "interaction_id") as? String ?? "").lowercased()
                by[key, default: []].append(r)
            }
            for i in contacts.indices {
                let key = (contacts[i]["id"] as? String ?? "").lowercased()
                if let items = by[key] { contacts[i][name] = items }
            }
        }
        try await grouped("events", "SELECT interaction_id, from_state, to_state, \(ident: "at") FROM cc_events WHERE interaction_id IN (\(sub)) ORDER BY seq",
                          [("from_state", .text), ("to_state", .text), ("at", .date)])
        try await grouped("notes", "SELECT interaction_id, text, \(ident: "at") FROM cc_notes WHERE interaction_id IN (\(sub)) ORDER BY seq",
                          [("text", .text), ("at", .date)])
        try await grouped("chat", "SELECT interaction_id, author, body, \(ident: "at") FROM cc_chat_lines WHERE interaction_id IN (\(sub)) ORDER BY id",
                          [("author", .text), ("body", .text), ("at", .date)])
        try await grouped("emails", """
            SELECT interaction_id, direction, from_address, to_address, subject, body, \(ident: "at") FROM cc_mail_messages
            WHERE interaction_id IN (\(sub)) ORDER BY \(ident: "at")
            """, [("direction", .text), ("from_address", .text), ("to_address", .text), ("subject", .text), ("body", .text), ("at", .date)])
        try await grouped("sms", "SELECT interaction_id, phone, body, status, created_at FROM sms_messages WHERE interaction_id IN (\(sub)) ORDER BY created_at",
                          [("phone", .text), ("body", .text), ("status", .text), ("created_at", .date)])
        try await grouped("survey", "SELECT interaction_id, rating, comment, answered_at FROM cc_surveys WHERE interaction_id IN (\(sub))",
                          [("rating", .int), ("comment", .text), ("answered_at", .date)])
        try await grouped("recordings", """
            SELECT interaction_id, kind, url, duration_seconds, created_at, delete_after FROM voice_recordings WHERE interaction_id IN (\(sub))
            """, [("kind", .text), ("url", .text), ("duration_seconds", .int), ("created_at", .date), ("delete_after", .date)])
        let sql = db as! any SQLDatabase
        for a in try await sql.raw("""
            SELECT a.id, a.filename, a.data FROM cc_mail_attachments a JOIN cc_mail_messages m ON m.id = a.mail_id WHERE m.interaction_id IN (\(sub))
            """).all() {
            let name = (try a.decode(column: "filename", as: String.self)).replacingOccurrences(of: "/", with: "_")
            out.files.append(File(path: "files/attachments/\(try a.decode(column: "id", as: UUID.self).uuidString.prefix(8))-\(name)",
                                  data: try a.decode(column: "data", as: Data.self)))
        }
        out.files.append(File(path: "contacts.json", data: try Self.json(contacts)))
        out.counts.append(("contacts", contacts.count))
    }
}
