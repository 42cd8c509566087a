import Vapor
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
            app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: config.databasePoolSize,
                                        connectionPoolTimeout: .seconds(10)), as: .psql)
        case .sqlite:
            if let url = config.databaseURL, url == "sqlite::memory:" {
                app.databases.use(.sqlite(.memory), as: .sqlite)
            } else {
                let path: String
                if let url = config.databaseURL {
                    path = url.replacingOccurrences(of: "sqlite://", with: "").replacingOccurrences(of: "sqlite:", with: "")
                } else {
                    try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
                    path = config.dataDirectory.appendingPathComponent("zielona.sqlite").path
                }
                app.databases.use(.sqlite(.file(path)), as: .sqlite)
            }
        }
    }

    /// The URL with its password hidden, for log lines and error messages.
    static func redacted(_ url: String?) -> String {
        guard let url, var comps = URLComponents(string: url) else { return url ?? "sqlite (data directory)" }
        if comps.password != nil { comps.password = "***" }
        return comps.string ?? "postgres"
    }
}
