import Foundation
import Logging
import NIOCore
import NIOPosix
import FluentKit
import FluentPostgresDriver
import SQLKit
@testable import Storage

/// Runs `body` against the repositories' database without the application: SQLite in memory
/// (through the same IMMEDIATE-transaction driver as production), or PostgreSQL when
/// `TEST_DATABASE_URL` is set, in a schema of its own that is dropped afterwards. Every
/// migration has run; `reference` loads the bundled offices, powiats and postal codes too.
func withTestDatabase(reference: Bool = false, _ body: (any Database) async throws -> Void) async throws {
    let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    var logger = Logger(label: "storage-tests")
    logger.logLevel = .warning
    let group = MultiThreadedEventLoopGroup.singleton
    let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
    var schema: String? = nil
    if let url {
        let name = "s_" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))
        var pg = try SQLPostgresConfiguration(url: url)
        pg.searchPath = [name]
        databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 2), as: .psql)
        schema = name
    } else {
        databases.use(.sqliteImmediate(.memory), as: .sqlite)
    }
    let db = databases.database(logger: logger, on: group.any())!
    do {
        if let schema { try await (db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
        let migrations = Migrations()
        migrations.add(StorageMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        if reference { _ = try await ReferenceDataLoader(db: db).loadBundled() }
        try await body(db)
        if let schema { try await (db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
    } catch {
        if let schema { try? await (db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        await databases.shutdownAsync()
        throw error
    }
    await databases.shutdownAsync()
}
