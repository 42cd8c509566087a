import FluentKit
import FluentSQLiteDriver
import NIOCore
import SQLKit

// Fluent's SQLite driver opens every transaction with a deferred BEGIN: the transaction reads
// first and asks for the write lock at its first write. When two connections do that at once,
// neither can wait for the other, and SQLite fails one of them at once with SQLITE_BUSY (its
// busy handler cannot help: waiting would deadlock). That is what answered concurrent form
// posts with 500. Every transaction here begins IMMEDIATE instead — it takes the write lock
// first, waiting for the current writer through the busy handler — so writers queue instead of
// failing, for every repository and route at once. Statements outside a transaction already
// wait through the busy handler. PostgreSQL is untouched.

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
        ImmediateSQLiteDriver(inner: inner.makeDriver(for: databases))
    }
}

struct ImmediateSQLiteDriver: DatabaseDriver {
    let inner: any DatabaseDriver

    func makeDatabase(with context: DatabaseContext) -> any Database {
        ImmediateSQLiteDatabase(base: inner.makeDatabase(with: context) as! any Database & SQLDatabase, inTransaction: false)
    }

    func shutdown() { inner.shutdown() }
    func shutdownAsync() async { await inner.shutdownAsync() }
}

/// The driver's database with its transactions begun IMMEDIATE; everything else passes through.
struct ImmediateSQLiteDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
    let inTransaction: Bool

    var context: DatabaseContext { base.context }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let inTransaction = inTransaction
        return base.withConnection { conn in
            closure(ImmediateSQLiteDatabase(base: conn as! any Database & SQLDatabase, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        return base.withConnection { conn in
            let tx = ImmediateSQLiteDatabase(base: conn as! any Database & SQLDatabase, inTransaction: true)
            return SQLiteBusy.retrying(on: tx.eventLoop) { tx.raw("BEGIN IMMEDIATE TRANSACTION").run() }.flatMap {
                closure(tx).flatMap { result in
                    SQLiteBusy.retrying(on: tx.eventLoop) { tx.raw("COMMIT TRANSACTION").run() }.map { result }
                }.flatMapError { error in
                    tx.raw("ROLLBACK TRANSACTION").run().flatMapErrorThrowing { _ in () }.flatMapThrowing { throw error }
                }
            }
        }
    }

    // SQLDatabase
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
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
