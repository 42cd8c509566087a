import Fluent
import SQLKit

/// On PostgreSQL, each search table also keeps a vector of the title alone: the rank ("every
/// word in the title") is read from it, small and in the row. The document vector then needs
/// neither positions nor weights (nothing ranks by them any more), and without them rows are
/// a third smaller, so a broad word's thousands of matches are read from fewer pages.
/// SQLite's FTS5 table already searches the title column on its own.
struct M022_AddTitleVectors: AsyncMigration {
    static let indexes: [SearchIndex] = [.offers, .cvs, .events]

    func prepare(on db: any Database) async throws {
        guard SearchIndex.dialect(db) == .postgres else { return }
        let sql = db as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw("ALTER TABLE \(ident: index.table) DROP COLUMN vector").run()
            try await sql.raw("""
                ALTER TABLE \(ident: index.table) ADD COLUMN vector tsvector GENERATED ALWAYS AS \
                (strip(to_tsvector('simple', title || ' ' || body))) STORED, \
                ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED
                """).run()
            try await sql.raw("CREATE INDEX \(ident: index.table + "_vector_idx") ON \(ident: index.table) USING GIN (vector)").run()
        }
    }

    func revert(on db: any Database) async throws {
        guard SearchIndex.dialect(db) == .postgres else { return }
        let sql = db as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw("ALTER TABLE \(ident: index.table) DROP COLUMN title_vector, DROP COLUMN vector").run()
            try await sql.raw("""
                ALTER TABLE \(ident: index.table) ADD COLUMN vector tsvector GENERATED ALWAYS AS
                (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED
                """).run()
            try await sql.raw("CREATE INDEX \(ident: index.table + "_vector_idx") ON \(ident: index.table) USING GIN (vector)").run()
        }
    }
}
