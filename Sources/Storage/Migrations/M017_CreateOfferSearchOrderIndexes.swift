import Fluent
import SQLKit

/// Indexes for the remaining orders and counts of the offer search: by wage (walked in order
/// instead of sorting every live offer) and, on PostgreSQL, the filter columns carried in the
/// live index so a count without text is an index-only scan.
struct M017_CreateOfferSearchOrderIndexes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let table = SearchIndex.offers.table
        try await sql.raw("CREATE INDEX offer_search_wage_idx ON \(ident: table) (status, (COALESCE(wage, 0)), published_at, seq)").run()
        if SearchIndex.dialect(db) == .postgres {
            try await sql.raw("""
                CREATE INDEX offer_search_filter_idx ON \(ident: table) (status, valid_until) INCLUDE \
                (voivodeship_code, powiat_code, occupation_code, contract, working_time, wage, verified, abroad, published_at)
                """).run()
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS offer_search_filter_idx").run()
        try await sql.raw("DROP INDEX IF EXISTS offer_search_wage_idx").run()
    }
}
