import Fluent
import SQLKit
import Foundation
import TextSearch

/// Candidate search by words on PostgreSQL, newest first, in a time that does not hang on the
/// planner's guess.
///
/// GIN gives a word's matches in no useful order, and the planner estimates words that occur
/// together (`kierowca & samochodu & ciezarowego`) as independent: it guessed 67 matches where
/// a million CVs held 37 543, so it fetched and sorted them all (200–420 ms). The other way —
/// walking the sequence backwards, checking each row — is as slow when it guesses the other
/// way round. So the two ways are taken here by what they cost, not by its guess:
/// 1. the newest `newestRows` rows are walked backwards and checked (a fixed, small cost);
///    words common enough to matter fill the page and the count there;
/// 2. only words rarer than that in the newest rows go to the index — and then there are few
///    matches to fetch — with plain index and sequential scans switched off for that one
///    transaction, so the planner cannot walk the whole table for a guess either.
extension CVStore {
    /// Checking a row costs about half a microsecond: this many cost about 10 ms, and a word
    /// found fewer than 20 times in them is rare enough that all its matches are few.
    static let newestRows = 20_000

    func searchCandidatesOnPostgres(words: SearchQuery, filters: [SQLQueryString], page: Int, perPage: Int,
                                    newestRows: Int) async throws -> (total: Int, candidates: [Candidate], more: Bool) {
        let limit = Self.wordCountLimit
        let (perPage, offset) = Self.window(page, perPage)
        let conditions = Self.whereClause(["s.vector @@ to_tsquery('simple', \(bind: words.tsquery))"] + filters)
        let sql = db as! any SQLDatabase, table = SearchIndex.cvs.table
        // A LIMIT inside the subquery keeps it a walk of the newest rows: the planner cannot
        // replace it by the index, and the outer LIMIT stops the walk at the count's end.
        let newest = try await sql.raw("""
            SELECT c.cv_id FROM (SELECT seq, doc_id, vector FROM \(ident: table) ORDER BY seq DESC LIMIT \(unsafeRaw: String(newestRows))) s \
            JOIN cv_candidates c ON c.cv_id = s.doc_id 
            """ + conditions + " ORDER BY s.seq DESC LIMIT \(unsafeRaw: String(limit + 1))").all().map { try $0.decode(column: "cv_id", as: UUID.self) }
        // Paging stops at the count: the page ends at the limit at the latest.
        let end = min(offset + perPage, limit)
        let pageFromNewest = offset < end ? Array(newest[min(offset, newest.count)..<min(end, newest.count)]) : []
        if newest.count > limit { return (limit, try await candidates(pageFromNewest), true) }
        let (counted, ids): (Int, [UUID]) = try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            try await sql.raw("SET LOCAL enable_indexscan = off").run()
            let from: SQLQueryString = "FROM \(ident: table) s JOIN cv_candidates c ON c.cv_id = s.doc_id "
            // Counting stops at the limit: the index finds the matches, the table is read for
            // the first ones only.
            let counted = try await Self.count(sql, "SELECT 1 AS x " + from + conditions, upTo: limit)
            // The newest rows hold the page when they hold its end or every match.
            if offset >= end || newest.count >= min(end, counted) { return (counted, pageFromNewest) }
            let ids = try await sql.raw("SELECT c.cv_id " + from + conditions + " ORDER BY s.seq DESC LIMIT \(unsafeRaw: String(end - offset)) OFFSET \(unsafeRaw: String(offset))")
                .all().map { try $0.decode(column: "cv_id", as: UUID.self) }
            return (counted, ids)
        }
        return (min(counted, limit), try await candidates(ids), counted > limit)
    }
}
