import Vapor
import Fluent
import SQLKit
import FluentSQLiteDriver

/// `zielona backup --out FILE`: a consistent copy of the database while the server runs.
/// SQLite: `VACUUM INTO` (one read transaction, so writers go on and the copy is the moment
/// it began), checked with `integrity_check` before the command says it is done. PostgreSQL:
/// `pg_dump --format=custom`, the password handed over in the environment, never in the
/// process list. The data key is not in the backup: without `ZIELONA_DATA_KEY` (or the
/// development `data-key` file) the PESELs in it stay sealed — keep the key apart from it.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The backup file to write (must not exist).")
        var out: String?
    }

    var help: String { "Back up the database while it runs: backup --out FILE (SQLite: an online copy, checked; PostgreSQL: pg_dump --format=custom)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out, !out.isEmpty else { throw ConsoleCommandError(message: "--out FILE is required") }
        guard !FileManager.default.fileExists(atPath: out) else { throw ConsoleCommandError(message: "\(out) exists; a backup never overwrites a file") }
        let app = context.application
        let config = app.services.config
        switch DatabaseSetup.kind(of: config.databaseURL) {
        case .postgres:
            var args = ["--format=custom", "--no-owner", "--file=" + out]
            if let schema = config.databaseSchema { args.append("--schema=" + schema) }
            try PostgresTool.run("pg_dump", args, url: config.databaseURL!)
        case .sqlite:
            guard DatabaseSetup.sqlitePath(config) != nil else { throw ConsoleCommandError(message: "an in-memory database has nothing to back up") }
            let sql = app.db as! any SQLDatabase
            try await sql.raw("VACUUM INTO \(bind: out)").run()
            try await SQLiteFile.check(out, app: app)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        context.console.print("Backed up to \(out) (\(size / 1024) KiB). Keep ZIELONA_DATA_KEY apart from it: the PESELs in it open only with that key.")
    }
}

/// `zielona restore --from FILE [--replace]`: puts a backup back. Stop the server first.
/// SQLite: the file is checked, then copied next to the database and renamed over it, so a
/// failure halfway leaves the old one; the old one (with its write-ahead log, which may hold
/// its last commits) is kept beside it as `zielona.sqlite.before-restore-<time>`. PostgreSQL:
/// `pg_restore --clean --single-transaction`: all of the backup or nothing. The next start
/// migrates a backup from an older version.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup file made by `zielona backup`.")
        var from: String?
        @Flag(name: "replace", help: "Replace an existing database (SQLite: the old one is kept beside it).")
        var replace: Bool
    }

    var help: String { "Restore a backup made by `zielona backup` (stop the server first): restore --from FILE [--replace]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from, !from.isEmpty else { throw ConsoleCommandError(message: "--from FILE is required") }
        guard FileManager.default.isReadableFile(atPath: from) else { throw ConsoleCommandError(message: "cannot read \(from)") }
        let app = context.application
        let config = app.services.config
        switch DatabaseSetup.kind(of: config.databaseURL) {
        case .postgres:
            let hasTables = try await Self.postgresHasTables(app)
            guard signature.replace || !hasTables else {
                throw ConsoleCommandError(message: "the database already has tables; add --replace to replace them")
            }
            var args = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
            if let schema = config.databaseSchema { args.append("--schema=" + schema) }
            try PostgresTool.run("pg_restore", args + [from], url: config.databaseURL!)
            context.console.print("Restored \(from).")
        case .sqlite:
            guard let target = DatabaseSetup.sqlitePath(config) else { throw ConsoleCommandError(message: "cannot restore into an in-memory database") }
            try await SQLiteFile.check(from, app: app)
            let files = FileManager.default
            let present = files.fileExists(atPath: target)
            guard signature.replace || !present else { throw ConsoleCommandError(message: "\(target) exists; add --replace (the old one is kept beside it)") }
            let incoming = target + ".restoring"
            try? files.removeItem(atPath: incoming)
            try files.copyItem(atPath: from, toPath: incoming)
            var kept = ""
            if present {
                let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
                kept = target + ".before-restore-" + stamp
                for suffix in ["-wal", "-shm", ""] where files.fileExists(atPath: target + suffix) {
                    try files.moveItem(atPath: target + suffix, toPath: kept + suffix)
                }
            }
            try files.moveItem(atPath: incoming, toPath: target)
            context.console.print("Restored \(from) into \(target)." + (kept.isEmpty ? "" : " The old database is kept as \(kept).")
                                  + " Its PESELs open only with the data key of the installation it came from.")
        }
    }

    static func postgresHasTables(_ app: Application) async throws -> Bool {
        try await (app.db as! any SQLDatabase).raw("""
            SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_fluent_migrations'
            """).first()?.decode(column: "n", as: Int.self) ?? 0 > 0
    }
}

/// A SQLite file checked before it is trusted: opened on its own (never through the
/// database it may replace), whole (`integrity_check`) and ours (it has the migrations table).
enum SQLiteFile {
    static func check(_ path: String, app: Application) async throws {
        let id = DatabaseID(string: "check-\(UUID().uuidString)")
        app.databases.use(.sqlite(.file(path)), as: id)
        guard let db = app.databases.database(id, logger: app.logger, on: app.eventLoopGroup.any()) as? any SQLDatabase else {
            throw ConsoleCommandError(message: "cannot open \(path)")
        }
        let verdict: String
        do {
            verdict = try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }.joined(separator: "; ")
        } catch {
            throw ConsoleCommandError(message: "\(path) is not a SQLite database: \(String(reflecting: error))")
        }
        guard verdict == "ok" else { throw ConsoleCommandError(message: "\(path) is damaged: \(verdict)") }
        let migrations = try await db.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard migrations == 1 else { throw ConsoleCommandError(message: "\(path) is not a Zielona Linia database (no migrations table)") }
    }
}

/// Runs a PostgreSQL client tool against the configured database: the URL without its
/// password on the command line, the password in `PGPASSWORD`.
enum PostgresTool {
    static func run(_ tool: String, _ arguments: [String], url: String) throws {
        guard var parts = URLComponents(string: url) else { throw ConsoleCommandError(message: "DATABASE_URL is not a URL") }
        var environment = ProcessInfo.processInfo.environment
        if let password = parts.password { environment["PGPASSWORD"] = password; parts.password = nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments + ["--dbname=" + (parts.string ?? url)]
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw ConsoleCommandError(message: "cannot run \(tool): \(error) (install the PostgreSQL client of the server's version)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ConsoleCommandError(message: "\(tool) failed (exit \(process.terminationStatus)): " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
