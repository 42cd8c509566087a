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
// statement is watched: one with no answer within the limit has its connection closed, which
// fails it (a 503 that says try again) and lets the pool put a fresh connection in its place.
// Schema statements are not watched: building an index on a large table may rightly take long.

extension DatabaseConfigurationFactory {
    /// PostgreSQL whose statements close their connection when unanswered for `statementLimit`.
    public static func postgresGuarded(_ inner: DatabaseConfigurationFactory, statementLimit: TimeAmount) -> DatabaseConfigurationFactory {
        let inner = inner.make()
        return .init { StallGuardedConfiguration(inner: inner, limit: statementLimit) }
    }
}

/// What a statement fails with when PostgreSQL has not answered it within the limit.
public struct StatementStalled: Error, CustomStringConvertible {
    public let limit: TimeAmount
    public var description: String { "PostgreSQL did not answer a statement within \(limit.nanoseconds / 1_000_000) ms; its connection was closed" }
}

struct StallGuardedConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let limit: TimeAmount
    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        StallGuardedDriver(inner: inner.makeDriver(for: databases), limit: limit)
    }
}

struct StallGuardedDriver: DatabaseDriver {
    let inner: any DatabaseDriver
    let limit: TimeAmount

    func makeDatabase(with context: DatabaseContext) -> any Database {
        StallGuardedDatabase(base: inner.makeDatabase(with: context) as! any Database & SQLDatabase, connection: nil, inTransaction: false, limit: limit)
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

    /// Runs `work` on one connection — this handle's, or one taken from the pool for it — and
    /// closes that connection if `work` has not finished within the limit.
    func watched<T>(_ work: @escaping @Sendable (StallGuardedDatabase) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if let connection { return Self.watch(work(self), on: connection, limit: limit, logger: logger) }
        return onOneConnection { db in Self.watch(work(db), on: db.connection!, limit: db.limit, logger: db.logger) }
    }

    /// `body` with this database bound to one pooled connection.
    func onOneConnection<T>(_ body: @escaping @Sendable (StallGuardedDatabase) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let limit = limit
        return base.withConnection { bound in
            (bound as! any PostgresDatabase).withConnection { conn in
                body(StallGuardedDatabase(base: bound as! any Database & SQLDatabase, connection: conn, inTransaction: false, limit: limit))
            }
        }
    }

    static func watch<T>(_ work: EventLoopFuture<T>, on conn: PostgresConnection, limit: TimeAmount, logger: Logger) -> EventLoopFuture<T> {
        let loop = conn.eventLoop
        let promise = loop.makePromise(of: T.self)
        // Closing the connection fails the statement with the driver's own error; the caller is
        // told the reason instead.
        let stalled = NIOLockedValueBox(false)
        let timer = loop.scheduleTask(in: limit) {
            stalled.withLockedValue { $0 = true }
            logger.error("PostgreSQL did not answer a statement in time; closing its connection", metadata: ["limit_ms": "\(limit.nanoseconds / 1_000_000)"])
            // The pool replaces a connection it gets back closed; give it back once the close has
            // taken, or in a second if even closing hangs (a later statement on it would fail fast).
            let giveUp = loop.scheduleTask(in: .seconds(1)) { promise.fail(StatementStalled(limit: limit)) }
            conn.close().whenComplete { _ in
                giveUp.cancel()
                promise.fail(StatementStalled(limit: limit))
            }
        }
        work.hop(to: loop).whenComplete { result in
            timer.cancel()
            if stalled.withLockedValue({ $0 }) { promise.fail(StatementStalled(limit: limit)) } else { promise.completeWith(result) }
        }
        return promise.futureResult
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
            let tx = StallGuardedDatabase(base: db.base, connection: db.connection, inTransaction: true, limit: db.limit)
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
