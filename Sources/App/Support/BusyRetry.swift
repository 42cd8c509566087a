import Fluent
import FluentSQLiteDriver

extension Database {
    /// SQLite's ways of saying another connection holds the write lock (in WAL mode: the snapshot
    /// this transaction read is no longer the latest).
    static var busyReasons: Set<SQLiteError.Reason> { [.busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout] }

    /// A transaction tried again when SQLite refuses it because another connection is writing
    /// (SQLITE_BUSY: two transactions that both read and then want to write cannot wait for each
    /// other, so SQLite fails one at once). The failed attempt was rolled back whole, so trying
    /// again is safe; PostgreSQL never gets here.
    func transactionRetryingBusy<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do { return try await transaction(body) } catch let error as SQLiteError where Self.busyReasons.contains(error.reason) && attempt < 20 {
                attempt += 1
                try await Task.sleep(for: .microseconds(Int.random(in: 200...2_000) * attempt))
            }
        }
    }
}
