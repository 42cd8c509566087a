import Fluent
import SQLKit
import Foundation

public struct SMSMessage: Sendable, Equatable {
    public enum Status: String, Sendable {
        case queued, sent, delivered, failed
        /// Not sent: the number answered STOP.
        case optedOut = "opted_out"
    }
    public var id = UUID()
    public var phone: String
    public var body: String
    /// visit_reminder, callback_confirmation, survey, offer_alert
    public var kind: String
    public var clientID: UUID?
    public var interactionID: UUID?
    public var status: Status = .queued
    public var attempts = 0
    public var sendAt: Date
    public var sentAt: Date? = nil
    public var deliveredAt: Date? = nil
    public var lastError: String? = nil

    public init(phone: String, body: String, kind: String, clientID: UUID? = nil, interactionID: UUID? = nil, sendAt: Date) {
        self.phone = phone; self.body = body; self.kind = kind; self.clientID = clientID; self.interactionID = interactionID; self.sendAt = sendAt
    }
}

/// What one number wants by SMS. Without a choice made: reminders and surveys yes, offer
/// alerts no (those are asked for).
public struct SMSPreferences: Sendable, Equatable {
    public var offerAlerts = false
    public var reminders = true
    public var surveys = true
    public init(offerAlerts: Bool = false, reminders: Bool = true, surveys: Bool = true) {
        self.offerAlerts = offerAlerts; self.reminders = reminders; self.surveys = surveys
    }

    /// Whether a message of this kind may go; confirmations of what the person just asked for always may.
    public func allows(kind: String) -> Bool {
        switch kind {
        case "offer_alert": offerAlerts
        case "visit_reminder": reminders
        case "survey": surveys
        default: true
        }
    }
}

/// Text messages waiting, sent, delivered or refused, and the numbers that opted out.
public struct SMSStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    public static let maxAttempts = 6

    /// Queues a message — unless the number opted out or does not want this kind (then it is
    /// kept as refused, and false).
    @discardableResult
    public func enqueue(_ m: SMSMessage, now: Date) async throws -> Bool {
        var m = m
        let optedOut = try await isOptedOut(m.phone)
        let wanted = try await preferences(m.phone).allows(kind: m.kind)
        let refused = optedOut || !wanted
        if refused { m.status = .optedOut }
        try await sql.insert(into: "sms_messages")
            .columns("id", "phone", "body", "kind", "client_id", "interaction_id", "status", "attempts", "send_at", "created_at")
            .values(SQLBind(m.id), SQLBind(m.phone), SQLBind(m.body), SQLBind(m.kind), SQLBind(m.clientID), SQLBind(m.interactionID),
                    SQLBind(m.status.rawValue), SQLBind(0), SQLBind(m.sendAt), SQLBind(now)).run()
        return !refused
    }

    public func isOptedOut(_ phone: String) async throws -> Bool {
        try await sql.select().column("phone").from("sms_opt_outs").where("phone", .equal, SQLBind(phone)).first() != nil
    }

    public func optOut(_ phone: String, source: String, now: Date) async throws {
        if try await !isOptedOut(phone) {
            try await sql.insert(into: "sms_opt_outs").columns("phone", "at", "source").values(SQLBind(phone), SQLBind(now), SQLBind(source)).run()
        }
        // What waits for that number is not sent either.
        try await sql.raw("UPDATE sms_messages SET status = \(bind: SMSMessage.Status.optedOut.rawValue) WHERE phone = \(bind: phone) AND status = \(bind: SMSMessage.Status.queued.rawValue)").run()
    }

    public func preferences(_ phone: String) async throws -> SMSPreferences {
        guard let row = try await sql.select().column("*").from("sms_preferences").where("phone", .equal, SQLBind(phone)).first() else {
            return SMSPreferences()
        }
        return SMSPreferences(offerAlerts: try row.decode(column: "offer_alerts", as: Bool.self), reminders: try row.decode(column: "reminders", as: Bool.self),
                              surveys: try row.decode(column: "surveys", as: Bool.self))
    }

    public func setPreferences(_ phone: String, _ p: SMSPreferences, now: Date) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "sms_preferences").where("phone", .equal, SQLBind(phone)).run()
            try await sql.insert(into: "sms_preferences").columns("phone", "offer_alerts", "reminders", "surveys", "updated_at")
                .values(SQLBind(phone), SQLBind(p.offerAlerts), SQLBind(p.reminders), SQLBind(p.surveys), SQLBind(now)).run()
        }
    }

    public func optIn(_ phone: String) async throws {
        try await sql.delete(from: "sms_opt_outs").where("phone", .equal, SQLBind(phone)).run()
    }

    /// Due messages, leased for `lease` seconds so two servers do not send one twice (on
    /// PostgreSQL locked as they are read, skipping those another server is claiming).
    public func claimDue(limit: Int, now: Date, lease: TimeInterval = 300) async throws -> [SMSMessage] {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let lock: SQLQueryString = SearchIndex.dialect(tx) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let rows = try await sql.raw("""
                SELECT * FROM sms_messages WHERE status = \(bind: SMSMessage.Status.queued.rawValue) AND send_at <= \(bind: now) \
                AND (claimed_until IS NULL OR claimed_until < \(bind: now)) ORDER BY send_at LIMIT \(bind: limit)\(lock)
                """).all()
            let messages = try rows.map(Self.message)
            for m in messages {
                try await sql.update("sms_messages").set("claimed_until", to: SQLBind(now.addingTimeInterval(lease))).where("id", .equal, SQLBind(m.id)).run()
            }
            return messages
        }
    }

    public func markSent(_ id: UUID, now: Date) async throws {
        try await sql.raw("""
            UPDATE sms_messages SET status = \(bind: SMSMessage.Status.sent.rawValue), sent_at = \(bind: now), claimed_until = NULL, \
            attempts = attempts + 1, last_error = NULL WHERE id = \(bind: id) AND status = \(bind: SMSMessage.Status.queued.rawValue)
            """).run()
    }

    /// Another try later (1, 2, 4 … minutes), or failed for good.
    public func markFailed(_ id: UUID, error: String, permanent: Bool, now: Date) async throws {
        guard let m = try await find(id) else { return }
        let attempts = m.attempts + 1
        let final = permanent || attempts >= Self.maxAttempts
        try await sql.raw("""
            UPDATE sms_messages SET attempts = \(bind: attempts), last_error = \(bind: String(error.prefix(300))), claimed_until = NULL, \
            status = \(bind: final ? SMSMessage.Status.failed.rawValue : SMSMessage.Status.queued.rawValue), \
            send_at = \(bind: final ? m.sendAt : now.addingTimeInterval(60 * pow(2, Double(attempts - 1)))) WHERE id = \(bind: id)
            """).run()
    }

    /// A delivery report: delivered, or failed at the network.
    public func report(_ id: UUID, delivered: Bool, now: Date) async throws {
        if delivered {
            try await sql.raw("UPDATE sms_messages SET status = \(bind: SMSMessage.Status.delivered.rawValue), delivered_at = \(bind: now) WHERE id = \(bind: id)").run()
        } else {
            try await sql.raw("UPDATE sms_messages SET status = \(bind: SMSMessage.Status.failed.rawValue), last_error = 'not delivered' WHERE id = \(bind: id)").run()
        }
    }

    public func find(_ id: UUID) async throws -> SMSMessage? {
        try await sql.select().column("*").from("sms_messages").where("id", .equal, SQLBind(id)).first().map(Self.message)
    }

    /// The messages of one contact of these kinds, oldest first.
    public func messages(interaction: UUID, kinds: [String]) async throws -> [SMSMessage] {
        try await sql.select().column("*").from("sms_messages").where("interaction_id", .equal, SQLBind(interaction))
            .where("kind", .in, SQLBind.group(kinds)).orderBy("created_at").all().map(Self.message)
    }

    public func recent(limit: Int = 50) async throws -> [SMSMessage] {
        try await sql.select().column("*").from("sms_messages").orderBy("created_at", .descending).limit(limit).all().map(Self.message)
    }

    static func message(_ row: any SQLRow) throws -> SMSMessage {
        func date(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        func uuid(_ c: String) throws -> UUID? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: UUID.self) }
        var m = SMSMessage(phone: try row.decode(column: "phone", as: String.self), body: try row.decode(column: "body", as: String.self),
                           kind: try row.decode(column: "kind", as: String.self), clientID: try uuid("client_id"), interactionID: try uuid("interaction_id"),
                           sendAt: try row.decode(column: "send_at", as: Date.self))
        m.id = try row.decode(column: "id", as: UUID.self)
        m.status = SMSMessage.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .queued
        m.attempts = try row.decode(column: "attempts", as: Int.self)
        m.sentAt = try date("sent_at"); m.deliveredAt = try date("delivered_at")
        m.lastError = try row.decodeNil(column: "last_error") ? nil : row.decode(column: "last_error", as: String.self)
        return m
    }
}
