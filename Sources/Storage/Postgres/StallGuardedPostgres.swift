import FluentKit
import FluentPostgresDriver
import NIOCore
import NIOConcurrencyHelpers
import SQLKit

// A statement in flight when PostgreSQL restarts, fails over or drops off the network can wait
// for an answer that never comes: nothing tells this end that the server's end is gone. The
// driver has no statement timeout, so the pooled connection under it stayed leased for good —
// the request was cut by its deadline, but the pool was one connection short from then on, and
// after a few such restarts every request waited for a connection it could not get. Here every
// statement is watched. One with no answer within the limit is looked up on the server: if its
// session is no longer running it (gone, or idle: the statement never arrived), the connection is
// closed, which fails the statement (a 503 that says try again) and lets the pool put a fresh
// connection in its place. A statement the server is still running — waiting for a lock under
// load, a long report — is left alone and looked at again after another limit: time alone cannot
// tell slow from dead (sixteen writers queueing for one row waited over 30 s under CI's load).
// Schema statements are not watched: building an index on a large table may rightly take long.

extension DatabaseConfigurationFactory {
    /// PostgreSQL whose statements, unanswered for `statementLimit` and no longer running on the
    /// server, close their connection. `probe` reaches the same server outside the pool.
    public static func postgresGuarded(_ inner: DatabaseConfigurationFactory, statementLimit: TimeAmount,
                                       probe: PostgresConnection.Configuration) -> DatabaseConfigurationFactory {
        let inner = inner.make()
        let probe = BackendProbe(configuration: probe)
        return .init { StallGuardedConfiguration(inner: inner, limit: statementLimit, probe: probe) }
    }
}

/// What a statement fails with when PostgreSQL has not answered it within the limit and is not
/// running it.
public struct StatementStalled: Error, CustomStringConvertible {
    public let limit: TimeAmount
    public var description: String { "PostgreSQL did not answer a statement within \(limit.nanoseconds / 1_000_000) ms and is not running it; its connection was closed" }
}

struct StallGuardedConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let limit: TimeAmount
    let probe: BackendProbe
    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        StallGuardedDriver(inner: inner.makeDriver(for: databases), limit: limit, probe: probe)
    }
}

struct StallGuardedDriver: DatabaseDriver {
    let inner: any DatabaseDriver
    let limit: TimeAmount
    let probe: BackendProbe

    func makeDatabase(with context: DatabaseContext) -> any Database {
        StallGuardedDatabase(base: inner.makeDatabase(with: context) as! any Database & SQLDatabase, connection: nil, inTransaction: false,
                             limit: limit, probe: probe)
    }

    func shutdown() { inner.shutdown() }
    func shutdownAsync() async { await inner.shutdownAsync() }
}

/// The driver's database, the pool's or one connection's (`connection` set), with every
/// statement watched.
struct StallGuardedDatabase: WrappedDatabase {
    let base: any Database & SQLDatabase
    let connection: PostgresConnection?
    let inTransaction: Bool
    let limit: TimeAmount
    let probe: BackendProbe

    /// Runs `work` on one connection — this handle's, or one taken from the pool for it — and
    /// closes that connection if `work` has no answer within the limit and the server is not running it.
    func watched<T>(_ work: @escaping @Sendable (StallGuardedDatabase) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if connection != nil { return watch(work) }
        return onOneConnection { $0.watch(work) }
    }

    private func watch<T>(_ work: @escaping @Sendable (StallGuardedDatabase) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let conn = connection!
        return probe.pid(of: conn, bound: base).flatMap { pid in
            StatementWatch<T>(conn: conn, pid: pid, limit: limit, probe: probe, logger: logger).run(work(self))
        }
    }

    /// `body` with this database bound to one pooled connection.
    func onOneConnection<T>(_ body: @escaping @Sendable (StallGuardedDatabase) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let (limit, probe) = (limit, probe)
        return base.withConnection { bound in
            (bound as! any PostgresDatabase).withConnection { conn in
                body(StallGuardedDatabase(base: bound as! any Database & SQLDatabase, connection: conn, inTransaction: false, limit: limit, probe: probe))
            }
        }
    }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        watched { $0.base.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if connection != nil { return closure(self) }
        return onOneConnection { closure($0) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        let run: @Sendable (StallGuardedDatabase) -> EventLoopFuture<UncheckedBox<T>> = { db in
            let tx = StallGuardedDatabase(base: db.base, connection: db.connection, inTransaction: true, limit: db.limit, probe: db.probe)
            return tx.raw("BEGIN").run().flatMap {
                closure(tx).flatMap { result in
                    tx.raw("COMMIT").run().map { UncheckedBox(value: result) }
                }.flatMapError { error in
                    // The error that ended the transaction is the one to report, not the rollback's.
                    tx.raw("ROLLBACK").run().flatMapErrorThrowing { _ in () }.flatMapThrowing { throw error }
                }
            }
        }
        if connection != nil { return run(self).map(\.value) }
        return onOneConnection(run).map(\.value)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        watched { $0.base.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if connection != nil { return try await closure(self) }
        return try await onOneConnection { db in
            db.eventLoop.makeFutureWithTask { UncheckedBox(value: try await closure(db)) }
        }.get().value
    }
}

/// One statement's watch: armed for the limit, and again after each look that found the server
/// still running it (or could not ask: a few times only).
final class StatementWatch<T>: @unchecked Sendable {
    let conn: PostgresConnection
    let pid: Int32?
    let limit: TimeAmount
    let probe: BackendProbe
    let logger: Logger
    let promise: EventLoopPromise<T>
    private struct State { var done = false, stalled = false, unanswered = 0, timer: Scheduled<Void>? }
    private let state = NIOLockedValueBox(State())

    init(conn: PostgresConnection, pid: Int32?, limit: TimeAmount, probe: BackendProbe, logger: Logger) {
        (self.conn, self.pid, self.limit, self.probe, self.logger) = (conn, pid, limit, probe, logger)
        promise = conn.eventLoop.makePromise(of: T.self)
    }

    func run(_ work: EventLoopFuture<T>) -> EventLoopFuture<T> {
        arm()
        work.hop(to: conn.eventLoop).whenComplete { result in
            let stalled = self.state.withLockedValue { s in
                s.done = true
                s.timer?.cancel()
                return s.stalled
            }
            // Closing the connection fails the statement with the driver's own error; the caller is
            // told the reason instead.
            if stalled { self.promise.fail(StatementStalled(limit: self.limit)) } else { self.promise.completeWith(result) }
        }
        return promise.futureResult
    }

    private func arm() {
        let timer = conn.eventLoop.scheduleTask(in: limit) { self.expired() }
        let done = state.withLockedValue { s in
            if !s.done { s.timer = timer }
            return s.done
        }
        if done { timer.cancel() }
    }

    private func expired() {
        guard let pid else { return giveUp() }
        Task {
            let verdict = await probe.verdict(pid, on: conn.eventLoop, logger: logger)
            let (done, unanswered) = state.withLockedValue { s in
                if verdict == .unknown { s.unanswered += 1 } else { s.unanswered = 0 }
                return (s.done, s.unanswered)
            }
            if done { return }
            // The server cannot be asked (down, or out of connections) for five limits running:
            // a statement of a session it may not even have is given up as well.
            if verdict == .notRunning || unanswered >= 5 { giveUp() } else { arm() }
        }
    }

    private func giveUp() {
        let already = state.withLockedValue { s in
            defer { s.stalled = true }
            return s.done || s.stalled
        }
        guard !already else { return }
        logger.error("PostgreSQL did not answer a statement in time and is not running it; closing its connection",
                     metadata: ["limit_ms": "\(limit.nanoseconds / 1_000_000)"])
        // The pool replaces a connection it gets back closed; give it back once the close has
        // taken, or in a second if even closing hangs (a later statement on it would fail fast).
        let limit = limit, promise = promise
        let fallback = conn.eventLoop.scheduleTask(in: .seconds(1)) { promise.fail(StatementStalled(limit: limit)) }
        conn.close().whenComplete { _ in
            fallback.cancel()
            promise.fail(StatementStalled(limit: limit))
        }
    }
}
