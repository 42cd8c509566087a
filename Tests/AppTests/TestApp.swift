import Foundation
import Vapor
import VaporTesting
import Fluent
import SQLKit
@testable import App

/// Runs `body` against a fully configured application with migrations and reference data.
/// SQLite in memory by default; PostgreSQL when `TEST_DATABASE_URL` is set, each test in a
/// schema of its own that is dropped afterwards.
/// `sqliteFile` puts SQLite in a file, as in production (for tests of concurrent writers).
/// `adjust` changes the configuration first (e.g. an https `publicURL`).
func withTestApp(sqliteFile: Bool = false, adjust: (inout AppConfig) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zl-\(UUID().uuidString).sqlite")
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) } }
    var config = AppConfig.testing(databaseURL: url ?? (sqliteFile ? "sqlite://" + file.path : nil))
    let schema: String? = url == nil ? nil : "t_" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))
    config.databaseSchema = schema
    adjust(&config)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await configure(app, config, dataKey: Data(base64Encoded: config.dataKeyBase64!)!)
        if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
        try await DatabasePreparation.prepare(app, demo: false)
        try await body(app)
        if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
    } catch {
        if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

extension TestingHTTPResponse {
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) }
}

/// The database this run uses, for test names in the log.
let testDatabaseKind = (ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? "").isEmpty ? "sqlite" : "postgres"
