import Testing
import Foundation
import SQLKit
import Privacy
@testable import Storage

/// The register of processing and the database agree, on both databases: every table the
/// migrations make is a purpose's or named as free of personal data, so a new table cannot
/// escape the policy, the retention and the export; and every table the register names exists.
@Suite struct ProcessingRegisterSchemaTests {
    @Test func everyTableHasAPurposeOrHoldsNoPersonalData() async throws {
        try await withTestDatabase { db in
            let sql = db as! any SQLDatabase
            let tables: [String]
            if SearchIndex.dialect(db) == .postgres {
                tables = try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            } else {
                tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(tables.count > 50)
            let unaccounted = tables.filter { !ProcessingRegister.accounts(for: $0) }.sorted()
            #expect(unaccounted.isEmpty, "tables without a purpose in the register: \(unaccounted)")
            let named = ProcessingRegister.purposes.flatMap(\.tables) + ProcessingRegister.tablesWithoutPersonalData
            let missing = named.filter { !tables.contains($0) }.sorted()
            #expect(missing.isEmpty, "the register names tables that do not exist: \(missing)")
            // A table is one purpose's, never two (its retention would be ambiguous).
            let owned = ProcessingRegister.purposes.flatMap(\.tables)
            #expect(Set(owned).count == owned.count && Set(owned).isDisjoint(with: ProcessingRegister.tablesWithoutPersonalData))
        }
    }
}
