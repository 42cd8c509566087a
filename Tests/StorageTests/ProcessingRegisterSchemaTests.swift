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

/// Accounts opened before the consent ledger get their account consent recorded from when they
/// were opened (version 0, 'migrated'), so every account's ground is in the ledger.
@Suite struct ConsentLedgerMigrationTests {
    @Test func accountsOpenedBeforeTheLedgerGetTheirConsentFromTheirOpening() async throws {
        try await withTestDatabase { db in
            let opened = Date(timeIntervalSince1970: 1_700_000_000)
            // Back to before the ledger as the migrator would go: later migrations first (M047's
            // indexes name the objection columns M041 adds).
            try await M047_AddMatching().revert(on: db)
            try await M041_CreateConsents().revert(on: db)
            let sql = db as! any SQLDatabase
            let seeker = UUID(), staff = UUID()
            for (id, kind) in [(seeker, "seeker"), (staff, "staff")] {
                try await sql.insert(into: "accounts").columns("id", "kind", "email", "password_hash", "language", "created_at", "updated_at", "session_epoch")
                    .values(SQLBind(id), SQLBind(kind), SQLBind("\(kind)@example.org"), SQLBind("x"), SQLBind("pl"), SQLBind(opened), SQLBind(opened), SQLBind(0))
                    .run()
            }
            try await M041_CreateConsents().prepare(on: db)
            try await M047_AddMatching().prepare(on: db)
            let ledger = ConsentLedger(db: db)
            let consents = try await ledger.list(.account(seeker))
            #expect(consents.count == 1 && consents[0].kind == .accountServices && consents[0].version == 0)
            #expect(consents[0].channel == .migrated && consents[0].givenAt == opened && consents[0].isActive)
            #expect(try await ledger.list(.account(staff)).isEmpty, "staff accounts rest on employment, not consent")
        }
    }
}
