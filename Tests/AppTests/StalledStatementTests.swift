import Testing
import Foundation
import Vapor
import FluentPostgresDriver
@testable import App
@testable import Storage

/// PostgreSQL: a statement whose answer never comes (the server's end of the connection gone
/// with no word to this end, as at a restart or a network cut) fails within the statement limit,
/// and the pool replaces the connection instead of keeping it leased for ever.
@Suite(.serialized) struct StalledStatementTests {
    static let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A pool of one connection per event loop, through a relay that can be frozen.
    static func relayedPool(_ app: Application, limit: TimeAmount) async throws -> (FreezableRelay, any Database & SQLDatabase) {
        let direct = try SQLPostgresConfiguration(url: try #require(url)).coreConfiguration
        let relay = try await FreezableRelay.start(to: try #require(direct.host), port: try #require(direct.port), group: app.eventLoopGroup)
        var relayed = PostgresConnection.Configuration(host: "127.0.0.1", port: relay.port, username: direct.username,
                                                       password: direct.password, database: direct.database, tls: .disable)
        relayed.options.connectTimeout = .seconds(2)
        let id = DatabaseID(string: "relayed-" + UUID().uuidString.prefix(8))
        app.databases.use(.postgresGuarded(.postgres(configuration: SQLPostgresConfiguration(coreConfiguration: relayed, searchPath: nil),
                                                     maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(3)),
                                           statementLimit: limit, probe: direct), as: id)
        let db = try #require(app.databases.database(id, logger: app.logger, on: app.eventLoopGroup.next()) as? any Database & SQLDatabase)
        return (relay, db)
    }

    static func one(_ db: any SQLDatabase, _ n: Int) async throws -> Int? {
        try await db.raw("SELECT \(literal: n) AS n").first()?.decode(column: "n", as: Int.self)
    }

    @Test(.enabled(if: url != nil, "PostgreSQL only"))
    func aStatementThatIsNeverAnsweredFailsAndItsConnectionIsReplaced() async throws {
        try await withTestApp { app in
            #expect(app.db is StallGuardedDatabase, "the server's statements are watched")
            let (relay, db) = try await Self.relayedPool(app, limit: .seconds(1))
            #expect(try await Self.one(db, 1) == 1)

            relay.frozen.withLockedValue { $0 = true }
            let start = ContinuousClock.now
            // Without the watch this waits for ever; the deadline only keeps the test from hanging.
            let outcome = await Deadline.run(.seconds(8)) { try await Self.one(db, 2) }
            guard case .failed(let error) = outcome else { Issue.record("expected the statement to fail, got \(outcome)"); return }
            #expect(error is StatementStalled, "\(error)")
            #expect(DatabaseOutage.isOutage(error), "answered 503 with Retry-After")
            #expect(ContinuousClock.now - start < .seconds(3))

            // The only connection of this loop's pool was the stalled one: a fresh one takes its place.
            relay.frozen.withLockedValue { $0 = false }
            #expect(try await Self.one(db, 3) == 3)
            await relay.stop()
        }
    }

    /// Time alone cannot tell slow from dead: a statement waiting for a lock longer than the
    /// limit (sixteen writers on one row under CI's load) is still running on the server, and is
    /// left to finish.
    @Test(.enabled(if: url != nil, "PostgreSQL only"))
    func aStatementTheServerIsStillRunningIsNotCut() async throws {
        try await withTestApp { app in
            let (relay, db) = try await Self.relayedPool(app, limit: .milliseconds(500))
            let table = "public.slow_" + UUID().uuidString.prefix(8).lowercased()
            let direct = app.db as! any SQLDatabase
            try await direct.raw("CREATE TABLE \(unsafeRaw: table) (id int PRIMARY KEY, n int)").run()
            try await direct.raw("INSERT INTO \(unsafeRaw: table) VALUES (1, 0)").run()
            let holding = Latch(), release = Latch()
            let holder = Task {
                try await app.db.transaction { tx in
                    try await (tx as! any SQLDatabase).raw("SELECT n FROM \(unsafeRaw: table) WHERE id = 1 FOR UPDATE").run()
                    holding.open()
                    await release.wait()
                }
            }
            await holding.wait()
            let waiter = Task { try await db.raw("UPDATE \(unsafeRaw: table) SET n = n + 1 WHERE id = 1").run() }
            try await Task.sleep(for: .seconds(2))   // four limits
            release.open()
            try await holder.value
            try await waiter.value
            let n = try await direct.raw("SELECT n FROM \(unsafeRaw: table) WHERE id = 1").first()?.decode(column: "n", as: Int.self)
            #expect(n == 1, "the waiting statement ran to its end")
            try await direct.raw("DROP TABLE \(unsafeRaw: table)").run()
            await relay.stop()
        }
    }

    @Test(.enabled(if: url != nil, "PostgreSQL only"))
    func aTransactionWhoseStatementStallsFailsWholeAndThePoolRecovers() async throws {
        try await withTestApp { app in
            let (relay, db) = try await Self.relayedPool(app, limit: .seconds(1))
            let table = "public.stall_" + UUID().uuidString.prefix(8).lowercased()
            try await db.raw("CREATE TABLE \(unsafeRaw: table) (n int)").run()
            let outcome = await Deadline.run(.seconds(8)) {
                try await db.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    return sql.raw("INSERT INTO \(unsafeRaw: table) VALUES (1)").run().flatMap {
                        relay.frozen.withLockedValue { $0 = true }
                        return sql.raw("INSERT INTO \(unsafeRaw: table) VALUES (2)").run()
                    }
                }.get()
            }
            guard case .failed(let error) = outcome else { Issue.record("expected the transaction to fail, got \(outcome)"); return }
            #expect(error is StatementStalled, "\(error)")
            relay.frozen.withLockedValue { $0 = false }
            await relay.stop()
            // The relay still holds the server's end of the dead connection open, as a silent
            // network would: ending that session ends its transaction.
            let direct = app.db as! any SQLDatabase
            try await direct.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port IN (\(unsafeRaw: relay.upstreamPorts.withLockedValue { $0 }.map(String.init).joined(separator: ",")))").run()
            #expect(try await eventually { try await direct.raw("SELECT count(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) == 0 },
                    "nothing of the transaction was written")
            try await direct.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
    }
}
