import Vapor
import SQLKit
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver

/// Chooses SQLite (embedded, the default) or PostgreSQL from `DATABASE_URL`.
enum DatabaseSetup {
    enum Kind: String { case sqlite, postgres }

    static func kind(of url: String?) -> Kind {
        guard let url else { return .sqlite }
        return url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") ? .postgres : .sqlite
    }

    static func configure(_ app: Application, _ config: AppConfig) throws {
        switch kind(of: config.databaseURL) {
        case .postgres:
            var pg = try SQLPostgresConfiguration(url: config.databaseURL!)
            if let schema = config.databaseSchema { pg.searchPath = [schema] }
            let pool = DatabaseConfigurationFactory.postgres(configuration: pg, maxConnectionsPerEventLoop: config.databasePoolSize,
                                                             connectionPoolTimeout: .seconds(10))
            // Only the server's statements are limited: a command (an import, a key rotation) may
            // rightly run one for long, and has nobody waiting on its pool.
            if StartupPlan.commandPreparesDatabase(app.environment.arguments) {
                let limit = TimeAmount.milliseconds(Int64(config.databaseStatementTimeoutSeconds * 1_000))
                app.databases.use(.postgresGuarded(pool, statementLimit: limit, probe: pg.coreConfiguration), as: .psql)
            } else {
                app.databases.use(pool, as: .psql)
            }
        case .sqlite:
            if let path = sqlitePath(config) {
                if config.databaseURL == nil { try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true) }
                app.databases.use(.sqliteImmediate(.file(path)), as: .sqlite)
            } else {
                app.databases.use(.sqliteImmediate(.memory), as: .sqlite)
            }
        }
    }

    /// The SQLite file: `DATABASE_URL=sqlite:PATH`, or `zielona.sqlite` in the data directory;
    /// nil for `sqlite::memory:`.
    static func sqlitePath(_ config: AppConfig) -> String? {
        guard let url = config.databaseURL else { return config.dataDirectory.appendingPathComponent("zielona.sqlite").path }
        guard url != "sqlite::memory:" else { return nil }
        return url.replacingOccurrences(of: "sqlite://", with: "").replacingOccurrences(of: "sqlite:", with: "")
    }

    /// SQLite reads pages through the system call layer and keeps only 2 000 of them by
    /// default; a text search over a common word touches thousands of rows. Memory-mapped
    /// reads and a 32 MB page cache per connection cut that time by about a sixth. Set on the
    /// connection of every event loop (the driver keeps one per loop and no per-connection hook).
    static func tuneSQLiteConnections(_ app: Application) async throws {
        guard kind(of: app.services.config.databaseURL) == .sqlite else { return }
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            // Write-ahead log: readers never wait for the writer, and a commit appends to the log
            // without syncing the disk each time (synchronous=NORMAL stays consistent after a crash;
            // production runs on PostgreSQL). Contact-centre webhooks write on every step.
            try await db.raw("PRAGMA journal_mode = WAL").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
            try await db.raw("PRAGMA mmap_size = 268435456").run()
            try await db.raw("PRAGMA cache_size = -32768").run()
        }
    }

    /// The URL with its password hidden, for log lines and error messages.
    static func redacted(_ url: String?) -> String {
        guard let url, var comps = URLComponents(string: url) else { return url ?? "sqlite (data directory)" }
        if comps.password != nil { comps.password = "***" }
        return comps.string ?? "postgres"
    }
}
