import Fluent
import SQLKit
import Foundation
import Content
import Privacy

public enum PollStoreError: Error, Equatable {
    case notFound
    case alreadyVoted
    /// Its answers cannot change once people have voted (the counts would mean something else).
    case answersFixed
}

/// Polls, their counts and their voters (keyed hashes, see M056).
public struct PollStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The count row of the people who voted (kept when who voted is forgotten).
    static let votersRow = -1

    /// Adds (`id` nil) or changes a poll, audited; the answers stay as they are once anyone voted.
    @discardableResult
    public func save(_ id: UUID?, _ d: PollDraft, published: Bool, by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws -> UUID {
        let content = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
        return try await db.transaction { tx in
            let store = PollStore(db: tx)
            let pollID = id ?? UUID()
            if let id {
                guard let current = try await store.find(id) else { throw PollStoreError.notFound }
                if current.draft.options.count != d.options.count || current.draft.multiple != d.multiple, try await store.tally(current).voters > 0 {
                    throw PollStoreError.answersFixed
                }
                try await store.sql.update("polls").set("section", to: SQLBind(d.section.key)).set("content", to: SQLBind(content))
                    .set("opens_at", to: SQLBind(d.opensAt)).set("closes_at", to: SQLBind(d.closesAt)).set("published", to: SQLBind(published))
                    .set("updated_by", to: SQLBind(by)).set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
                if current.draft.options.count != d.options.count { try await store.sql.delete(from: "poll_counts").where("poll_id", .equal, SQLBind(id)).run() }
            } else {
                try await store.sql.insert(into: "polls").columns("id", "section", "content", "opens_at", "closes_at", "published", "updated_by", "updated_at")
                    .values(SQLBind(pollID), SQLBind(d.section.key), SQLBind(content), SQLBind(d.opensAt), SQLBind(d.closesAt), SQLBind(published),
                            SQLBind(by), SQLBind(now)).run()
            }
            // Every count exists before the first vote, so voting only adds to rows (two first
            // votes at once never race to create one).
            if try await store.sql.select().column("poll_id").from("poll_counts").where("poll_id", .equal, SQLBind(pollID)).limit(1).first() == nil {
                for option in [Self.votersRow] + Array(d.options.indices) {
                    try await store.sql.insert(into: "poll_counts").columns("poll_id", "option", "votes").values(SQLBind(pollID), SQLBind(option), SQLBind(0)).run()
                }
            }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "poll " + pollID.uuidString.lowercased() + " " + content, reason: audit.reason))
            return pollID
        }
    }

    public func delete(_ id: UUID, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            guard try await PollStore(db: tx).find(id) != nil else { throw PollStoreError.notFound }
            let sql = tx as! any SQLDatabase
            for table in ["poll_voters", "poll_counts"] { try await sql.delete(from: table).where("poll_id", .equal, SQLBind(id)).run() }
            try await sql.delete(from: "polls").where("id", .equal, SQLBind(id)).run()
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "poll " + id.uuidString.lowercased(), reason: audit.reason))
        }
    }

    public func find(_ id: UUID) async throws -> Poll? {
        try await sql.select().column("*").from("polls").where("id", .equal, SQLBind(id)).first().flatMap(Self.poll)
    }

    /// Polls of these sections (nil: all), the newest opening first; `publishedOnly` for readers.
    public func list(sections: [ContentSection]?, publishedOnly: Bool, limit: Int = 100) async throws -> [Poll] {
        let q = sql.select().column("*").from("polls")
        if let sections { q.where("section", .in, SQLBind.group(sections.map(\.key))) }
        if publishedOnly { q.where("published", .equal, SQLBind(true)) }
        return try await q.orderBy("opens_at", .descending).limit(limit).all().compactMap(Self.poll)
    }

    /// Records one vote: the voter once (a second vote is refused, also when two arrive at once),
    /// each chosen answer counted — in one transaction.
    /// `formerly`: the voter's marks under a data key being replaced; a vote under one of them counts.
    public func vote(_ poll: UUID, voter: String, formerly: [String] = [], choices: [Int], now: Date = Date()) async throws {
        do {
            try await db.transaction { tx in
                let sql = tx as! any SQLDatabase
                if !formerly.isEmpty, try await PollStore(db: tx).hasVoted(poll, voters: formerly) { throw PollStoreError.alreadyVoted }
                try await sql.insert(into: "poll_voters").columns("id", "poll_id", "voter", "voted_at")
                    .values(SQLBind(UUID()), SQLBind(poll), SQLBind(voter), SQLBind(now)).run()
                try await sql.raw("""
                    UPDATE poll_counts SET votes = votes + 1 WHERE poll_id = \(bind: poll) AND \(ident: "option") IN \(SQLBind.group([Self.votersRow] + choices))
                    """).run()
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw PollStoreError.alreadyVoted
        }
    }

    public func hasVoted(_ poll: UUID, voters: [String]) async throws -> Bool {
        try await sql.select().column("id").from("poll_voters").where("poll_id", .equal, SQLBind(poll)).where("voter", .in, SQLBind.group(voters)).first() != nil
    }

    public func tally(_ poll: Poll) async throws -> PollTally {
        var votes = Array(repeating: 0, count: poll.draft.options.count), voters = 0
        for row in try await sql.raw("SELECT \(ident: "option"), CAST(votes AS BIGINT) AS votes FROM poll_counts WHERE poll_id = \(bind: poll.id)").all() {
            let i = try row.decode(column: "option", as: Int.self), n = try row.decode(column: "votes", as: Int.self)
            if i == Self.votersRow { voters = n } else if votes.indices.contains(i) { votes[i] = n }
        }
        return PollTally(votes: votes, voters: voters)
    }

    static func poll(_ row: any SQLRow) throws -> Poll? {
        guard let draft = try? JSONDecoder().decode(PollDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)) else { return nil }
        return Poll(id: try row.decode(column: "id", as: UUID.self), draft: draft, published: try row.decode(column: "published", as: Bool.self),
                    updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
