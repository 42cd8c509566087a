import FluentKit
import FluentSQLiteDriver
import NIOCore
import NIOConcurrencyHelpers
import SQLKit

// Fluent's SQLite driver opens every transaction with a deferred BEGIN: the transaction reads
// first and asks for the write lock at its first write. When two connections do that at once,
// neither can wait for the other, and SQLite fails one of them at once with SQLITE_BUSY (its
// busy handler cannot help: waiting would deadlock). That is what answered concurrent form
// posts with 500. Here every write — a transaction, or a writing statement outside one — first
// takes the database's write gate, an in-process lock, before it takes a connection; then it
// begins IMMEDIATE, which no other writer of this process can be holding. Writers queue without
// holding a connection, so a transaction that reads through another event loop's connection
// still gets it. Reads never wait (write-ahead log). PostgreSQL is untouched.

extension DatabaseConfigurationFactory {
    /// SQLite whose transactions take the write lock when they begin.
    public static func sqliteImmediate(_ configuration: SQLiteConfiguration) -> DatabaseConfigurationFactory {
        let inner = DatabaseConfigurationFactory.sqlite(configuration).make()
        return .init { ImmediateSQLiteConfiguration(inner: inner) }
    }
}

struct ImmediateSQLiteConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        ImmediateSQLiteDriver(inner: inner.makeDriver(for: databases), gate: SQLiteWriteGate())
    }
}

struct ImmediateSQLiteDriver: DatabaseDriver {
    let inner: any DatabaseDriver
    let gate: SQLiteWriteGate

    func makeDatabase(with context: DatabaseContext) -> any Database {
        ImmediateSQLiteDatabase(base: inner.makeDatabase(with: context) as! any Database & SQLDatabase, inTransaction: false, gate: gate)
    }

    func shutdown() { inner.shutdown() }
    func shutdownAsync() async { await inner.shutdownAsync() }
}

/// The driver's database with its writes behind the gate and its transactions begun IMMEDIATE;
/// reads pass straight through.
struct ImmediateSQLiteDatabase: WrappedDatabase {
    let base: any Database & SQLDatabase
    let inTransaction: Bool
    let gate: SQLiteWriteGate

    func bound(_ db: any Database, inTransaction: Bool) -> ImmediateSQLiteDatabase {
        ImmediateSQLiteDatabase(base: db as! any Database & SQLDatabase, inTransaction: inTransaction, gate: gate)
    }

    /// A write outside a transaction waits for the gate like a transaction does.
    func gated(_ write: @escaping @Sendable () -> EventLoopFuture<Void>) -> EventLoopFuture<Void> {
        if inTransaction { return write() }
        return eventLoop.makeFutureWithTask { try await gate.run { try await write().get() } }
    }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        if case .read = query.action { return base.execute(query: query, onOutput: onOutput) }
        if case .aggregate = query.action { return base.execute(query: query, onOutput: onOutput) }
        return gated { base.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { gated { base.execute(schema: schema) } }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { gated { base.execute(enum: `enum`) } }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let inTransaction = inTransaction
        return base.withConnection { conn in closure(self.bound(conn, inTransaction: inTransaction)) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        let run: @Sendable () -> EventLoopFuture<UncheckedBox<T>> = {
            base.withConnection { conn in
                let tx = self.bound(conn, inTransaction: true)
                return SQLiteBusy.retrying(on: tx.eventLoop) { tx.raw("BEGIN IMMEDIATE TRANSACTION").run() }.flatMap {
                    closure(tx).flatMap { result in
                        SQLiteBusy.retrying(on: tx.eventLoop) { tx.raw("COMMIT TRANSACTION").run() }.map { UncheckedBox(value: result) }
                    }.flatMapError { error in
                        tx.raw("ROLLBACK TRANSACTION").run().flatMapErrorThrowing { _ in () }.flatMapThrowing { throw error }
                    }
                }
            }
        }
        return eventLoop.makeFutureWithTask { try await gate.run { try await run().get() } }.map(\.value)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        guard !inTransaction, writes(query) else { return base.execute(sql: query, onRow) }
        return gated { base.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard !inTransaction, writes(query) else { return try await base.execute(sql: query, onRow) }
        try await gate.run { try await base.execute(sql: query, onRow) }
    }

    /// Whether a statement may write: anything but SELECT, WITH … SELECT, EXPLAIN and read-only PRAGMAs.
    func writes(_ query: any SQLExpression) -> Bool {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let head = serializer.sql.drop { $0 == " " || $0 == "\n" || $0 == "(" }.prefix(8).uppercased()
        return !(head.hasPrefix("SELECT") || head.hasPrefix("EXPLAIN") || head.hasPrefix("VALUES")
                 || head.hasPrefix("PRAGMA") && !serializer.sql.contains("="))
    }
}

/// One writer at a time per SQLite database in this process. Re-entrant within a task: a write
/// made while the task already holds the gate (a repository called inside a transaction on
/// another handle) goes ahead instead of waiting for itself.
final class SQLiteWriteGate: Sendable {
    @TaskLocal static var held: Set<ObjectIdentifier> = []
    private let state = NIOLockedValueBox<(locked: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let me = ObjectIdentifier(self)
        if Self.held.contains(me) { return try await body() }
        await acquire()
        defer { release() }
        return try await Self.$held.withValue(Self.held.union([me])) { try await body() }
    }

    private func acquire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLockedValue { s -> Bool in
                if !s.locked { s.locked = true; return true }
                s.waiters.append(c); return false
            }
            if resumeNow { c.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { s -> CheckedContinuation<Void, Never>? in
            if s.waiters.isEmpty { s.locked = false; return nil }
            return s.waiters.removeFirst()
        }
        next?.resume()
    }
}

/// SQLite's answers that mean "another connection holds the lock, try again": BEGIN IMMEDIATE
/// waits through the busy handler, but a shared-cache (in-memory) database reports a table lock
/// at once as SQLITE_LOCKED.
enum SQLiteBusy {
    static let reasons: Set<SQLiteError.Reason> = [.busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout, .lockedBySharedCache]

    static func retrying(on loop: any EventLoop, attempt: Int = 0, _ step: @escaping @Sendable () -> EventLoopFuture<Void>) -> EventLoopFuture<Void> {
        step().flatMapError { error in
            guard let e = error as? SQLiteError, reasons.contains(e.reason), attempt < 200 else { return loop.makeFailedFuture(error) }
            let pause = TimeAmount.microseconds(Int64.random(in: 100...1_000) * Int64(min(attempt + 1, 20)))
            return loop.scheduleTask(in: pause) {}.futureResult.flatMap { retrying(on: loop, attempt: attempt + 1, step) }
        }
    }
}
