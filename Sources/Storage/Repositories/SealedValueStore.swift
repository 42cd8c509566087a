import Fluent
import SQLKit
import Foundation

/// A column of values sealed under the data key (`v2:<key id>:…`, or `v1:…` from before key
/// ids), with the blind index kept beside it, if any.
public struct SealedColumn: Sendable, Equatable {
    public let table: String
    public let column: String
    public let index: String?
    /// The row's primary key (a UUID).
    public var key = "id"

    public static let clientPESEL = SealedColumn(table: "clients", column: "pesel_ciphertext", index: "pesel_index")
    public static let linkRequestPESEL = SealedColumn(table: "client_link_requests", column: "pesel_ciphertext", index: "pesel_index")
    public static let staffTOTPSecret = SealedColumn(table: "staff_members", column: "totp_secret", index: nil, key: "account_id")
    public static let foreignerDraft = SealedColumn(table: "foreigner_drafts", column: "content", index: "code_index")
    /// Everything the data key seals: what a key rotation must move.
    public static let all: [SealedColumn] = [clientPESEL, linkRequestPESEL, staffTOTPSecret, foreignerDraft]

    public var name: String { table + "." + column }
}

public struct SealedRow: Sendable {
    public let id: UUID
    public let sealed: String
}

/// Reads and replaces sealed values for the key rotation, a batch at a time.
public struct SealedValueStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Rows whose value is not sealed under `prefix` (the current key), in id order after `after`.
    public func rows(_ c: SealedColumn, notUnder prefix: String, after: UUID?, limit: Int) async throws -> [SealedRow] {
        var q = sql.select().column(SQLAlias(SQLIdentifier(c.key), as: SQLIdentifier("id"))).column(c.column).from(c.table)
            .where(SQLIdentifier(c.column), .isNot, SQLLiteral.null)
            .where(SQLIdentifier(c.column), .notLike, SQLBind(prefix + "%"))
        if let after { q = q.where(SQLIdentifier(c.key), .greaterThan, SQLBind(after)) }
        return try await q.orderBy(SQLIdentifier(c.key)).limit(limit).all().map {
            SealedRow(id: try $0.decode(column: "id", as: UUID.self), sealed: try $0.decode(column: c.column, as: String.self))
        }
    }

    /// Replaces one value (and its index) if nobody changed it since it was read; false if they did.
    public func replace(_ c: SealedColumn, id: UUID, old: String, new: String, index: String?) async throws -> Bool {
        var q = sql.update(c.table).set(SQLIdentifier(c.column), to: SQLBind(new))
        if let name = c.index, let index { q = q.set(SQLIdentifier(name), to: SQLBind(index)) }
        let rows = try await q.where(SQLIdentifier(c.key), .equal, SQLBind(id)).where(SQLIdentifier(c.column), .equal, SQLBind(old))
            .returning(SQLColumn(SQLIdentifier(c.key))).all()
        return !rows.isEmpty
    }

    /// How many values each key seals: key id → count ("v1" for values from before key ids).
    public func counts(_ c: SealedColumn) async throws -> [String: Int] {
        let col = SQLIdentifier(c.column)
        let rows = try await sql.raw("""
            SELECT CASE WHEN \(col) LIKE 'v2:%' THEN substr(\(col), 4, 8) ELSE 'v1' END AS k, COUNT(*) AS n
            FROM \(ident: c.table) WHERE \(col) IS NOT NULL GROUP BY 1
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "k", as: String.self), try $0.decode(column: "n", as: Int.self)) })
    }
}
