import FluentKit
import SQLKit

/// A database that wraps the driver's to change how statements run (`ImmediateSQLiteDatabase`,
/// `StallGuardedDatabase`) and answers everything else as the driver does.
protocol WrappedDatabase: Database, SQLDatabase {
    var base: any Database & SQLDatabase { get }
}

extension WrappedDatabase {
    var context: DatabaseContext { base.context }
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }
}

/// Carries a value the compiler cannot prove sendable across a future that hands it on unchanged.
struct UncheckedBox<T>: @unchecked Sendable { let value: T }
