import FluentPostgresDriver
import NIOCore
import NIOConcurrencyHelpers

/// Tells a statement that is only slow (waiting for a lock, a long report) from one whose
/// connection is dead, by asking PostgreSQL over a connection of its own — the pool's may all be
/// the dead ones — whether the session behind the statement is still running it.
final class BackendProbe: Sendable {
    enum Verdict { case running, notRunning, unknown }

    let configuration: PostgresConnection.Configuration
    /// The server process of each pooled connection, asked once per connection.
    private let pids = NIOLockedValueBox<[PostgresConnection.ID: Int32]>([:])

    init(configuration: PostgresConnection.Configuration) {
        var configuration = configuration
        configuration.options.connectTimeout = .seconds(5)
        self.configuration = configuration
    }

    /// The server process behind `conn` (`bound` is the database on that connection), nil when
    /// it cannot be learnt.
    func pid(of conn: PostgresConnection, bound: any SQLDatabase) -> EventLoopFuture<Int32?> {
        if let known = pids.withLockedValue({ $0[conn.id] }) { return conn.eventLoop.makeSucceededFuture(known) }
        return bound.raw("SELECT pg_backend_pid() AS pid").first().map { row in
            guard let pid = try? row?.decode(column: "pid", as: Int32.self) else { return nil }
            self.pids.withLockedValue { pids in
                // Connections come and go for the life of the process: forget the old ones now and then.
                if pids.count > 4_096 { pids.removeAll() }
                pids[conn.id] = pid
            }
            return pid
        }.recover { _ in nil }
    }

    /// Whether session `pid` is running a statement now. Asked twice a quarter of a second apart
    /// before saying no, so that an answer already on its way is not taken for a dead connection.
    func verdict(_ pid: Int32, on loop: any EventLoop, logger: Logger) async -> Verdict {
        let first = await state(pid, on: loop, logger: logger)
        guard first == .notRunning else { return first }
        try? await Task.sleep(for: .milliseconds(250))
        return await state(pid, on: loop, logger: logger)
    }

    private func state(_ pid: Int32, on loop: any EventLoop, logger: Logger) async -> Verdict {
        guard let conn = try? await PostgresConnection.connect(on: loop, configuration: configuration, id: 0, logger: logger) else { return .unknown }
        var verdict = Verdict.unknown
        if let rows = try? await conn.query("SELECT state FROM pg_stat_activity WHERE pid = \(pid)", logger: logger) {
            verdict = .notRunning   // no such session: it went with its connection
            do {
                for try await state in rows.decode(String?.self) { verdict = state == "active" ? .running : .notRunning }
            } catch { verdict = .unknown }
        }
        try? await conn.close()
        return verdict
    }
}
