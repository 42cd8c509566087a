import Fluent
import SQLKit
import Foundation

public struct Survey: Sendable, Equatable {
    public let id: UUID
    public let interactionID: UUID
    public let language: String
    public let sentAt: Date
    public let answeredAt: Date?
    public let rating: Int?
    public let comment: String?
}

public enum SurveyError: Error, Equatable { case alreadyAnswered }

/// Satisfaction surveys after a contact.
public struct SurveyStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// How long the link works.
    public static let lifetime: TimeInterval = 14 * 86_400

    public func create(interaction: UUID, tokenHash: String, language: String, now: Date = Date()) async throws {
        try await (db as! any SQLDatabase).insert(into: "cc_surveys").columns("id", "interaction_id", "token_hash", "language", "sent_at")
            .values(SQLBind(UUID()), SQLBind(interaction), SQLBind(tokenHash), SQLBind(language), SQLBind(now)).run()
    }

    /// The survey of a link still valid, answered or not.
    public func find(tokenHash: String, now: Date = Date()) async throws -> Survey? {
        try await (db as! any SQLDatabase).select().column("*").from("cc_surveys").where("token_hash", .equal, SQLBind(tokenHash))
            .where("sent_at", .greaterThan, SQLBind(now.addingTimeInterval(-Self.lifetime))).first().map(Self.survey)
    }

    public func of(interactions ids: [UUID]) async throws -> [UUID: Survey] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("*").from("cc_surveys").where("interaction_id", .in, SQLBind.group(ids)).all()
        return Dictionary(uniqueKeysWithValues: try rows.map(Self.survey).map { ($0.interactionID, $0) })
    }

    /// Records the answer once; a second answer is refused.
    public func answer(_ id: UUID, rating: Int, comment: String?, now: Date = Date()) async throws {
        let rows = try await (db as! any SQLDatabase).raw("""
            UPDATE cc_surveys SET rating = \(bind: rating), comment = \(bind: comment), answered_at = \(bind: now) \
            WHERE id = \(bind: id) AND answered_at IS NULL RETURNING id
            """).all()
        guard rows.count == 1 else { throw SurveyError.alreadyAnswered }
    }

    static func survey(_ row: any SQLRow) throws -> Survey {
        Survey(id: try row.decode(column: "id", as: UUID.self), interactionID: try row.decode(column: "interaction_id", as: UUID.self),
               language: try row.decode(column: "language", as: String.self), sentAt: try row.decode(column: "sent_at", as: Date.self),
               answeredAt: try row.decodeNil(column: "answered_at") ? nil : row.decode(column: "answered_at", as: Date.self),
               rating: try row.decodeNil(column: "rating") ? nil : row.decode(column: "rating", as: Int.self),
               comment: try row.decodeNil(column: "comment") ? nil : row.decode(column: "comment", as: String.self))
    }
}
