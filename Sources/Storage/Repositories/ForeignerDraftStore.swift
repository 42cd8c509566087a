import Foundation
import Fluent
import SQLKit

/// A draft of an application of the foreigners' generator. Its answers are sealed by the
/// caller (`content`); the store keeps the hash of its link and the blind index of its code,
/// never either in the clear.
public struct ForeignerDraft: Sendable, Equatable {
    public let id: UUID
    public var form: String
    public var version: String
    public var language: String
    public var content: String
    public var accountID: UUID?
    /// The furthest step reached (sections filled in order).
    public var step: Int
    public var printedAt: Date?
    public let createdAt: Date
    public var updatedAt: Date
    /// When it is deleted unless changed again (nil: kept in an account).
    public var expiresAt: Date?

    public init(id: UUID = UUID(), form: String, version: String, language: String, content: String, accountID: UUID?, step: Int = 0,
                printedAt: Date? = nil, createdAt: Date, updatedAt: Date, expiresAt: Date?) {
        self.id = id; self.form = form; self.version = version; self.language = language; self.content = content; self.accountID = accountID
        self.step = step; self.printedAt = printedAt; self.createdAt = createdAt; self.updatedAt = updatedAt; self.expiresAt = expiresAt
    }
}

/// What the office's quality page counts, per form version, language and field.
public enum ForeignerFormCount: String, Sendable, CaseIterable {
    /// A draft started (field "").
    case started
    /// A draft printed or downloaded (field "").
    case printed
    /// A field the rules refused once in a draft (counted once per draft).
    case wrong
    /// The field a draft stopped at when it expired unprinted.
    case abandoned
}

public struct ForeignerDraftStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "form", "version", "language", "content", "account_id", "step", "printed_at", "created_at", "updated_at", "expires_at"]

    public enum StoreError: Error, Equatable { case codeTaken }

    /// `codeIndex` is written; the code must be free under every index in `taken` too (the
    /// previous data key's, while it is replaced).
    public func create(_ d: ForeignerDraft, tokenHash: String, codeIndex: String, taken: [String] = []) async throws {
        guard try await sql.select().column("id").from("foreigner_drafts").where("code_index", .in, SQLBind.group([codeIndex] + taken)).first() == nil else {
            throw StoreError.codeTaken
        }
        try await sql.insert(into: "foreigner_drafts").columns(Self.columns + ["token_hash", "code_index"])
            .values([SQLBind(d.id), SQLBind(d.form), SQLBind(d.version), SQLBind(d.language), SQLBind(d.content), SQLBind(d.accountID),
                     SQLBind(d.step), SQLBind(d.printedAt), SQLBind(d.createdAt), SQLBind(d.updatedAt), SQLBind(d.expiresAt),
                     SQLBind(tokenHash), SQLBind(codeIndex)])
            .run()
    }

    /// A draft not yet expired, by the hash of its link or the index of its code.
    public func find(tokenHash: String, now: Date = Date()) async throws -> ForeignerDraft? {
        try await live(now).where("token_hash", .equal, SQLBind(tokenHash)).first().map(Self.draft)
    }

    public func find(codeIndexes: [String], now: Date = Date()) async throws -> ForeignerDraft? {
        try await live(now).where("code_index", .in, SQLBind.group(codeIndexes)).first().map(Self.draft)
    }

    public func find(id: UUID, now: Date = Date()) async throws -> ForeignerDraft? {
        try await live(now).where("id", .equal, SQLBind(id)).first().map(Self.draft)
    }

    public func list(account: UUID) async throws -> [ForeignerDraft] {
        try await sql.select().columns(Self.columns).from("foreigner_drafts").where("account_id", .equal, SQLBind(account))
            .orderBy("updated_at", .descending).all().map(Self.draft)
    }

    func live(_ now: Date) -> SQLSelectBuilder {
        sql.select().columns(Self.columns).from("foreigner_drafts")
            .where { $0.where("expires_at", .is, SQLLiteral.null).orWhere("expires_at", .greaterThan, SQLBind(now)) }
    }

    public func save(_ d: ForeignerDraft) async throws {
        try await sql.update("foreigner_drafts").set("version", to: SQLBind(d.version)).set("language", to: SQLBind(d.language))
            .set("content", to: SQLBind(d.content)).set("step", to: SQLBind(d.step)).set("printed_at", to: SQLBind(d.printedAt))
            .set("updated_at", to: SQLBind(d.updatedAt)).set("expires_at", to: SQLBind(d.expiresAt)).set("account_id", to: SQLBind(d.accountID))
            .where("id", .equal, SQLBind(d.id)).run()
    }

    public func delete(_ id: UUID) async throws {
        try await sql.delete(from: "foreigner_drafts").where("id", .equal, SQLBind(id)).run()
    }

    /// Drafts whose time ran out, oldest first.
    public func expired(before now: Date, limit: Int = 500) async throws -> [ForeignerDraft] {
        try await sql.select().columns(Self.columns).from("foreigner_drafts").where("expires_at", .lessThanOrEqual, SQLBind(now))
            .orderBy("expires_at").limit(limit).all().map(Self.draft)
    }

    static func draft(_ r: any SQLRow) throws -> ForeignerDraft {
        ForeignerDraft(id: try r.decode(column: "id", as: UUID.self), form: try r.decode(column: "form", as: String.self),
                       version: try r.decode(column: "version", as: String.self), language: try r.decode(column: "language", as: String.self),
                       content: try r.decode(column: "content", as: String.self), accountID: try r.decode(column: "account_id", as: UUID?.self),
                       step: try r.decode(column: "step", as: Int.self), printedAt: try r.decode(column: "printed_at", as: Date?.self),
                       createdAt: try r.decode(column: "created_at", as: Date.self), updatedAt: try r.decode(column: "updated_at", as: Date.self),
                       expiresAt: try r.decode(column: "expires_at", as: Date?.self))
    }

    // MARK: counts

    public func count(_ kind: ForeignerFormCount, form: String, version: String, language: String, fields: [String]) async throws {
        for field in fields {
            try await sql.raw("""
                INSERT INTO foreigner_form_counts (form, version, language, field, kind, count)
                VALUES (\(bind: form), \(bind: version), \(bind: language), \(bind: field), \(bind: kind.rawValue), 1)
                ON CONFLICT (form, version, language, field, kind) DO UPDATE SET count = foreigner_form_counts.count + 1
                """).run()
        }
    }

    /// Drafts not yet expired, by "form|version|language".
    public func liveCounts(now: Date = Date()) async throws -> [String: Int] {
        let rows = try await sql.raw("""
            SELECT form, version, language, COUNT(*) AS n FROM foreigner_drafts
            WHERE expires_at IS NULL OR expires_at > \(bind: now) GROUP BY form, version, language
            """).all()
        var out: [String: Int] = [:]
        for r in rows {
            let key = [try r.decode(column: "form", as: String.self), try r.decode(column: "version", as: String.self),
                       try r.decode(column: "language", as: String.self)].joined(separator: "|")
            out[key] = Int(try r.decode(column: "n", as: Int64.self))
        }
        return out
    }

    public struct CountRow: Sendable, Equatable {
        public let form: String, version: String, language: String, field: String, kind: ForeignerFormCount, count: Int
    }

    public func counts() async throws -> [CountRow] {
        try await sql.select().columns("form", "version", "language", "field", "kind", "count").from("foreigner_form_counts").all().compactMap { r in
            guard let kind = ForeignerFormCount(rawValue: try r.decode(column: "kind", as: String.self)) else { return nil }
            return CountRow(form: try r.decode(column: "form", as: String.self), version: try r.decode(column: "version", as: String.self),
                            language: try r.decode(column: "language", as: String.self), field: try r.decode(column: "field", as: String.self),
                            kind: kind, count: Int(try r.decode(column: "count", as: Int64.self)))
        }
    }
}
