import Testing
import Foundation
import Vapor
import VaporTesting
import NIOConcurrencyHelpers
import FluentPostgresDriver
@testable import App
@testable import Storage
import ContactCenter

/// The desktop's live socket on a real listening server: only a signed-in consultant from the
/// site's own pages gets one; every tab of an agent hears of an offer, other agents do not; a
/// dropped socket reconnects to the same state. On PostgreSQL, cluster links elect exactly one
/// router and another takes over when it goes.
@Suite(.serialized) struct LiveSocketTests {
    /// Text frames a client socket received.
    final class Inbox: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        var messages: [String] { box.withLockedValue { $0 } }
        func append(_ s: String) { box.withLockedValue { $0.append(s) } }
        /// Waits (up to 5 s) until a message containing `text` arrived.
        func wait(for text: String) async -> Bool {
            for _ in 0..<100 {
                if messages.contains(where: { $0.contains(text) }) { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
    }

    static func connect(_ port: Int, cookies: HTTPHeaders, origin: String? = nil, path: String = "/desktop/ws") async throws -> (WebSocket, Inbox) {
        var headers = cookies
        headers.add(name: .origin, value: origin ?? "http://127.0.0.1:\(port)")
        let inbox = Inbox()
        let socket = NIOLockedValueBox<WebSocket?>(nil)
        try await WebSocket.connect(to: "ws://127.0.0.1:\(port)\(path)", headers: headers, on: MultiThreadedEventLoopGroup.singleton) { ws in
            ws.onText { _, text in inbox.append(text) }
            socket.withLockedValue { $0 = ws }
        }
        // The upgrade callback may run just after `connect` returns.
        for _ in 0..<100 where socket.withLockedValue({ $0 }) == nil { try await Task.sleep(for: .milliseconds(20)) }
        return (try #require(socket.withLockedValue { $0 }), inbox)
    }

    static func refused(_ port: Int, cookies: HTTPHeaders, origin: String? = nil, path: String = "/desktop/ws") async -> Bool {
        do { let (ws, _) = try await connect(port, cookies: cookies, origin: origin, path: path); try? await ws.close(); return false } catch { return true }
    }

    @Test func offersReachEveryTabOfTheAgentOnlyAndAReconnectRestoresTheDesktop() async throws {
        try await withTestApp { app in
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            try await app.server.start(address: nil)
            defer { Task { await app.server.shutdown() } }
            let port = try #require(app.http.server.shared.localAddress?.port)
            app.services.config.publicURL = "http://127.0.0.1:\(port)"

            let (k1, desk1) = try await DesktopTests.consultant(app, "k1@example.org")
            let (k2, desk2) = try await DesktopTests.consultant(app, "k2@example.org")
            // k2 is on a break: the offer can only go to k1.
            #expect(try await desk2.post("/desktop/state", ["state": "break", "reason": "lunch"], csrfFrom: "/desktop").status == .seeOther)

             #expect(await Self.refused(port, cookies: [:]), "no session, no socket")
            #expect(await Self.refused(port, cookies: desk1.cookieHeader, origin: "https://evil.example"), "another site's page")
            // The probe's case: same host, another port, or another scheme.
            #expect(await Self.refused(port, cookies: desk1.cookieHeader, origin: "http://127.0.0.1:9999"), "another port")
            #expect(await Self.refused(port, cookies: desk1.cookieHeader, origin: "https://127.0.0.1:\(port)"), "another scheme")
            #expect(await Self.refused(port, cookies: desk1.cookieHeader, origin: "http://127.0.0.1"), "no port is port 80")
            #expect(await Self.refused(port, cookies: desk1.cookieHeader, path: "/wallboard/ws"), "consultants have no wallboard")

            let (tab1, inbox1) = try await Self.connect(port, cookies: desk1.cookieHeader)
            let (tab2, inbox2) = try await Self.connect(port, cookies: desk1.cookieHeader)
            let (_, other) = try await Self.connect(port, cookies: desk2.cookieHeader)
            #expect(await inbox1.wait(for: "hello"))
            #expect(await inbox2.wait(for: "hello"))
            #expect(app.desktopEvents.openDesktops(of: k1.id.uuidString) == 2)

            let call = try await DesktopTests.call(app)
            #expect(try await DesktopTests.route(app).agents == [k1.id.uuidString])
            #expect(await inbox1.wait(for: "\"offer\""))
            #expect(await inbox2.wait(for: "\"offer\""))
            #expect(!other.messages.contains { $0.contains("offer") })

            // One tab drops mid-offer; the other still works; a new socket starts with "hello"
            // and the desktop it reloads still shows the offer.
            try await tab1.close()
            for _ in 0..<50 where app.desktopEvents.openDesktops(of: k1.id.uuidString) != 1 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(app.desktopEvents.openDesktops(of: k1.id.uuidString) == 1)
            let (again, inbox3) = try await Self.connect(port, cookies: desk1.cookieHeader)
            #expect(await inbox3.wait(for: "hello"))
            #expect(try await desk1.get("/desktop/panel").body.string.contains("accept-\(call.id.uuidString)"))
            #expect(try await desk1.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(await inbox3.wait(for: "\"changed\""))
            #expect(await inbox2.wait(for: "\"changed\""))
            _ = k2
            try await again.close(); try await tab2.close()
        }
    }

    /// PostgreSQL: two cluster links (as two processes would have) — one router; when its
    /// connection goes, the other takes over within seconds.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } == true, "PostgreSQL only"))
    func exactlyOneClusterLinkRoutesAndAnotherTakesOver() async throws {
        try await withTestApp { app in
            let url = try #require(ProcessInfo.processInfo.environment["TEST_DATABASE_URL"])
            let config = try SQLPostgresConfiguration(url: url).coreConfiguration
            // A schema of its own: other tests' links do not compete for this lock.
            let schema = "links_" + UUID().uuidString.prefix(8).lowercased()
            let a = ClusterLink(configuration: config, schema: schema, events: DesktopEvents(schema: schema, usesNotify: true))
            let b = ClusterLink(configuration: config, schema: schema, events: DesktopEvents(schema: schema, usesNotify: true))
            let runA = Task { await a.run(eventLoop: app.eventLoopGroup.any(), logger: app.logger) }
            let runB = Task { await b.run(eventLoop: app.eventLoopGroup.any(), logger: app.logger) }
            for _ in 0..<60 where !(a.isLeader || b.isLeader) { try await Task.sleep(for: .milliseconds(100)) }
            try await Task.sleep(for: .seconds(1.5))
            #expect(a.isLeader != b.isLeader, "exactly one leads")
            let (leader, standby, leaderTask, standbyTask) = a.isLeader ? (a, b, runA, runB) : (b, a, runB, runA)
            leaderTask.cancel()
            let start = Date()
            for _ in 0..<50 where !standby.isLeader { try await Task.sleep(for: .milliseconds(100)) }
            #expect(standby.isLeader && !leader.isLeader)
            #expect(Date().timeIntervalSince(start) < 5)
            standbyTask.cancel()
        }
    }

    /// PostgreSQL: a leader whose connection hangs — PostgreSQL's end of it gone and nothing told
    /// to this end, as when PostgreSQL restarts — stops calling itself leader before the other
    /// process takes over (never two at once), drops the dead connection, links up again once
    /// the network answers, and leads again when the other goes. Before, it went on calling
    /// itself leader, deaf to desktop events, until the process was restarted.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } == true, "PostgreSQL only"))
    func aLeaderWhoseConnectionHangsStepsDownBeforeAnotherLeads() async throws {
        try await withTestApp { app in
            let direct = try SQLPostgresConfiguration(url: try #require(ProcessInfo.processInfo.environment["TEST_DATABASE_URL"])).coreConfiguration
            let relay = try await FreezableRelay.start(to: try #require(direct.host), port: try #require(direct.port), group: app.eventLoopGroup)
            var relayed = PostgresConnection.Configuration(host: "127.0.0.1", port: relay.port, username: direct.username,
                                                           password: direct.password, database: direct.database, tls: .disable)
            relayed.options.connectTimeout = .seconds(2)
            let schema = "links_" + UUID().uuidString.prefix(8).lowercased()
            let events = DesktopEvents(schema: schema, usesNotify: true)
            let a = ClusterLink(configuration: relayed, schema: schema, events: events, lease: .seconds(1), stall: .seconds(2))
            let b = ClusterLink(configuration: direct, schema: schema, events: events, lease: .seconds(1), stall: .seconds(2))
            let runA = Task { await a.run(eventLoop: app.eventLoopGroup.any(), logger: app.logger) }
            #expect(try await eventually { a.isLeader }, "the first link leads")
            let runB = Task { await b.run(eventLoop: app.eventLoopGroup.any(), logger: app.logger) }
            try await Task.sleep(for: .seconds(1))
            #expect(a.isLeader && !b.isLeader, "the second waits")

            // A's server end goes; A hears nothing of it.
            relay.frozen.withLockedValue { $0 = true }
            let ports = relay.upstreamPorts.withLockedValue { $0 }.map(String.init).joined(separator: ",")
            let sql = app.db as! any SQLDatabase
            try await sql.raw("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port IN (\(unsafeRaw: ports))").run()
            let cut = ContinuousClock.now
            var both = 0, aSteppedDown: ContinuousClock.Instant?, bLeads: ContinuousClock.Instant?
            while bLeads == nil, ContinuousClock.now - cut < .seconds(10) {
                if a.isLeader && b.isLeader { both += 1 }
                if !a.isLeader, aSteppedDown == nil { aSteppedDown = .now }
                if b.isLeader { bLeads = .now }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(both == 0, "never two leaders")
            let stepped = try #require(aSteppedDown), led = try #require(bLeads, "the other takes over")
            #expect(stepped - cut <= .milliseconds(1_200), "A stops leading within its lease")
            #expect(stepped < led)

            // The network answers again: A links up anew as a standby and leads once B is gone.
            relay.frozen.withLockedValue { $0 = false }
            try await Task.sleep(for: .seconds(4))
            #expect(b.isLeader && !a.isLeader)
            runB.cancel()
            #expect(try await eventually { a.isLeader }, "A leads again")
            runA.cancel()
            await relay.stop()
        }
    }

    /// PostgreSQL: a process whose clock runs an hour ahead still measures offers on the
    /// database's clock, so it does not take back an offer that has rung for a second.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } == true, "PostgreSQL only"))
    func aProcessWithASkewedClockRoutesOnTheDatabasesClock() async throws {
        try await withTestApp { app in
            let (k1, _) = try await DesktopTests.consultant(app, "k1@example.org")
            let call = try await DesktopTests.call(app)
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            #expect(try await service.step(events: app.desktopEvents, logger: app.logger).offered == 1)
            let ahead = try await service.step(events: app.desktopEvents, logger: app.logger, localClock: { Date().addingTimeInterval(3_600) })
            #expect(ahead.lapsed == 0)
            let store = ContactCenterStore(db: app.db)
            #expect(try await store.find(call.id)?.interaction.agentID == k1.id.uuidString)
            #expect(try await store.agent(k1.id.uuidString)?.state == .busy)
            // The offer's time was written on the database's clock too.
            let offeredAt = try #require(try await store.find(call.id)?.interaction.offeredAt)
            #expect(abs(offeredAt.timeIntervalSince(try await ServerClock.now(app.db))) < 60)
        }
    }
}
