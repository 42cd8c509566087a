import Fluent
import SQLKit
import Foundation

/// A consultant's own phone for working remotely: the number, whether they proved it is
/// theirs (and when), whether calls go to it now, and the code read to them while proving it
/// (kept as a hash, with its expiry and the tries made).
public struct AgentPhone: Sendable, Equatable {
    public let agentID: String
    public let phone: String
    public let verifiedAt: Date?
    public let remote: Bool
    public let codeHash: String?
    public let codeExpiresAt: Date?
    public let codeAttempts: Int

    /// Calls are put through to this number.
    public var takesCalls: Bool { remote && verifiedAt != nil }
}

public struct AgentPhoneStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func find(agent: String) async throws -> AgentPhone? {
        try await sql.select().column("*").from("agent_phones").where("agent_id", .equal, SQLBind(agent)).first().map(Self.phone)
    }

    /// A new number, not yet proved, with the code read to it: calls do not go to it until then.
    public func setNumber(agent: String, phone: String, codeHash: String, expires: Date, now: Date) async throws {
        try await sql.delete(from: "agent_phones").where("agent_id", .equal, SQLBind(agent)).run()
        try await sql.insert(into: "agent_phones")
            .columns("agent_id", "phone", "verified_at", "remote", "code_hash", "code_expires_at", "code_attempts", "updated_at")
            .values(SQLBind(agent), SQLBind(phone), SQLBind(nil as Date?), SQLBind(false), SQLBind(codeHash), SQLBind(expires), SQLBind(0), SQLBind(now)).run()
    }

    public func countAttempt(agent: String, now: Date) async throws {
        try await sql.raw("UPDATE agent_phones SET code_attempts = code_attempts + 1, updated_at = \(bind: now) WHERE agent_id = \(bind: agent)").run()
    }

    /// Proved: the code is spent, and calls may go to the number from now on.
    public func markVerified(agent: String, now: Date) async throws {
        try await sql.update("agent_phones").set("verified_at", to: SQLBind(now)).set("remote", to: SQLBind(true))
            .set("code_hash", to: SQLBind(nil as String?)).set("code_expires_at", to: SQLBind(nil as Date?)).set("updated_at", to: SQLBind(now))
            .where("agent_id", .equal, SQLBind(agent)).run()
    }

    /// Calls to the proved number (true) or to the desk's phone (false).
    public func setRemote(agent: String, _ remote: Bool, now: Date) async throws {
        try await sql.update("agent_phones").set("remote", to: SQLBind(remote)).set("updated_at", to: SQLBind(now))
            .where("agent_id", .equal, SQLBind(agent)).where(SQLColumn("verified_at"), .isNot, SQLLiteral.null).run()
    }

    public func forget(agent: String) async throws {
        try await sql.delete(from: "agent_phones").where("agent_id", .equal, SQLBind(agent)).run()
    }

    /// The number calls go to for each consultant working remotely now.
    public func remoteNumbers() async throws -> [String: String] {
        Dictionary(try await sql.raw("SELECT agent_id, phone FROM agent_phones WHERE remote = \(bind: true) AND verified_at IS NOT NULL").all().map {
            (try $0.decode(column: "agent_id", as: String.self), try $0.decode(column: "phone", as: String.self))
        }, uniquingKeysWith: { a, _ in a })
    }

    static func phone(_ row: any SQLRow) throws -> AgentPhone {
        func od(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        return AgentPhone(agentID: try row.decode(column: "agent_id", as: String.self), phone: try row.decode(column: "phone", as: String.self),
                          verifiedAt: try od("verified_at"), remote: try row.decode(column: "remote", as: Bool.self),
                          codeHash: try row.decodeNil(column: "code_hash") ? nil : row.decode(column: "code_hash", as: String.self),
                          codeExpiresAt: try od("code_expires_at"), codeAttempts: try row.decode(column: "code_attempts", as: Int.self))
    }
}
