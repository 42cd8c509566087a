import Testing
import Foundation
import Vapor
@testable import App
@testable import Storage
import ContactCenter

/// The routing ticks on the database: offers go to the longest-idle agent, an offer nobody
/// takes returns to the queue and goes to the next agent, and two routers at once never offer
/// one interaction twice.
@Suite(.serialized) struct RoutingServiceTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    static func setUp(_ app: Application) async throws -> Interaction {
        let store = ContactCenterStore(db: app.db)
        try await store.save(Agent(id: "a", offices: ["pup-2002"], voivodeships: ["20"], idleSince: at(-300)), now: at(0))
        try await store.save(Agent(id: "b", offices: ["pup-2002"], voivodeships: ["20"], idleSince: at(-100)), now: at(0))
        return try await store.enqueue(Interaction(channel: .voice, language: "pl", topic: "registration", officeID: "pup-2002",
                                                   voivodeshipCode: "20", queuedAt: at(0)), now: at(0))
    }

    @Test func anUnansweredOfferGoesToTheNextAgent() async throws {
        try await withTestApp { app in
            let call = try await Self.setUp(app)
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            let store = ContactCenterStore(db: app.db)
            #expect(try await service.tick(now: Self.at(1)) == .init(routed: true, lapsed: 0, offered: 1, agents: ["a"]))
            #expect(try await store.find(call.id)?.interaction.agentID == "a")
            #expect(try await store.agents().first { $0.id == "a" }?.load[.voice] == 1)
            #expect(try await service.tick(now: Self.at(2)).offered == 0, "already on offer")
            // 20 s later nobody accepted: back to the queue, "a" not responding, offered to "b".
            #expect(try await service.tick(now: Self.at(21)) == .init(routed: true, lapsed: 1, offered: 1, agents: ["a", "b"]))
            let agents = try await store.agents()
            #expect(agents.first { $0.id == "a" }?.state == .notResponding && agents.first { $0.id == "a" }?.load[.voice] == 0)
            #expect(try await store.find(call.id)?.interaction.agentID == "b")
            #expect(try await store.events(of: call.id).map(\.to) == [.queued, .offered, .queued, .offered])
        }
    }

    @Test func wrapUpEndsByItselfAfterItsTimeAndTheAgentGetsTheNextContact() async throws {
        try await withTestApp { app in
            let store = ContactCenterStore(db: app.db)
            try await store.save(Agent(id: "w", offices: ["pup-2002"], voivodeships: ["20"], state: .wrapUp(until: Self.at(30)), idleSince: Self.at(-600)),
                                 now: Self.at(0))
            let call = try await store.enqueue(Interaction(channel: .voice, language: "pl", topic: "registration", officeID: "pup-2002",
                                                           voivodeshipCode: "20", queuedAt: Self.at(10)), now: Self.at(10))
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            #expect(try await service.tick(now: Self.at(20)).offered == 0, "still in wrap-up")
            #expect(try await store.agent("w")?.state == .wrapUp(until: Self.at(30)))
            let report = try await service.tick(now: Self.at(31))
            #expect(report.offered == 1 && report.agents == ["w"])
            #expect(try await store.find(call.id)?.interaction.agentID == "w")
            #expect(try await store.agent("w")?.idleSince == Self.at(30))
        }
    }

    @Test func twoRoutersAtOnceOfferAnInteractionOnce() async throws {
        try await withTestApp { app in
            let call = try await Self.setUp(app)
            async let one = RoutingService(db: app.db, router: ContactCenter.Router()).tick(now: Self.at(1))
            async let two = RoutingService(db: app.db, router: ContactCenter.Router()).tick(now: Self.at(1))
            let reports = try await [one, two]
            #expect(reports.map(\.offered).reduce(0, +) == 1)
            #expect(try await ContactCenterStore(db: app.db).events(of: call.id).filter { $0.to == .offered }.count == 1)
        }
    }

    /// PostgreSQL: two processes' ticks (the in-process gate bypassed) — the advisory lock
    /// lets one route; the other skips or finds nothing left to offer.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } == true, "PostgreSQL only"))
    func theAdvisoryLockKeepsTwoProcessesFromRoutingTogether() async throws {
        try await withTestApp { app in
            let call = try await Self.setUp(app)
            async let one = RoutingService(db: app.db, router: ContactCenter.Router()).locked(now: Self.at(1))
            async let two = RoutingService(db: app.db, router: ContactCenter.Router()).locked(now: Self.at(1))
            let reports = try await [one, two]
            #expect(reports.map(\.offered).reduce(0, +) == 1)
            #expect(try await ContactCenterStore(db: app.db).events(of: call.id).filter { $0.to == .offered }.count == 1)
        }
    }
}
