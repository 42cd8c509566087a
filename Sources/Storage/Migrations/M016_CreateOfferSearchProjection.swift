import Fluent
import SQLKit

/// What the offer search filters and sorts by, copied next to the offer's tokens: a text query
/// then never touches the wide offers table until its one page of results, and the common
/// orders (newest, by date) walk an index.
struct M016_CreateOfferSearchProjection: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("status", .string), ("valid_until", .datetime), ("published_at", .datetime), ("voivodeship_code", .string),
        ("powiat_code", .string), ("occupation_code", .string), ("contract", .string), ("working_time", .double),
        ("wage", .double), ("verified", .bool), ("abroad", .bool), ("latitude", .double), ("longitude", .double),
    ]

    func prepare(on db: any Database) async throws {
        for (name, type) in Self.columns {
            try await db.schema(SearchIndex.offers.table).field(FieldKey(stringLiteral: name), type).update()
        }
        let sql = db as! any SQLDatabase
        let table = SearchIndex.offers.table
        for (name, columns) in [("offer_search_published_idx", ["status", "published_at"]), ("offer_search_live_idx", ["status", "valid_until"]),
                                ("offer_search_voivodeship_idx", ["voivodeship_code", "status", "published_at"]),
                                ("offer_search_powiat_idx", ["powiat_code", "status"]), ("offer_search_occupation_idx", ["occupation_code", "status"]),
                                ("offer_search_location_idx", ["latitude", "longitude"])] {
            var builder = sql.create(index: name).on(table)
            for c in columns { builder = builder.column(c) }
            try await builder.run()
        }
        try await OfferStore(db: db).reproject(all: true)
    }

    func revert(on db: any Database) async throws {
        for (name, _) in Self.columns.reversed() {
            try await db.schema(SearchIndex.offers.table).deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
