import Fluent
import Privacy
import SQLKit
import Foundation

public struct NewsletterSubscriber: Sendable, Equatable {
    public let id: UUID
    public let email: String
    public let language: String
    public let confirmedAt: Date?
    public let unsubscribedAt: Date?
    public let bouncedAt: Date?
    public var isActive: Bool { confirmedAt != nil && unsubscribedAt == nil && bouncedAt == nil }
}

public struct NewsletterEdition: Sendable, Equatable {
    public let id: UUID
    public let language: String
    public let subject: String
    public let body: String
    public let createdAt: Date
    public let finishedAt: Date?
    /// Messages queued so far.
    public let queued: Int
}

/// Newsletter subscribers, editions and their deliveries.
public struct NewsletterStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// How long a confirmation link works.
    public static let confirmLifetime: TimeInterval = 7 * 86_400

    /// Asks for a subscription; true when a confirmation should be mailed (a new address, or
    /// one not confirmed, unsubscribed or bounced before). An active subscriber only changes
    /// language: nobody learns from the answer whether an address was subscribed.
    public func request(email: String, language: String, confirmHash: String, now: Date) async throws -> Bool {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if let s = try await NewsletterStore(db: tx).find(email: email) {
                if s.isActive {
                    try await sql.update("newsletter_subscribers").set("language", to: SQLBind(language)).where("id", .equal, SQLBind(s.id)).run()
                    return false
                }
                try await sql.raw("""
                    UPDATE newsletter_subscribers SET language = \(bind: language), confirm_hash = \(bind: confirmHash), requested_at = \(bind: now), \
                    confirmed_at = NULL, unsubscribed_at = NULL, bounced_at = NULL WHERE id = \(bind: s.id)
                    """).run()
                return true
            }
            try await sql.insert(into: "newsletter_subscribers").columns("id", "email", "language", "confirm_hash", "requested_at")
                .values(SQLBind(UUID()), SQLBind(email), SQLBind(language), SQLBind(confirmHash), SQLBind(now)).run()
            return true
        }
    }

    /// Opens a confirmation link (once, within `confirmLifetime`): the consent is given then,
    /// of the version of the text on the form, and goes into the ledger with the confirmation.
    public func confirm(hash: String, now: Date, consent: ConsentGiven = ConsentGiven(.newsletter, channel: .web)) async throws -> NewsletterSubscriber? {
        let id: UUID? = try await db.transaction { tx in
            let rows = try await (tx as! any SQLDatabase).raw("""
                UPDATE newsletter_subscribers SET confirmed_at = \(bind: now), confirm_hash = NULL \
                WHERE confirm_hash = \(bind: hash) AND requested_at > \(bind: now.addingTimeInterval(-Self.confirmLifetime)) RETURNING id
                """).all()
            guard let id = try rows.first?.decode(column: "id", as: UUID.self) else { return nil }
            try await ConsentLedger(db: tx).record(consent, for: .subscriber(id), now: now)
            return id
        }
        guard let id else { return nil }
        return try await find(id: id)
    }

    public func find(id: UUID) async throws -> NewsletterSubscriber? {
        try await sql.select().column("*").from("newsletter_subscribers").where("id", .equal, SQLBind(id)).first().map(Self.subscriber)
    }

    public func find(email: String) async throws -> NewsletterSubscriber? {
        try await sql.select().column("*").from("newsletter_subscribers").where("email", .equal, SQLBind(email)).first().map(Self.subscriber)
    }

    /// Ends the subscription and withdraws its consent (by default from the link in an edition).
    public func unsubscribe(_ id: UUID, now: Date, channel: ConsentChannel = .email) async throws {
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).raw("UPDATE newsletter_subscribers SET unsubscribed_at = \(bind: now) WHERE id = \(bind: id) AND unsubscribed_at IS NULL").run()
            try await ConsentLedger(db: tx).withdraw(.newsletter, for: .subscriber(id), channel: channel, now: now)
        }
    }

    /// The mail server refused the address for good: no more editions go there.
    public func bounced(email: String, now: Date) async throws {
        try await sql.raw("UPDATE newsletter_subscribers SET bounced_at = \(bind: now) WHERE email = \(bind: email) AND bounced_at IS NULL").run()
    }

    public func activeCount(language: String) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE language = \(bind: language) AND confirmed_at IS NOT NULL \
            AND unsubscribed_at IS NULL AND bounced_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: editions

    public func createEdition(language: String, subject: String, body: String, author: UUID, now: Date) async throws -> UUID {
        let id = UUID()
        try await sql.insert(into: "newsletter_editions").columns("id", "language", "subject", "body", "author_id", "created_at")
            .values(SQLBind(id), SQLBind(language), SQLBind(subject), SQLBind(body), SQLBind(author), SQLBind(now)).run()
        return id
    }

    public func editions(unfinishedOnly: Bool = false, limit: Int = 50) async throws -> [NewsletterEdition] {
        try await sql.raw("""
            SELECT e.*, (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.edition_id = e.id) AS queued FROM newsletter_editions e \
            \(unsafeRaw: unfinishedOnly ? "WHERE e.finished_at IS NULL" : "") ORDER BY e.created_at DESC LIMIT \(bind: limit)
            """).all().map { row in
            NewsletterEdition(id: try row.decode(column: "id", as: UUID.self), language: try row.decode(column: "language", as: String.self),
                              subject: try row.decode(column: "subject", as: String.self), body: try row.decode(column: "body", as: String.self),
                              createdAt: try row.decode(column: "created_at", as: Date.self),
                              finishedAt: try row.decodeNil(column: "finished_at") ? nil : row.decode(column: "finished_at", as: Date.self),
                              queued: try row.decode(column: "queued", as: Int.self))
        }
    }

    /// The next subscribers an edition has not been queued for: active, of its language.
    public func nextBatch(_ edition: NewsletterEdition, limit: Int) async throws -> [NewsletterSubscriber] {
        try await sql.raw("""
            SELECT s.* FROM newsletter_subscribers s WHERE s.language = \(bind: edition.language) AND s.confirmed_at IS NOT NULL \
            AND s.unsubscribed_at IS NULL AND s.bounced_at IS NULL \
            AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.edition_id = \(bind: edition.id) AND d.subscriber_id = s.id) \
            ORDER BY s.id LIMIT \(bind: limit)
            """).all().map(Self.subscriber)
    }

    public func recordDelivery(edition: UUID, subscriber: UUID, now: Date) async throws {
        try await sql.insert(into: "newsletter_deliveries").columns("edition_id", "subscriber_id", "queued_at")
            .values(SQLBind(edition), SQLBind(subscriber), SQLBind(now)).run()
    }

    public func finish(_ edition: UUID, now: Date) async throws {
        try await sql.update("newsletter_editions").set("finished_at", to: SQLBind(now)).where("id", .equal, SQLBind(edition)).run()
    }

    static func subscriber(_ row: any SQLRow) throws -> NewsletterSubscriber {
        func date(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        return NewsletterSubscriber(id: try row.decode(column: "id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
                                    language: try row.decode(column: "language", as: String.self), confirmedAt: try date("confirmed_at"),
                                    unsubscribedAt: try date("unsubscribed_at"), bouncedAt: try date("bounced_at"))
    }
}
