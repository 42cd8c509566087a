import Fluent
import SQLKit
import Foundation
import ContactCenter

/// A live chat as stored: its interaction, who the visitor said they are, and whether their
/// page is still there.
public struct ChatRecord: Sendable, Equatable {
    public let interactionID: UUID
    public let name: String?
    public let email: String?
    public let createdAt: Date
    public let leftAt: Date?
    public let endedByVisitorAt: Date?
    public let transcriptsSent: Int
}

/// Live chats and their lines. A chat is an interaction of the chat channel (routed like any
/// other) with a row here; the visitor holds a random token, of which only the SHA-256 is kept.
public struct ChatStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Queues the chat's interaction and its row in one transaction; the first line, if any, too.
    public func start(_ i: Interaction, tokenHash: String, name: String?, email: String?, firstLine: String?, context: ContactContext,
                      now: Date) async throws {
        try await db.transaction { tx in
            try await ContactCenterStore(db: tx).enqueue(i, context: context, now: now)
            try await (tx as! any SQLDatabase).insert(into: "cc_chats").columns("interaction_id", "token_hash", "name", "email", "created_at", "transcripts_sent")
                .values(SQLBind(i.id), SQLBind(tokenHash), SQLBind(name), SQLBind(email), SQLBind(now), SQLBind(0)).run()
            if let firstLine { _ = try await ChatStore(db: tx).add(i.id, author: .visitor, agent: nil, text: firstLine, at: now) }
        }
    }

    public func find(tokenHash: String) async throws -> ChatRecord? {
        try await sql.select().column("*").from("cc_chats").where("token_hash", .equal, SQLBind(tokenHash)).first().map(Self.record)
    }

    public func find(interaction id: UUID) async throws -> ChatRecord? {
        try await sql.select().column("*").from("cc_chats").where("interaction_id", .equal, SQLBind(id)).first().map(Self.record)
    }

    public enum LineError: Error, Equatable { case tooManyLines }

    /// Adds a line; a chat that reached `ChatLine.maximumLines` takes no more.
    @discardableResult
    public func add(_ id: UUID, author: ChatLine.Author, agent: String?, text: String, at: Date) async throws -> ChatLine {
        let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cc_chat_lines")
            .where("interaction_id", .equal, SQLBind(id)).first()?.decode(column: "n", as: Int.self) ?? 0
        guard count < ChatLine.maximumLines else { throw LineError.tooManyLines }
        let row = try await sql.insert(into: "cc_chat_lines").columns("interaction_id", "author", "agent_id", "body", "at")
            .values(SQLBind(id), SQLBind(author.rawValue), SQLBind(agent), SQLBind(text), SQLBind(at)).returning("id").first()
        return ChatLine(id: try row?.decode(column: "id", as: Int.self) ?? 0, author: author, text: text, at: at)
    }

    public func lines(of id: UUID) async throws -> [ChatLine] {
        try await sql.select().column("*").from("cc_chat_lines").where("interaction_id", .equal, SQLBind(id)).orderBy("id").all().map { row in
            ChatLine(id: try row.decode(column: "id", as: Int.self),
                     author: ChatLine.Author(rawValue: try row.decode(column: "author", as: String.self)) ?? .system,
                     text: try row.decode(column: "body", as: String.self), at: try row.decode(column: "at", as: Date.self))
        }
    }

    /// The visitor's page went away (`at`) or came back (nil).
    public func setLeft(_ id: UUID, at: Date?) async throws {
        try await sql.update("cc_chats").set("left_at", to: SQLBind(at)).where("interaction_id", .equal, SQLBind(id)).run()
    }

    public func endByVisitor(_ id: UUID, at: Date) async throws {
        try await sql.update("cc_chats").set("ended_by_visitor_at", to: SQLBind(at)).where("interaction_id", .equal, SQLBind(id))
            .where("ended_by_visitor_at", .is, SQLLiteral.null).run()
    }

    public func countTranscript(_ id: UUID) async throws {
        try await sql.raw("UPDATE cc_chats SET transcripts_sent = transcripts_sent + 1 WHERE interaction_id = \(bind: id)").run()
    }

    /// Chats still waiting whose visitor left before `before`: given up.
    public func waitingLeft(before: Date) async throws -> [UUID] {
        try await sql.raw("""
            SELECT c.interaction_id FROM cc_chats c JOIN cc_interactions i ON i.id = c.interaction_id \
            WHERE i.state = \(bind: InteractionState.queued.rawValue) AND c.left_at IS NOT NULL AND c.left_at < \(bind: before)
            """).all().map { try $0.decode(column: "interaction_id", as: UUID.self) }
    }

    static func record(_ row: any SQLRow) throws -> ChatRecord {
        func date(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        func text(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        return ChatRecord(interactionID: try row.decode(column: "interaction_id", as: UUID.self), name: try text("name"), email: try text("email"),
                          createdAt: try row.decode(column: "created_at", as: Date.self), leftAt: try date("left_at"),
                          endedByVisitorAt: try date("ended_by_visitor_at"), transcriptsSent: try row.decode(column: "transcripts_sent", as: Int.self))
    }
}
