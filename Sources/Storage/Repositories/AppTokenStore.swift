import Foundation
import Fluent
import SQLKit
import Portal

/// A device's sign-in to the app, as the account page lists it.
public struct AppDevice: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let device: String
    public let scopes: Set<AppScope>
    public let createdAt: Date
    public let expiresAt: Date
    public let lastUsedAt: Date?
}

/// Tokens of devices signed in to the app.
public struct AppTokenStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A new token for a device; beyond the most an account may have, the oldest are revoked.
    public func create(account: UUID, device: String, scopes: Set<AppScope>, hash: String, sessionEpoch: Int, now: Date = Date()) async throws -> AppDevice {
        let id = UUID()
        let expires = now.addingTimeInterval(AppTokenPolicy.lifetime)
        let scopeText = scopes.map(\.rawValue).sorted().joined(separator: " ")
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.insert(into: "app_tokens")
                .columns("id", "account_id", "device", "scopes", "token_hash", "session_epoch", "created_at", "expires_at")
                .values(SQLBind(id), SQLBind(account), SQLBind(device), SQLBind(scopeText), SQLBind(hash), SQLBind(sessionEpoch), SQLBind(now), SQLBind(expires))
                .run()
            let live = try await AppTokenStore(db: tx).list(account: account, now: now)
            for old in live.sorted(by: { $0.createdAt > $1.createdAt }).dropFirst(AppTokenPolicy.maximumPerAccount) {
                try await AppTokenStore(db: tx).revoke(old.id, account: account, now: now)
            }
        }
        return AppDevice(id: id, device: device, scopes: scopes, createdAt: now, expiresAt: expires, lastUsedAt: nil)
    }

    /// The account and scopes of a live token (not expired, not revoked, made under the
    /// account's current session epoch), noting its use.
    public func use(hash: String, now: Date = Date()) async throws -> (account: UUID, token: UUID, scopes: Set<AppScope>)? {
        guard let row = try await sql.raw("""
            SELECT t.id, t.account_id, t.scopes FROM app_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND t.expires_at > \(bind: now) AND t.session_epoch = a.session_epoch
            """).first() else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        try await sql.update("app_tokens").set("last_used_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        return (try row.decode(column: "account_id", as: UUID.self), id, AppScope.parse(try row.decode(column: "scopes", as: String.self)) ?? [])
    }

    /// The devices an account has signed in now, newest first.
    public func list(account: UUID, now: Date = Date()) async throws -> [AppDevice] {
        try await sql.raw("""
            SELECT t.id, t.device, t.scopes, t.created_at, t.expires_at, t.last_used_at FROM app_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.account_id = \(bind: account) AND t.revoked_at IS NULL AND t.expires_at > \(bind: now) AND t.session_epoch = a.session_epoch
            ORDER BY t.created_at DESC
            """).all().map { r in
            AppDevice(id: try r.decode(column: "id", as: UUID.self), device: try r.decode(column: "device", as: String.self),
                      scopes: AppScope.parse(try r.decode(column: "scopes", as: String.self)) ?? [], createdAt: try r.decode(column: "created_at", as: Date.self),
                      expiresAt: try r.decode(column: "expires_at", as: Date.self), lastUsedAt: try r.decode(column: "last_used_at", as: Date?.self))
        }
    }

    /// Revokes one of the account's tokens; false when there is none such.
    @discardableResult
    public func revoke(_ id: UUID, account: UUID, now: Date = Date()) async throws -> Bool {
        try await sql.update("app_tokens").set("revoked_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("account_id", .equal, SQLBind(account)).where("revoked_at", .is, SQLLiteral.null)
            .returning("id").all().count == 1
    }
}
