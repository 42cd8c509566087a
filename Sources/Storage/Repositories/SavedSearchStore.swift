import Fluent
import SQLKit
import Foundation
import Portal

public struct SavedSearch: Sendable, Equatable {
    public let id: UUID
    public let accountID: UUID
    public let kind: SavedSearchKind
    public let query: String
    public let label: String
    public let frequency: AlertFrequency
    public let active: Bool
    public let createdAt: Date
    public let lastRunAt: Date?
    public let nextRunAt: Date
}

public enum SavedSearchError: Error, Equatable { case limitReached, notFound }

public struct SavedSearchStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func create(account: UUID, kind: SavedSearchKind, query: String, label: String, frequency: AlertFrequency, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("saved_searches")
                .where("account_id", .equal, SQLBind(account)).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
            guard count < AlertSchedule.maximumPerAccount else { throw SavedSearchError.limitReached }
            let id = UUID()
            try await sql.insert(into: "saved_searches")
                .columns("id", "account_id", "kind", "query", "label", "frequency", "active", "created_at", "next_run_at")
                .values(SQLBind(id), SQLBind(account), SQLBind(kind.rawValue), SQLBind(query), SQLBind(label), SQLBind(frequency.rawValue),
                        SQLBind(true), SQLBind(now), SQLBind(AlertSchedule.nextRun(after: now, frequency))).run()
            return id
        }
    }

    public func list(account: UUID) async throws -> [SavedSearch] {
        try await (db as! any SQLDatabase).select().column("*").from("saved_searches").where("account_id", .equal, SQLBind(account))
            .orderBy("created_at").all().map(Self.search)
    }

    public func find(_ id: UUID) async throws -> SavedSearch? {
        try await (db as! any SQLDatabase).select().column("*").from("saved_searches").where("id", .equal, SQLBind(id)).first().map(Self.search)
    }

    public func delete(_ id: UUID, account: UUID) async throws {
        guard try await find(id)?.accountID == account else { throw SavedSearchError.notFound }
        try await (db as! any SQLDatabase).delete(from: "saved_searches").where("id", .equal, SQLBind(id)).run()
    }

    /// Turns alerts of a search off or on again; on again starts from now (what appeared
    /// meanwhile is not sent late).
    public func setActive(_ id: UUID, _ active: Bool, now: Date = Date()) async throws {
        guard let s = try await find(id) else { throw SavedSearchError.notFound }
        let update = (db as! any SQLDatabase).update("saved_searches").set("active", to: SQLBind(active)).where("id", .equal, SQLBind(id))
        if active && !s.active {
            update.set("last_run_at", to: SQLBind(now)).set("next_run_at", to: SQLBind(AlertSchedule.nextRun(after: now, s.frequency)))
        }
        try await update.run()
    }

    public func setFrequency(_ id: UUID, account: UUID, _ frequency: AlertFrequency, now: Date = Date()) async throws {
        guard try await find(id)?.accountID == account else { throw SavedSearchError.notFound }
        try await (db as! any SQLDatabase).update("saved_searches").set("frequency", to: SQLBind(frequency.rawValue))
            .set("next_run_at", to: SQLBind(AlertSchedule.nextRun(after: now, frequency))).where("id", .equal, SQLBind(id)).run()
    }

    /// Active searches whose time has come, oldest due first; none of an account that objected
    /// to alerts (profiling, art. 21): their searches stay, nothing is matched for them.
    public func due(now: Date, limit: Int = 200) async throws -> [SavedSearch] {
        try await (db as! any SQLDatabase).select().column("*").from("saved_searches").where("active", .equal, SQLBind(true))
            .where("next_run_at", .lessThanOrEqual, SQLBind(now))
            .where(SQLQueryString("account_id NOT IN (SELECT id FROM accounts WHERE objects_to_alerts_at IS NOT NULL OR restricted_at IS NOT NULL)"))
            .orderBy("next_run_at").limit(limit).all().map(Self.search)
    }

    /// Which of these items the search has already sent.
    public func alreadySent(_ search: UUID, items: [UUID]) async throws -> Set<UUID> {
        guard !items.isEmpty else { return [] }
        return Set(try await (db as! any SQLDatabase).select().column("item_id").from("alert_deliveries").where("search_id", .equal, SQLBind(search))
            .where("item_id", .in, SQLBind.group(items)).all().map { try $0.decode(column: "item_id", as: UUID.self) })
    }

    /// Records one run in one transaction: the items sent (unique per search: a second run of
    /// the same matches, by another server or after a crash, fails here and sends nothing),
    /// the mail to the outbox, and the next time.
    public func recordRun(_ s: SavedSearch, sent items: [UUID], mail: OutboxMessage?, sms: SMSMessage? = nil, now: Date) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if !items.isEmpty {
                var insert = sql.insert(into: "alert_deliveries").columns("search_id", "item_id", "sent_at")
                for item in items { insert = insert.values(SQLBind(s.id), SQLBind(item), SQLBind(now)) }
                try await insert.run()
            }
            if let mail { try await Outbox(db: tx).enqueue(mail, now: now) }
            if let sms { try await SMSStore(db: tx).enqueue(sms, now: now) }
            try await sql.update("saved_searches").set("last_run_at", to: SQLBind(now))
                .set("next_run_at", to: SQLBind(AlertSchedule.nextRun(after: now, s.frequency))).where("id", .equal, SQLBind(s.id)).run()
        }
    }

    /// Records runs that found nothing new: only their times, all at once (on a given
    /// morning most of a million seekers' daily matches find nothing new).
    public func recordQuietRuns(_ searches: [SavedSearch], now: Date) async throws {
        for (frequency, group) in Dictionary(grouping: searches, by: \.frequency) {
            try await (db as! any SQLDatabase).update("saved_searches").set("last_run_at", to: SQLBind(now))
                .set("next_run_at", to: SQLBind(AlertSchedule.nextRun(after: now, frequency))).where("id", .in, SQLBind.group(group.map(\.id))).run()
        }
    }

    static func search(_ row: any SQLRow) throws -> SavedSearch {
        SavedSearch(id: try row.decode(column: "id", as: UUID.self), accountID: try row.decode(column: "account_id", as: UUID.self),
                    kind: SavedSearchKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .offers,
                    query: try row.decode(column: "query", as: String.self), label: try row.decode(column: "label", as: String.self),
                    frequency: AlertFrequency(rawValue: try row.decode(column: "frequency", as: String.self)) ?? .weekly,
                    active: try row.decode(column: "active", as: Bool.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                    lastRunAt: try row.decodeNil(column: "last_run_at") ? nil : row.decode(column: "last_run_at", as: Date.self),
                    nextRunAt: try row.decode(column: "next_run_at", as: Date.self))
    }
}
