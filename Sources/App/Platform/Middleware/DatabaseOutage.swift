import Vapor
import FluentPostgresDriver
import FluentSQLiteDriver
import Storage

/// Errors that mean the database cannot be reached right now (restarting, failing over, its
/// connections cut) rather than that the request went wrong: answered 503 with Retry-After, so
/// browsers, apps and the carrier try again instead of showing a server fault.
enum DatabaseOutage {
    /// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart, starting up).
    static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            // clientClosedConnection: the driver closed a connection it found broken, under a query.
            if [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(e.code) { return true }
            guard e.code == .server, let state = e.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || state.hasPrefix("57P")
        case is ConnectionPoolTimeoutError, is StatementStalled: return true
        default: return false
        }
    }

    static let retryAfterSeconds = 5

    /// The database's disk is full (SQLite: SQLITE_FULL; PostgreSQL: 53100 disk_full): nothing
    /// can be written until an operator frees space. Answered 507 with a page that says so; the
    /// transaction was rolled back whole, and SQLite's journal keeps the file intact.
    static func isStorageFull(_ error: any Error) -> Bool {
        switch error {
        case let e as SQLiteError: return e.reason == .full
        case let e as PSQLError: return e.code == .server && e.serverInfo?[.sqlState] == "53100"
        default: return false
        }
    }

    /// What a log line may say of a database error besides its type: the driver's code and the
    /// SQLSTATE (never the message, which can quote values).
    static func logCode(_ error: any Error) -> String? {
        guard let e = error as? PSQLError else { return nil }
        return "\(e.code)" + (e.serverInfo?[.sqlState].map { " " + $0 } ?? "")
    }
}
