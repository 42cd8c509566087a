import Fluent
import SQLKit

/// A distance search counts every live offer in a box around the postal code (around Warsaw,
/// tens of thousands): the location index now carries the filter columns, so the count reads
/// the index alone instead of every row.
struct M023_CoverLocationIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let table = SearchIndex.offers.table
        try await sql.raw("DROP INDEX offer_search_location_idx").run()
        switch SearchIndex.dialect(db) {
        case .postgres:
            try await sql.raw("""
                CREATE INDEX offer_search_location_idx ON \(ident: table) (latitude, longitude) INCLUDE \
                (status, valid_until, voivodeship_code, contract, working_time, wage, verified, published_at)
                """).run()
        case .sqlite:
            try await sql.raw("""
                CREATE INDEX offer_search_location_idx ON \(ident: table) \
                (latitude, longitude, status, valid_until, voivodeship_code, contract, working_time, wage, verified, published_at)
                """).run()
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP INDEX offer_search_location_idx").run()
        try await sql.create(index: "offer_search_location_idx").on(SearchIndex.offers.table).column("latitude").column("longitude").run()
    }
}
