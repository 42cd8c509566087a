import Vapor
import NIOConcurrencyHelpers
import FluentPostgresDriver

/// On PostgreSQL, each `serve` process keeps one connection of its own for two things: it
/// LISTENs for desktop events (so an offer made by any process reaches the agent's socket,
/// whichever process holds it) and it tries to take a session advisory lock. The process that
/// holds the lock is the router; when it dies its connection closes, PostgreSQL releases the
/// lock and another process takes it on its next try (every second).
final class ClusterLink: Sendable {
    /// The leader lock: this class and the hash of the schema the deployment uses.
    static let leaderClass: Int32 = 0x5A4C_4144
    private let leader = NIOLockedValueBox(false)
    let configuration: PostgresConnection.Configuration
    let events: DesktopEvents
    let schema: String

    init(configuration: PostgresConnection.Configuration, schema: String?, events: DesktopEvents) {
        self.configuration = configuration; self.schema = schema ?? "public"; self.events = events
    }

    var isLeader: Bool { leader.withLockedValue { $0 } }

    /// Runs until cancelled, reconnecting after a failure.
    func run(eventLoop: any EventLoop, logger: Logger) async {
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: attempt, logger: logger)
                defer { leader.withLockedValue { $0 = false }; Task { try? await connection.close() } }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { [events] in
                        for try await note in try await connection.listen(events.channel) {
                            events.received(note.payload)
                        }
                    }
                    group.addTask { [leader, schema] in
                        while !Task.isCancelled {
                            if !leader.withLockedValue({ $0 }) {
                                let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.leaderClass), hashtext(\(schema))) AS locked", logger: logger)
                                for try await locked in rows.decode(Bool.self) where locked {
                                    leader.withLockedValue { $0 = true }
                                    logger.notice("this process now routes contacts")
                                }
                            } else {
                                // A dead connection must not leave this process believing it still routes.
                                _ = try await connection.query("SELECT 1", logger: logger).collect()
                            }
                            try await Task.sleep(for: .seconds(1))
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("cluster link lost; reconnecting", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}

/// Keeps the cluster link up while `serve` runs (PostgreSQL only).
final class ClusterLinkLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard let link = app.clusterLink else { return }
        let eventLoop = app.eventLoopGroup.any(), logger = app.logger
        task = Task { await link.run(eventLoop: eventLoop, logger: logger) }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
