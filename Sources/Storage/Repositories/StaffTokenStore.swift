import Fluent
import SQLKit
import Foundation

public struct StaffToken: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let createdAt: Date
    public let expiresAt: Date
    public let lastUsedAt: Date?
}

/// Staff members' personal API tokens, by their SHA-256.
public struct StaffTokenStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// At most this many live tokens per person.
    public static let limit = 5

    public func create(account: UUID, name: String, hash: String, expiresAt: Date, now: Date = Date()) async throws -> UUID {
        let id = UUID()
        try await (db as! any SQLDatabase).insert(into: "staff_tokens").columns("id", "account_id", "name", "token_hash", "created_at", "expires_at")
            .values(SQLBind(id), SQLBind(account), SQLBind(name), SQLBind(hash), SQLBind(now), SQLBind(expiresAt)).run()
        return id
    }

    public func list(account: UUID, now: Date = Date()) async throws -> [StaffToken] {
        try await (db as! any SQLDatabase).select().column("*").from("staff_tokens").where("account_id", .equal, SQLBind(account))
            .where("expires_at", .greaterThan, SQLBind(now)).orderBy("created_at").all().map { row in
                StaffToken(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                           createdAt: try row.decode(column: "created_at", as: Date.self), expiresAt: try row.decode(column: "expires_at", as: Date.self),
                           lastUsedAt: try row.decodeNil(column: "last_used_at") ? nil : row.decode(column: "last_used_at", as: Date.self))
            }
    }

    /// Revokes one of the account's own tokens; false when there is no such token of theirs.
    public func revoke(_ id: UUID, account: UUID) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).delete(from: "staff_tokens").where("id", .equal, SQLBind(id))
            .where("account_id", .equal, SQLBind(account)).returning("id").all()
        return !rows.isEmpty
    }

    /// The account a live token belongs to; records its use.
    public func account(forHash hash: String, now: Date = Date()) async throws -> UUID? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.select().columns("id", "account_id").from("staff_tokens").where("token_hash", .equal, SQLBind(hash))
            .where("expires_at", .greaterThan, SQLBind(now)).first() else { return nil }
        try await sql.update("staff_tokens").set("last_used_at", to: SQLBind(now)).where("id", .equal, SQLBind(try row.decode(column: "id", as: UUID.self))).run()
        return try row.decode(column: "account_id", as: UUID.self)
    }
}
