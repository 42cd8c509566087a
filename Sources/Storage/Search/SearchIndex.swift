import Fluent
import SQLKit
import Foundation
import TextSearch

/// A full-text index over one kind of document (offers, trainings, articles), holding the
/// tokens `TextSearch.Analyzer` made: `<name>_search(seq, doc_id, title, body)`, indexed by an
/// FTS5 table on SQLite and by a weighted tsvector with a GIN index on PostgreSQL. Both get
/// the same tokens, so both find the same documents.
public struct SearchIndex: Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }

    var table: String { name + "_search" }
    var fts: String { name + "_search_fts" }

    enum Dialect { case sqlite, postgres }

    static func dialect(_ db: any Database) -> Dialect {
        (db as! any SQLDatabase).dialect.name == "postgresql" ? .postgres : .sqlite
    }

    /// Creates the table and its index for this database (called from a migration).
    func create(on db: any Database) async throws {
        try await db.schema(table)
            .field("seq", .int64, .identifier(auto: true))
            .field("doc_id", .uuid, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .unique(on: "doc_id")
            .create()
        let sql = db as! any SQLDatabase
        switch Self.dialect(db) {
        case .postgres:
            try await sql.raw("""
                ALTER TABLE \(ident: table) ADD COLUMN vector tsvector GENERATED ALWAYS AS
                (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED
                """).run()
            try await sql.raw("CREATE INDEX \(ident: table + "_vector_idx") ON \(ident: table) USING GIN (vector)").run()
        case .sqlite:
            // External-content FTS5 over the token table, kept in step by triggers. The tokens
            // are already folded and stemmed: unicode61 only splits them on spaces.
            try await sql.raw("""
                CREATE VIRTUAL TABLE \(ident: fts) USING fts5(title, body, content='\(unsafeRaw: table)', content_rowid='seq',
                tokenize='unicode61 remove_diacritics 0', prefix='2 3')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: table + "_ai") AFTER INSERT ON \(ident: table) BEGIN
                INSERT INTO \(ident: fts)(rowid, title, body) VALUES (new.seq, new.title, new.body); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: table + "_ad") AFTER DELETE ON \(ident: table) BEGIN
                INSERT INTO \(ident: fts)(\(ident: fts), rowid, title, body) VALUES ('delete', old.seq, old.title, old.body); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(ident: table + "_au") AFTER UPDATE ON \(ident: table) BEGIN
                INSERT INTO \(ident: fts)(\(ident: fts), rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
                INSERT INTO \(ident: fts)(rowid, title, body) VALUES (new.seq, new.title, new.body); END
                """).run()
        }
    }

    func drop(on db: any Database) async throws {
        if Self.dialect(db) == .sqlite { try await (db as! any SQLDatabase).raw("DROP TABLE IF EXISTS \(ident: fts)").run() }
        try await db.schema(table).delete()
    }

    /// Puts a document's tokens in the index (or replaces them).
    public func put(_ id: UUID, title: String, body: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let existing = try await sql.select().columns("title", "body").from(table).where("doc_id", .equal, SQLBind(id)).first()
        if let existing {
            guard (try? existing.decode(column: "title", as: String.self)) != title
                    || (try? existing.decode(column: "body", as: String.self)) != body else { return }
            // Written anew rather than in place, so the sequence follows the last change: a
            // search can then take its newest matches first without sorting all of them.
            try await sql.delete(from: table).where("doc_id", .equal, SQLBind(id)).run()
            try await sql.insert(into: table).columns("doc_id", "title", "body").values(SQLBind(id), SQLBind(title), SQLBind(body)).run()
        } else {
            try await sql.insert(into: table).columns("doc_id", "title", "body").values(SQLBind(id), SQLBind(title), SQLBind(body)).run()
        }
    }

    public func remove(_ id: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).delete(from: table).where("doc_id", .equal, SQLBind(id)).run()
    }

    /// How a query over `<name>_search s` narrows to the documents matching `query` and ranks
    /// them: 1 when every word is in the title, else 0 (callers break ties by date, so the
    /// order is "title matches first, newest first", the same on both databases).
    /// SQLite: the FTS5 table is searched once into a materialised CTE joined by rowid, the
    /// title column once more for the rank. PostgreSQL: a condition on the GIN-indexed vector
    /// of the same rows (a self-join there would scan the whole table), the rank from the
    /// small title-only vector kept in the row.
    /// `newest` (SQLite): only the matches written last, this many — FTS5 reads its lists
    /// from the newest end. PostgreSQL has no such order in GIN; callers order by `s.seq`.
    func textMatch(_ query: SearchQuery, db: any Database, newest: Int? = nil) -> (with: SQLQueryString, from: SQLQueryString, condition: SQLQueryString?, rank: SQLQueryString) {
        let window: SQLQueryString = newest.map { " ORDER BY seq DESC LIMIT \(unsafeRaw: String($0))" } ?? ""
        switch Self.dialect(db) {
        case .postgres:
            return ("", "FROM \(ident: table) s ", "s.vector @@ to_tsquery('simple', \(bind: query.tsquery))", "(s.title_vector @@ to_tsquery('simple', \(bind: query.tsquery)))::int")
        case .sqlite:
            let with: SQLQueryString = "WITH m AS MATERIALIZED (SELECT rowid AS seq FROM \(ident: fts) WHERE \(ident: fts) MATCH \(bind: query.fts5)" + window + """
                ), t AS MATERIALIZED (SELECT rowid AS seq FROM \(ident: fts) WHERE \(ident: fts) MATCH \(bind: "title : (" + query.fts5 + ")")) 
                """
            return (with, "FROM m JOIN \(ident: table) s ON s.seq = m.seq ", nil, "(s.seq IN (SELECT seq FROM t))")
        }
    }
}
