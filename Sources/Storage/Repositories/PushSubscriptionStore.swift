import Foundation
import Fluent
import SQLKit

/// What a seeker may be sent by Web Push, each opted into separately.
public enum PushKind: String, Sendable, CaseIterable, Codable {
    /// New offers of a saved search or that fit the CV.
    case offers
    /// A reminder of a visit booked at the office.
    case visits
    /// A consultant's answer in a chat.
    case chat
}

public struct PushSubscription: Sendable, Equatable {
    public let id: UUID
    public let accountID: UUID
    public let endpoint: String
    /// The browser's public key and authentication secret, base64url as the browser gives them.
    public let p256dh: String
    public let auth: String
    public init(id: UUID = UUID(), accountID: UUID, endpoint: String, p256dh: String, auth: String) {
        self.id = id; self.accountID = accountID; self.endpoint = endpoint; self.p256dh = p256dh; self.auth = auth
    }
}

/// The push subscriptions of accounts and the kinds each account opted into.
public struct PushSubscriptionStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Subscriptions that failed this many times in a row are given up.
    public static let maximumFailures = 5

    /// Saves a browser's subscription for the account (the same endpoint again: its keys and
    /// owner renewed — a browser belongs to whoever signed in on it last).
    public func save(_ s: PushSubscription, now: Date = Date()) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "push_subscriptions").where("endpoint", .equal, SQLBind(s.endpoint)).run()
            try await sql.insert(into: "push_subscriptions").columns("id", "account_id", "endpoint", "p256dh", "auth", "created_at", "failures")
                .values(SQLBind(s.id), SQLBind(s.accountID), SQLBind(s.endpoint), SQLBind(s.p256dh), SQLBind(s.auth), SQLBind(now), SQLBind(0)).run()
        }
    }

    public func list(account: UUID) async throws -> [PushSubscription] {
        try await sql.select().columns("id", "account_id", "endpoint", "p256dh", "auth").from("push_subscriptions")
            .where("account_id", .equal, SQLBind(account)).orderBy("created_at").all().map { row in
                PushSubscription(id: try row.decode(column: "id", as: UUID.self), accountID: try row.decode(column: "account_id", as: UUID.self),
                                 endpoint: try row.decode(column: "endpoint", as: String.self), p256dh: try row.decode(column: "p256dh", as: String.self),
                                 auth: try row.decode(column: "auth", as: String.self))
            }
    }

    /// Removes a subscription: the browser unsubscribed, or the push service says it is gone.
    public func remove(endpoint: String, account: UUID? = nil) async throws {
        var q = sql.delete(from: "push_subscriptions").where("endpoint", .equal, SQLBind(endpoint))
        if let account { q = q.where("account_id", .equal, SQLBind(account)) }
        try await q.run()
    }

    public func delivered(_ id: UUID, now: Date) async throws {
        try await sql.update("push_subscriptions").set("last_sent_at", to: SQLBind(now)).set("failures", to: SQLBind(0))
            .where("id", .equal, SQLBind(id)).run()
    }

    /// One more failure; the subscription goes after `maximumFailures` in a row.
    public func failed(_ id: UUID) async throws {
        try await sql.update("push_subscriptions").set("failures", to: SQLRaw("failures + 1")).where("id", .equal, SQLBind(id)).run()
        try await sql.delete(from: "push_subscriptions").where("id", .equal, SQLBind(id))
            .where("failures", .greaterThanOrEqual, SQLBind(Self.maximumFailures)).run()
    }

    public func kinds(account: UUID) async throws -> Set<PushKind> {
        let raw = try await sql.select().column("push_kinds").from("accounts").where("id", .equal, SQLBind(account)).first()?
            .decode(column: "push_kinds", as: String?.self) ?? nil
        return Set((raw ?? "").split(separator: ",").compactMap { PushKind(rawValue: String($0)) })
    }

    public func setKinds(_ kinds: Set<PushKind>, account: UUID) async throws {
        try await sql.update("accounts").set("push_kinds", to: SQLBind(kinds.map(\.rawValue).sorted().joined(separator: ",")))
            .where("id", .equal, SQLBind(account)).run()
    }
}

/// A push message waiting for its time.
public struct PendingPush: Sendable, Equatable {
    public let accountID: UUID
    public let kind: PushKind
    public let title: String
    public let body: String
    public let url: String
    public let tag: String
    public let sendAt: Date
    public init(accountID: UUID, kind: PushKind, title: String, body: String, url: String, tag: String, sendAt: Date) {
        self.accountID = accountID; self.kind = kind; self.title = title; self.body = body; self.url = url; self.tag = tag; self.sendAt = sendAt
    }
}

/// Push messages to send: written with what causes them (in the same transaction where there
/// is one), taken by exactly one server when due. A message is tried once: a notification
/// late or lost matters less than one shown twice, and the e-mail or SMS it goes with stays.
public struct PushOutbox: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func enqueue(_ p: PendingPush, now: Date = Date()) async throws {
        try await (db as! any SQLDatabase).insert(into: "push_outbox")
            .columns("id", "account_id", "kind", "title", "body", "url", "tag", "send_at", "created_at")
            .values(SQLBind(UUID()), SQLBind(p.accountID), SQLBind(p.kind.rawValue), SQLBind(p.title), SQLBind(p.body), SQLBind(p.url), SQLBind(p.tag),
                    SQLBind(p.sendAt), SQLBind(now)).run()
    }

    /// Takes (deletes and returns) up to `limit` due messages; two servers never take the same.
    public func claimDue(now: Date, limit: Int = 50) async throws -> [PendingPush] {
        let sql = db as! any SQLDatabase
        let lock: SQLQueryString = SearchIndex.dialect(db) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw("""
            DELETE FROM push_outbox WHERE id IN (SELECT id FROM push_outbox WHERE send_at <= \(bind: now) ORDER BY send_at LIMIT \(literal: limit)\(lock))
            RETURNING account_id, kind, title, body, url, tag, send_at
            """).all().compactMap { row in
                guard let kind = PushKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                return PendingPush(accountID: try row.decode(column: "account_id", as: UUID.self), kind: kind, title: try row.decode(column: "title", as: String.self),
                                   body: try row.decode(column: "body", as: String.self), url: try row.decode(column: "url", as: String.self),
                                   tag: try row.decode(column: "tag", as: String.self), sendAt: try row.decode(column: "send_at", as: Date.self))
            }
    }
}
