import Fluent
import SQLKit
import Foundation

/// A message waiting to be sent, or sent. Written in the same transaction as whatever caused
/// it, so a message is never lost and never sent for something that did not happen.
public struct OutboxMessage: Sendable, Equatable {
    public var id: UUID?
    public var recipient: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    public var language: String
    public var kind: String
    public var status: Status = .pending
    public var attempts: Int = 0
    public var lastError: String? = nil
    public var createdAt: Date = Date()
    public var sentAt: Date? = nil
    /// Threading of a reply: the message answered and the thread before it (ids without < >).
    public var inReplyTo: String? = nil
    public var references: [String] = []
    /// Where the recipient's answer should go (a service mailbox).
    public var replyTo: String? = nil
    /// Written by a person (a consultant's reply): not marked as automatic.
    public var personal = false

    public enum Status: String, Sendable { case pending, sent, failed }

    public init(recipient: String, subject: String, textBody: String, htmlBody: String, language: String, kind: String) {
        self.recipient = recipient; self.subject = subject; self.textBody = textBody; self.htmlBody = htmlBody
        self.language = language; self.kind = kind
    }
}

public struct Outbox: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// After this many failed attempts a message is marked failed and left for a person to look at.
    public static let maxAttempts = 10

    public func enqueue(_ m: OutboxMessage, now: Date = Date()) async throws {
        let r = OutboxRecord()
        r.id = m.id
        r.inReplyTo = m.inReplyTo; r.referencesList = m.references.isEmpty ? nil : m.references.joined(separator: " ")
        r.replyTo = m.replyTo; r.personal = m.personal ? true : nil
        r.recipient = m.recipient; r.subject = m.subject; r.textBody = m.textBody; r.htmlBody = m.htmlBody
        r.language = m.language; r.kind = m.kind; r.status = OutboxMessage.Status.pending.rawValue
        r.attempts = 0; r.nextAttemptAt = now; r.createdAt = now
        try await r.create(on: db)
    }

    /// Takes up to `limit` due messages for `lease` seconds, so that another server does not
    /// send them too; a sender that dies releases them by the lease running out. On PostgreSQL
    /// the rows are locked as they are read and rows another server is claiming are skipped:
    /// without that, two servers claiming at once could both take a message and both send it.
    public func claimDue(limit: Int, now: Date = Date(), lease: TimeInterval = 300) async throws -> [OutboxMessage] {
        try await db.transaction { tx in
            let lock: SQLQueryString = SearchIndex.dialect(tx) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let ids = try await (tx as! any SQLDatabase).raw("""
                SELECT id FROM outbox WHERE status = \(bind: OutboxMessage.Status.pending.rawValue) AND next_attempt_at <= \(bind: now) \
                AND (claimed_until IS NULL OR claimed_until < \(bind: now)) ORDER BY next_attempt_at LIMIT \(literal: limit)\(lock)
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
            guard !ids.isEmpty else { return [] }
            let due = try await OutboxRecord.query(on: tx).filter(\.$id ~~ ids).sort(\.$nextAttemptAt).all()
            for r in due {
                r.claimedUntil = now.addingTimeInterval(lease)
                try await r.update(on: tx)
            }
            return due.map(Self.message)
        }
    }

    public func markSent(_ id: UUID, now: Date = Date()) async throws {
        guard let r = try await OutboxRecord.find(id, on: db) else { return }
        r.status = OutboxMessage.Status.sent.rawValue; r.sentAt = now; r.claimedUntil = nil
        r.attempts += 1; r.lastError = nil
        try await r.update(on: db)
    }

    /// Schedules another attempt with exponential back-off (1, 2, 4 … minutes, at most 6 hours),
    /// or gives up after `maxAttempts` or when the server refused for good (5xx).
    public func markAttemptFailed(_ id: UUID, error: String, permanent: Bool = false, now: Date = Date()) async throws {
        guard let r = try await OutboxRecord.find(id, on: db) else { return }
        r.attempts += 1
        r.lastError = String(error.prefix(500))
        r.claimedUntil = nil
        if permanent || r.attempts >= Self.maxAttempts {
            r.status = OutboxMessage.Status.failed.rawValue
        } else {
            r.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempts: r.attempts))
        }
        try await r.update(on: db)
    }

    public static func backoff(afterAttempts n: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, n - 1))), 6 * 3600)
    }

    public func recent(limit: Int = 50) async throws -> [OutboxMessage] {
        try await OutboxRecord.query(on: db).sort(\.$createdAt, .descending).limit(limit).all().map(Self.message)
    }

    public func find(_ id: UUID) async throws -> OutboxMessage? {
        try await OutboxRecord.find(id, on: db).map(Self.message)
    }

    static func message(_ r: OutboxRecord) -> OutboxMessage {
        var m = OutboxMessage(recipient: r.recipient, subject: r.subject, textBody: r.textBody, htmlBody: r.htmlBody,
                              language: r.language, kind: r.kind)
        m.id = r.id; m.status = OutboxMessage.Status(rawValue: r.status) ?? .pending; m.attempts = r.attempts
        m.lastError = r.lastError; m.createdAt = r.createdAt; m.sentAt = r.sentAt
        m.inReplyTo = r.inReplyTo; m.references = r.referencesList?.split(separator: " ").map(String.init) ?? []
        m.replyTo = r.replyTo; m.personal = r.personal ?? false
        return m
    }
}
