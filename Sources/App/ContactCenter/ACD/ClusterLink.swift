import Vapor
import NIOConcurrencyHelpers
import FluentPostgresDriver

/// On PostgreSQL, each `serve` process keeps one connection of its own for two things: it
/// LISTENs for desktop events (so an offer made by any process reaches the agent's socket,
/// whichever process holds it) and it tries to take a session advisory lock. The process that
/// holds the lock is the router; when it dies its connection closes, PostgreSQL releases the
/// lock and another process takes it on its next try.
///
/// Leadership is a lease: the holder calls itself leader only while the database has answered
/// it within `lease`, and one that has just taken the lock waits out a lease first. A leader
/// cut off without a word (a connection that hangs when PostgreSQL restarts: the server's end
/// is gone, so is the lock, yet the query waits for ever) has therefore stopped calling itself
/// leader before the next one starts. A connection that does not answer within `stall` is
/// dropped and made again, so its LISTEN does not stay deaf.
final class ClusterLink: Sendable {
    /// The leader lock: this class and the hash of the schema the deployment uses.
    static let leaderClass: Int32 = 0x5A4C_4144
    let configuration: PostgresConnection.Configuration
    let events: DesktopEvents
    let schema: String
    let lease: Duration
    let stall: Duration
    /// How often the lock is tried for, or (held) the connection asked whether it still lives.
    var beat: Duration { lease / 4 }
    private let leadership = NIOLockedValueBox(Leadership())

    private struct Leadership {
        /// From when this process may route (a lease after it took the lock) and until when (a
        /// lease after it last asked the database and had an answer); nil: it does not hold the lock.
        var from: ContinuousClock.Instant?
        var until: ContinuousClock.Instant?
    }

    init(configuration: PostgresConnection.Configuration, schema: String?, events: DesktopEvents,
         lease: Duration = .milliseconds(1_500), stall: Duration = .seconds(5)) {
        self.configuration = configuration; self.schema = schema ?? "public"; self.events = events
        self.lease = lease; self.stall = stall
    }

    var isLeader: Bool {
        leadership.withLockedValue { l in
            guard let from = l.from, let until = l.until else { return false }
            let now = ContinuousClock.now
            return from <= now && now < until
        }
    }

    /// How long until this process leads, when it has taken the lock and waits out the lease of
    /// whoever held it before (nil otherwise).
    var timeUntilLeading: Duration? {
        leadership.withLockedValue { l in
            guard let from = l.from, l.until != nil else { return nil }
            let now = ContinuousClock.now
            return from > now ? from - now : nil
        }
    }

    /// Runs until cancelled, reconnecting after a failure.
    func run(eventLoop: any EventLoop, logger: Logger) async {
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            do {
                try await session(id: attempt, eventLoop: eventLoop, logger: logger)
            } catch {
                if Task.isCancelled { return }
                logger.warning("cluster link lost; reconnecting", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await Task.sleep(for: beat)
        }
    }

    enum LinkError: Error { case listenEnded, stalled }

    /// One connection, until it fails, stalls or the task is cancelled.
    private func session(id: Int, eventLoop: any EventLoop, logger: Logger) async throws {
        let connection = try await answered { [configuration] in
            try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger)
        }
        // Unstructured, so that a LISTEN stuck on a dead connection cannot hold this session open.
        let listenFailure = NIOLockedValueBox<(any Error)?>(nil)
        let listener = Task { [events] in
            do {
                for try await note in try await connection.listen(events.channel) { events.received(note.payload) }
                listenFailure.withLockedValue { $0 = LinkError.listenEnded }
            } catch {
                listenFailure.withLockedValue { $0 = error }
            }
        }
        defer {
            leadership.withLockedValue { $0 = Leadership() }
            listener.cancel()
            Task { try? await connection.close() }
        }
        var holdsLock = false
        while !Task.isCancelled {
            if let failure = listenFailure.withLockedValue({ $0 }) { throw failure }
            let asked = ContinuousClock.now
            if holdsLock {
                _ = try await answered { try await connection.query("SELECT 1", logger: logger).collect() }
            } else {
                let schema = schema
                holdsLock = try await answered {
                    let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.leaderClass), hashtext(\(schema))) AS locked", logger: logger)
                    for try await locked in rows.decode(Bool.self) { return locked }
                    return false
                }
                if holdsLock {
                    // Whoever held the lock before last heard from the database before it was
                    // free, so its lease has run out a lease from now.
                    leadership.withLockedValue { $0.from = ContinuousClock.now + lease }
                    logger.notice("this process now routes contacts")
                }
            }
            if holdsLock { leadership.withLockedValue { $0.until = asked + lease } }
            try await Task.sleep(for: beat)
        }
    }

    /// The database's answer within `stall`, or the link is taken for dead.
    private func answered<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        switch await Deadline.run(stall, work) {
        case .finished(let value): return value
        case .failed(let error): throw error
        case .overran: throw LinkError.stalled
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
