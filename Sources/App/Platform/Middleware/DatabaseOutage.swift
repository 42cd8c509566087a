import Vapor
import FluentPostgresDriver

/// Errors that mean the database cannot be reached right now (restarting, failing over, its
/// connections cut) rather than that the request went wrong: answered 503 with Retry-After, so
/// browsers, apps and the carrier try again instead of showing a server fault.
enum DatabaseOutage {
    /// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart, starting up).
    static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            if [.connectionError, .serverClosedConnection, .uncleanShutdown].contains(e.code) { return true }
            guard e.code == .server, let state = e.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || state.hasPrefix("57P")
        case is ConnectionPoolTimeoutError: return true
        default: return false
        }
    }

    static let retryAfterSeconds = 5
}
