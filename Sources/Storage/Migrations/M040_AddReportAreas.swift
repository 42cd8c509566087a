import Fluent
import SQLKit
import Reporting

/// The stored sums of each office are added up per voivodeship and for the whole country in
/// rows of their own (`area` 'voivodeship' with the voivodeship's code in `office_id`,
/// 'country' with ''): a national year then reads a few thousand rows instead of the
/// offices' hundreds of thousands. The tables are made again with `area` in their key (SQLite
/// cannot change a unique constraint), the offices' rows copied and the rest added up.
/// Consultants' rows stay with their offices only. They also keep how long those who hung up
/// had waited (`abandoned_wait`), which with the answered contacts' waits gives the callers'
/// patience; rows copied have 0 there until their day is worked out again.
struct M040_AddReportAreas: AsyncMigration {
    static let keyColumns = ["period_start", "area", "office_id", "channel", "dimension", "value"]
    static let timeColumns = M039_CreateReportAggregates.timeColumns + ["abandoned_wait"]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for (table, hours) in M039_CreateReportAggregates.tables {
            try await Self.remake(table, hours: hours, on: db) { schema in
                schema.field("area", .string, .required).field("abandoned_wait", .double, .required, .sql(.default(0)))
                    .unique(on: "period_start", "area", "office_id", "channel", "dimension", "value")
            } copying: { columns, old in "INSERT INTO \(table) (area, \(columns)) SELECT 'office', \(columns) FROM \(old)" }
            try await sql.create(index: "\(table)_area_idx").on(table).column("area").column("dimension").column("office_id").column("period_start").run()
        }
        for grain in ReportGrain.allCases { try await ReportAggregates.rollUp(grain, times: Self.timeColumns, on: sql) }
    }

    func revert(on db: any Database) async throws {
        for (table, hours) in M039_CreateReportAggregates.tables {
            try await Self.remake(table, hours: hours, on: db) { schema in
                schema.unique(on: "period_start", "office_id", "channel", "dimension", "value")
            } copying: { columns, old in "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(old) WHERE area = 'office'" }
            try await (db as! any SQLDatabase).create(index: "\(table)_dimension_idx").on(table).column("dimension").column("period_start").run()
        }
    }

    /// The table renamed, made again with `key`, its rows copied by `copy(columns, old name)`, the old one dropped (and its indexes with it).
    static func remake(_ table: String, hours: Bool, on db: any Database, key: (SchemaBuilder) -> SchemaBuilder,
                       copying copy: (String, String) -> String) async throws {
        let sql = db as! any SQLDatabase, old = table + "_old"
        try await sql.raw("ALTER TABLE \(unsafeRaw: table) RENAME TO \(unsafeRaw: old)").run()
        try await key(M039_CreateReportAggregates.sumTable(table, hours: hours, on: db)).create()
        let columns = (["period_start", "office_id", "channel", "dimension", "value"] + M039_CreateReportAggregates.countColumns
                       + M039_CreateReportAggregates.timeColumns + (hours ? M039_CreateReportAggregates.hourColumns : [])).joined(separator: ", ")
        try await sql.raw(SQLQueryString(copy(columns, old))).run()
        try await sql.raw("DROP TABLE \(unsafeRaw: old)").run()
    }
}
