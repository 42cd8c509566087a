import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch

public struct StoredEvent: Sendable, Equatable {
    public let id: UUID
    public let draft: EventDraft
    public let powiatCode: String?
    public let voivodeshipCode: String?
    public let updatedAt: Date
}

/// Where an event takes place, found from its postal code.
public struct EventPlace: Sendable, Equatable {
    public var powiatCode: String?
    public var voivodeshipCode: String?
    public init(powiatCode: String?, voivodeshipCode: String?) { self.powiatCode = powiatCode; self.voivodeshipCode = voivodeshipCode }
}

public struct EventCriteria: Sendable, Equatable {
    public var kind: EventKind
    public var query: SearchQuery?
    public var voivodeship: String?
    public var office: String?
    /// Free for participants or paid by a public fund.
    public var noCostOnly = false
    public var onlineOnly = false
    public var from: Date?
    /// Only events added or changed since then (for alerts).
    public var updatedSince: Date?
    public var page = 1
    public var perPage = 20
    public init(kind: EventKind) { self.kind = kind }
}

public struct EventStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func create(_ d: EventDraft, place: EventPlace, tokens: SearchTokens, by staff: UUID, now: Date = Date()) async throws -> UUID {
        let id = UUID()
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).insert(into: "events")
                .columns("id", "kind", "office_id", "title", "organiser", "topic", "description", "online", "locality", "address", "postal_code",
                         "powiat_code", "voivodeship_code", "starts_at", "ends_at", "price", "funding", "seats", "created_by", "created_at", "updated_at")
                .values(SQLBind(id), SQLBind(d.kind.rawValue), SQLBind(d.officeID), SQLBind(d.title), SQLBind(d.organiser), SQLBind(d.topic),
                        SQLBind(d.description), SQLBind(d.online), SQLBind(d.locality), SQLBind(d.address), SQLBind(d.postalCode),
                        SQLBind(place.powiatCode), SQLBind(place.voivodeshipCode), SQLBind(d.startsAt), SQLBind(d.endsAt), SQLBind(d.price),
                        SQLBind(d.funding.rawValue), SQLBind(d.seats), SQLBind(staff), SQLBind(now), SQLBind(now)).run()
            try await SearchIndex.events.put(id, title: tokens.title, body: tokens.body, on: tx)
        }
        return id
    }

    public func update(_ id: UUID, _ d: EventDraft, place: EventPlace, tokens: SearchTokens, now: Date = Date()) async throws {
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).update("events")
                .set("office_id", to: SQLBind(d.officeID)).set("title", to: SQLBind(d.title)).set("organiser", to: SQLBind(d.organiser))
                .set("topic", to: SQLBind(d.topic)).set("description", to: SQLBind(d.description)).set("online", to: SQLBind(d.online))
                .set("locality", to: SQLBind(d.locality)).set("address", to: SQLBind(d.address)).set("postal_code", to: SQLBind(d.postalCode))
                .set("powiat_code", to: SQLBind(place.powiatCode)).set("voivodeship_code", to: SQLBind(place.voivodeshipCode))
                .set("starts_at", to: SQLBind(d.startsAt)).set("ends_at", to: SQLBind(d.endsAt)).set("price", to: SQLBind(d.price))
                .set("funding", to: SQLBind(d.funding.rawValue)).set("seats", to: SQLBind(d.seats)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await SearchIndex.events.put(id, title: tokens.title, body: tokens.body, on: tx)
        }
    }

    public func delete(_ id: UUID) async throws {
        try await db.transaction { tx in
            try await SearchIndex.events.remove(id, on: tx)
            try await (tx as! any SQLDatabase).delete(from: "events").where("id", .equal, SQLBind(id)).run()
        }
    }

    public func find(_ id: UUID) async throws -> StoredEvent? {
        try await (db as! any SQLDatabase).select().column("*").from("events").where("id", .equal, SQLBind(id)).first().map(Self.event)
    }

    /// Every event indexed again with `tokens` (the analyzer changed): in batches, each its own statement.
    public func reindexAll(tokens: (StoredEvent) async throws -> SearchTokens) async throws -> Int {
        let events = try await (db as! any SQLDatabase).select().column("*").from("events").all().map(Self.event)
        for e in events {
            let t = try await tokens(e)
            try await SearchIndex.events.put(e.id, title: t.title, body: t.body, on: db)
        }
        return events.count
    }

    /// Every event of some offices (nil: all), newest start first, for the staff list.
    public func list(offices: Set<String>?, limit: Int = 500) async throws -> [StoredEvent] {
        let q = (db as! any SQLDatabase).select().column("*").from("events")
        if let offices { q.where("office_id", .in, SQLBind.group(Array(offices))) }
        return try await q.orderBy("starts_at", .descending).limit(limit).all().map(Self.event)
    }

    /// Upcoming (or still running) events matching the criteria, soonest first (best match
    /// first for a text query), and how many there are.
    public func search(_ c: EventCriteria, now: Date = Date()) async throws -> (total: Int, events: [StoredEvent]) {
        let sql = db as! any SQLDatabase
        var with: SQLQueryString = ""
        var from: SQLQueryString = "FROM events e "
        var conditions: [SQLQueryString] = ["e.kind = \(bind: c.kind.rawValue)", "COALESCE(e.ends_at, e.starts_at) >= \(bind: c.from ?? now)"]
        var order: SQLQueryString = "ORDER BY e.starts_at, e.id"
        if let q = c.query {
            let match = SearchIndex.events.textMatch(q, db: db)
            with = match.with
            from = match.from + "JOIN events e ON e.id = s.doc_id "
            if let condition = match.condition { conditions.append(condition) }
            order = "ORDER BY " + match.rank + " DESC, e.starts_at, e.id"
        }
        if let v = c.voivodeship { conditions.append("e.voivodeship_code = \(bind: v)") }
        if let o = c.office { conditions.append("e.office_id = \(bind: o)") }
        if c.noCostOnly { conditions.append("e.funding <> \(bind: Funding.paid.rawValue)") }
        if c.onlineOnly { conditions.append("e.online = \(bind: true)") }
        if let since = c.updatedSince { conditions.append("e.updated_at > \(bind: since)") }
        var whereClause: SQLQueryString = ""
        for (i, condition) in conditions.enumerated() { whereClause = whereClause + (i == 0 ? "WHERE " : " AND ") + condition }
        let perPage = max(1, min(c.perPage, 100)), offset = max(0, (c.page - 1) * perPage)
        let rows = try await sql.raw(with + "SELECT e.* " + from + whereClause + " " + order
                                     + " LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String(offset))").all()
        let total = try await sql.raw(with + "SELECT COUNT(*) AS n " + from + whereClause).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        return (total, try rows.map(Self.event))
    }

    static func event(_ row: any SQLRow) throws -> StoredEvent {
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let draft = EventDraft(
            kind: EventKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .training, title: try row.decode(column: "title", as: String.self),
            organiser: try row.decode(column: "organiser", as: String.self), topic: try row.decode(column: "topic", as: String.self),
            description: try row.decode(column: "description", as: String.self), online: try row.decode(column: "online", as: Bool.self),
            locality: try row.decode(column: "locality", as: String.self), address: try row.decode(column: "address", as: String.self),
            postalCode: try os("postal_code"), startsAt: try row.decode(column: "starts_at", as: Date.self),
            endsAt: try row.decodeNil(column: "ends_at") ? nil : row.decode(column: "ends_at", as: Date.self),
            price: try row.decodeNil(column: "price") ? nil : row.decode(column: "price", as: Double.self),
            funding: Funding(rawValue: try row.decode(column: "funding", as: String.self)) ?? .paid,
            seats: try row.decodeNil(column: "seats") ? nil : row.decode(column: "seats", as: Int.self),
            officeID: try row.decode(column: "office_id", as: String.self))
        return StoredEvent(id: try row.decode(column: "id", as: UUID.self), draft: draft, powiatCode: try os("powiat_code"),
                           voivodeshipCode: try os("voivodeship_code"), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
