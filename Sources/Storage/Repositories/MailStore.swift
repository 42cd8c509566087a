import Fluent
import SQLKit
import Foundation

/// One e-mail of a case, in or out.
public struct MailRecord: Sendable, Equatable {
    public enum Direction: String, Sendable { case inbound = "in", outbound = "out" }
    public struct AttachmentInfo: Sendable, Equatable { public let id: UUID; public let filename: String; public let contentType: String; public let size: Int }

    public var id = UUID()
    public var interactionID: UUID
    public var caseID: UUID
    public var direction: Direction
    public var messageID: String
    public var inReplyTo: String?
    public var references: [String]
    public var fromAddress: String
    public var fromName: String?
    public var toAddress: String
    public var subject: String
    public var body: String
    public var problems: [String]
    public var automatic: Bool
    public var size: Int
    public var at: Date
    /// The consultant who wrote an outgoing reply.
    public var authorID: String?
    public var attachments: [AttachmentInfo] = []

    public init(interactionID: UUID, caseID: UUID, direction: Direction, messageID: String, inReplyTo: String?, references: [String],
                fromAddress: String, fromName: String?, toAddress: String, subject: String, body: String, problems: [String],
                automatic: Bool, size: Int, at: Date, authorID: String? = nil) {
        self.interactionID = interactionID; self.caseID = caseID; self.direction = direction; self.messageID = messageID
        self.inReplyTo = inReplyTo; self.references = references; self.fromAddress = fromAddress; self.fromName = fromName
        self.toAddress = toAddress; self.subject = subject; self.body = body; self.problems = problems; self.automatic = automatic
        self.size = size; self.at = at; self.authorID = authorID
    }
}

public struct StoredAttachment: Sendable {
    public let caseID: UUID
    public let filename: String
    public let contentType: String
    public let data: Data
}

/// The e-mails of cases and their attachments.
public struct MailStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func insert(_ m: MailRecord, attachments: [(filename: String, contentType: String, data: Data)] = []) async throws {
        try await sql.insert(into: "cc_mail_messages")
            .columns("id", "interaction_id", "case_id", "direction", "message_id", "in_reply_to", "references_list", "from_address", "from_name",
                     "to_address", "subject", "body", "problems", "automatic", "size", "at", "author_id")
            .values(SQLBind(m.id), SQLBind(m.interactionID), SQLBind(m.caseID), SQLBind(m.direction.rawValue), SQLBind(m.messageID),
                    SQLBind(m.inReplyTo), SQLBind(m.references.joined(separator: " ")), SQLBind(m.fromAddress), SQLBind(m.fromName),
                    SQLBind(m.toAddress), SQLBind(m.subject), SQLBind(m.body), SQLBind(m.problems.joined(separator: " ")), SQLBind(m.automatic),
                    SQLBind(m.size), SQLBind(m.at), SQLBind(m.authorID)).run()
        for a in attachments {
            try await sql.insert(into: "cc_mail_attachments").columns("id", "mail_id", "filename", "content_type", "size", "data")
                .values(SQLBind(UUID()), SQLBind(m.id), SQLBind(a.filename), SQLBind(a.contentType), SQLBind(a.data.count), SQLBind(a.data)).run()
        }
    }

    public func exists(messageID: String) async throws -> Bool {
        try await sql.select().column("id").from("cc_mail_messages").where("message_id", .equal, SQLBind(messageID)).first() != nil
    }

    /// The case a reply belongs to (by any of the ids it refers to), and the case's latest contact.
    public func thread(referringTo ids: [String]) async throws -> (caseID: UUID, interactionID: UUID)? {
        guard !ids.isEmpty, let row = try await sql.select().column("case_id").from("cc_mail_messages")
            .where("message_id", .in, SQLBind.group(ids)).first() else { return nil }
        let caseID = try row.decode(column: "case_id", as: UUID.self)
        guard let latest = try await sql.select().column("interaction_id").from("cc_mail_messages").where("case_id", .equal, SQLBind(caseID))
            .orderBy("at", .descending).first() else { return nil }
        return (caseID, try latest.decode(column: "interaction_id", as: UUID.self))
    }

    public func caseID(of interaction: UUID) async throws -> UUID? {
        try await sql.select().column("case_id").from("cc_mail_messages").where("interaction_id", .equal, SQLBind(interaction)).first()?
            .decode(column: "case_id", as: UUID.self)
    }

    /// Whether a consultant wrote to the client from this contact (not an automatic message).
    public func answered(interaction: UUID) async throws -> Bool {
        try await sql.raw("SELECT 1 AS x FROM cc_mail_messages WHERE interaction_id = \(bind: interaction) AND direction = 'out' AND author_id IS NOT NULL")
            .first() != nil
    }

    /// Every message of a case, oldest first, with its attachments (without their bytes).
    public func messages(ofCase caseID: UUID) async throws -> [MailRecord] {
        let rows = try await sql.select().column("*").from("cc_mail_messages").where("case_id", .equal, SQLBind(caseID)).orderBy("at").all()
        var records = try rows.map(Self.record)
        guard !records.isEmpty else { return [] }
        let files = try await sql.select().columns("id", "mail_id", "filename", "content_type", "size").from("cc_mail_attachments")
            .where("mail_id", .in, SQLBind.group(records.map(\.id))).all()
        for f in files {
            let mail = try f.decode(column: "mail_id", as: UUID.self)
            guard let i = records.firstIndex(where: { $0.id == mail }) else { continue }
            records[i].attachments.append(.init(id: try f.decode(column: "id", as: UUID.self), filename: try f.decode(column: "filename", as: String.self),
                                                contentType: try f.decode(column: "content_type", as: String.self), size: try f.decode(column: "size", as: Int.self)))
        }
        return records
    }

    public func attachment(_ id: UUID) async throws -> StoredAttachment? {
        guard let row = try await sql.raw("""
            SELECT m.case_id, a.filename, a.content_type, a.data FROM cc_mail_attachments a JOIN cc_mail_messages m ON m.id = a.mail_id \
            WHERE a.id = \(bind: id)
            """).first() else { return nil }
        return StoredAttachment(caseID: try row.decode(column: "case_id", as: UUID.self), filename: try row.decode(column: "filename", as: String.self),
                                contentType: try row.decode(column: "content_type", as: String.self), data: try row.decode(column: "data", as: Data.self))
    }

    /// Automatic acknowledgements sent to an address since `since` (a loop breaker).
    public func acknowledgements(to address: String, since: Date) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM cc_mail_messages WHERE direction = 'out' AND author_id IS NULL AND to_address = \(bind: address) AND at > \(bind: since)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func record(_ row: any SQLRow) throws -> MailRecord {
        func text(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        var m = MailRecord(interactionID: try row.decode(column: "interaction_id", as: UUID.self), caseID: try row.decode(column: "case_id", as: UUID.self),
                           direction: MailRecord.Direction(rawValue: try row.decode(column: "direction", as: String.self)) ?? .inbound,
                           messageID: try row.decode(column: "message_id", as: String.self), inReplyTo: try text("in_reply_to"),
                           references: try row.decode(column: "references_list", as: String.self).split(separator: " ").map(String.init),
                           fromAddress: try row.decode(column: "from_address", as: String.self), fromName: try text("from_name"),
                           toAddress: try row.decode(column: "to_address", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                           body: try row.decode(column: "body", as: String.self),
                           problems: try row.decode(column: "problems", as: String.self).split(separator: " ").map(String.init),
                           automatic: try row.decode(column: "automatic", as: Bool.self), size: try row.decode(column: "size", as: Int.self),
                           at: try row.decode(column: "at", as: Date.self), authorID: try text("author_id"))
        m.id = try row.decode(column: "id", as: UUID.self)
        return m
    }
}
