import Vapor
import Fluent
import SQLKit
import ContactCenter
import Storage

/// The ACD at work: each tick (about every second) takes back offers nobody accepted in time
/// (their agents become "not responding"), then offers every waiting interaction the router
/// can place. A tick is one transaction; on PostgreSQL it first takes a transaction-level
/// advisory lock, so with several `serve` processes exactly one routes at a time and, when it
/// dies, the next tick of another process routes instead.
struct RoutingService {
    let db: any Database
    let router: ContactCenter.Router
    /// Each office's observed handle times, read from the reports every few minutes (nil:
    /// the policy's default for every office, as in tests that do not need them).
    var handleTimes: CachedValue<HandleTimes>? = nil

    /// The channels whose contacts wait for a consultant in real time: the ones worth predicting.
    static let predictedChannels: [ContactCenter.Channel] = [.voice, .video, .chat]

    static func observedHandleTimes(_ db: any Database, now: Date) async throws -> HandleTimes {
        let times = try await ReportAggregates(db: db).recentHandleTimes(channels: predictedChannels.map(\.rawValue), now: now)
        return HandleTimes(times.mapValues { byChannel in
            Dictionary(uniqueKeysWithValues: byChannel.compactMap { key, value in ContactCenter.Channel(rawValue: key).map { ($0, value) } })
        })
    }
    /// Shared by every process routing this database schema (the second key is the schema's
    /// hash, so deployments in separate schemas of one database do not block each other).
    static let lockClass: Int32 = 0x5A4C_4143

    struct Report: Equatable {
        var routed = false; var lapsed = 0; var offered = 0; var abandoned = 0
        /// Agents whose desktops changed (an offer arrived or lapsed).
        var agents: Set<String> = []
    }

    /// Ticks of this process run one after another (SQLite has one writer; on PostgreSQL the
    /// advisory lock orders the processes).
    static let gate = AsyncMutex()

    func tick(now: Date = Date()) async throws -> Report {
        try await Self.gate.run { try await locked(now: now) }
    }

    /// One tick on the database's clock (see `ServerClock`), then the desktops of the agents
    /// concerned, on whichever process they are connected, are told.
    func step(events: DesktopEvents, logger: Logger, localClock: @Sendable () -> Date = { Date() }) async throws -> Report {
        let report = try await tick(now: try await ServerClock.now(db, local: localClock))
        if !report.agents.isEmpty || report.abandoned > 0 {
            await events.publish(DesktopMessage(agents: report.agents.sorted(), kind: report.offered + report.lapsed > 0 ? "offer" : "state"),
                                 on: db, logger: logger)
        }
        return report
    }

    func locked(now: Date) async throws -> Report {
        let db = self.db
        let handleTimes = try await self.handleTimes?.get { try await Self.observedHandleTimes(db, now: now) } ?? HandleTimes()
        return try await db.transaction { tx in
            var report = Report()
            if (tx as! any SQLDatabase).dialect.name == "postgresql" {
                let row = try await (tx as! any SQLDatabase).raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.lockClass), hashtext(current_schema())) AS locked").first()
                guard try row?.decode(column: "locked", as: Bool.self) == true else { return report }
            }
            report.routed = true
            let store = ContactCenterStore(db: tx)
            var agents = Dictionary(uniqueKeysWithValues: try await store.agentsForUpdate().map { ($0.id, $0) })
            // Wrap-up time over and nothing in hand: available again, idle since the wrap-up ended.
            for (id, a) in agents {
                guard let freed = a.afterWrapUp(now: now) else { continue }
                try await store.save(freed, now: now)
                agents[id] = freed
                report.agents.insert(id)
            }
            for (id, agentID) in router.lapsedOffers(try await store.open(), now: now) {
                guard let i = try await Self.moved(store, id, to: .queued, note: "offer not answered", now: now) else { continue }
                if let lapsed = agents[agentID] {
                    let a = lapsed.lapsedOffer(of: i.channel)
                    try await store.save(a, now: now)
                    agents[agentID] = a
                }
                report.agents.insert(agentID)
                report.lapsed += 1
            }
            // Chats whose visitor's page has been gone a while are given up, not offered.
            for id in try await ChatStore(db: tx).waitingLeft(before: now.addingTimeInterval(-ChatPolicy.visitorLeftGrace)) {
                guard try await Self.moved(store, id, to: .abandoned, note: "visitor left", now: now) != nil else { continue }
                report.abandoned += 1
            }
            let waiting = try await store.open().filter { $0.state == .queued }
            for d in router.route(waiting: waiting, agents: Array(agents.values).sorted { $0.id < $1.id }, handleTimes: handleTimes, now: now) {
                guard var a = agents[d.agentID], let i = waiting.first(where: { $0.id == d.interactionID }),
                      try await Self.moved(store, i.id, to: .offered, agent: a.id, note: "tier \(d.tier)", now: now) != nil else { continue }
                a.load[i.channel, default: 0] += 1
                a.state = .busy
                try await store.save(a, now: now)
                agents[a.id] = a
                report.offered += 1
                report.agents.insert(a.id)
            }
            return report
        }
    }
}

extension RoutingService {
    /// Moves a contact the step read, or nil when it changed since (its caller hung up, a
    /// consultant took it, its chat ended): that contact is left to the next step and the rest
    /// of this one goes on. Only the version check failed, so the transaction is still sound.
    /// Under load a step takes long enough for that to happen every time, and one such contact
    /// used to roll the whole step back, so nothing was offered at all.
    static func moved(_ store: ContactCenterStore, _ id: UUID, to state: InteractionState, agent: String? = nil, note: String,
                      now: Date) async throws -> Interaction? {
        do {
            return try await store.move(id, to: state, agent: agent, note: note, now: now)
        } catch is ContactCenterStoreError {
            return nil
        }
    }
}

/// A lock for async code: one holder at a time, the others wait in order.
actor AsyncMutex {
    /// Which turn holds the lock (nil: free); turns are numbered as they ask.
    private var holder: UInt64?
    private var asked: UInt64 = 0
    private var waiters: [(turn: UInt64, continuation: CheckedContinuation<Void, Never>)] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let turn = await acquire()
        defer { release(turn) }
        return try await body()
    }

    /// Hands the lock on although its holder has not finished (a holder stuck for ever); its
    /// release, if it ever comes, then frees nothing. Only for work that is kept exclusive
    /// some other way as well.
    @discardableResult
    func abandon() -> Bool {
        guard let holder else { return false }
        release(holder)
        return true
    }

    private func acquire() async -> UInt64 {
        asked += 1
        let turn = asked
        if holder == nil { holder = turn; return turn }
        await withCheckedContinuation { waiters.append((turn, $0)) }
        return turn
    }

    private func release(_ turn: UInt64) {
        guard holder == turn else { return }
        if waiters.isEmpty { holder = nil; return }
        let next = waiters.removeFirst()
        holder = next.turn
        next.continuation.resume()
    }
}

extension RoutingService {
    /// Routes every second while `serve` runs: on PostgreSQL only in the process that holds
    /// the cluster's leader lock, with the database's clock; desktops hear of new offers. A
    /// normal step takes milliseconds; one still running after three seconds is taken to be
    /// stuck on a query the database will never answer (seen when PostgreSQL restarts), and on
    /// PostgreSQL the next step goes ahead without waiting for it: the transaction's advisory
    /// lock still keeps two steps from routing at once, and a dead connection holds no lock.
    static var job: RepeatingJob {
        RepeatingJob("routing", every: .seconds(1), deadline: stepDeadline, overran: { app in
            if app.clusterLink != nil { await gate.abandon() }
        }) { app in
            let service = RoutingService(db: app.db, router: ContactCenter.Router(policy: app.services.config.routingPolicy),
                                         handleTimes: app.services.handleTimes)
            let link = app.clusterLink, events = app.desktopEvents, logger = app.logger
            return {
                if let link, !link.isLeader {
                    // About to lead: the first step as soon as the lease allows, not a tick later.
                    guard let wait = link.timeUntilLeading, wait < .seconds(1) else { return }
                    try await Task.sleep(for: wait)
                    guard link.isLeader else { return }
                }
                _ = try await service.step(events: events, logger: logger)
            }
        }
    }

    static let stepDeadline: Duration = .seconds(3)
}
