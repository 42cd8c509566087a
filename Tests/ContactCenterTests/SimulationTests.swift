import Testing
import Foundation
@testable import ContactCenter
import Reporting

struct SimulationTests {
    @Test func oneOfficeWithoutHangUpsBehavesLikeErlangC() {
        var p = Simulation.Parameters()
        p.offices = 1; p.voivodeships = 1; p.agents = 12; p.nationalShare = 0; p.contacts = 40_000
        p.handleTime = 180; p.dayLength = 40_000 * 18; p.patience = 1e12; p.seed = 7
        let sim = Simulation(p)
        let r = sim.run()
        let e = sim.erlangC()
        #expect(r.answered == p.contacts && r.abandoned == 0)
        #expect(abs(r.averageSpeedOfAnswer - e.averageSpeedOfAnswer) / e.averageSpeedOfAnswer < 0.2, "\(r.averageSpeedOfAnswer) vs \(e.averageSpeedOfAnswer)")
        #expect(abs(r.serviceLevel - e.serviceLevel(within: 20)) < 0.05)
        #expect(abs(sim.occupancy(r) - e.occupancy) < 0.03)
    }

    @Test func theSameSeedGivesTheSameDayAndOverflowIsUsedWhenOfficesAreThin() {
        var p = Simulation.Parameters()
        p.offices = 40; p.agents = 60; p.contacts = 4_000; p.seed = 3
        let a = Simulation(p).run(), b = Simulation(p).run()
        #expect(a == b)
        #expect(a.answered + a.abandoned == p.contacts)
        #expect((a.byTier[.voivodeship] ?? 0) > 0 && (a.byTier[.office] ?? 0) > 0)
        p.seed = 4
        #expect(Simulation(p).run() != a)
    }

    @Test func predictiveOverflowPoolsALoadedDayAndKeepsMostCallsAtHome() {
        // 40 offices of about six in 4 voivodeships, a 5 % national pool, occupancy about 0.85.
        var p = Simulation.Parameters()
        p.offices = 40; p.voivodeships = 4; p.agents = 240; p.contacts = 30_600; p.seed = 5
        let pooled = Simulation(p, router: Router(policy: RoutingPolicy(predictive: true)))
        let timed = Simulation(p, router: Router(policy: RoutingPolicy(predictive: false)))
        let a = pooled.run(), b = timed.run()
        let ceiling = pooled.erlangC().serviceLevel(within: p.serviceLevelTarget), floor = pooled.isolatedServiceLevel()
        #expect(floor < 0.5 && ceiling > 0.99, "the bounds: \(floor) … \(ceiling)")
        #expect(a.serviceLevel > ceiling - 0.05, "pooled \(a.serviceLevel) against the ceiling \(ceiling)")
        #expect(b.serviceLevel < a.serviceLevel - 0.2, "waiting 60 s first: \(b.serviceLevel)")
        #expect(a.abandonRate <= 0.02 && b.abandonRate > 0.05)
        #expect(Double(a.byTier[.office] ?? 0) / Double(a.answered) >= 0.55, "\(a.byTier)")
        #expect((b.byTier[.national] ?? 0) == 0 && (a.byTier[.national] ?? 0) > 0, "the national pool answers only when calls go wider early")
        // Told from where the call will be answered, not from its office alone.
        #expect(a.announced > 0 && a.announcedWaitMeanAbsoluteError < a.officeOnlyWaitMeanAbsoluteError / 2)
    }

    @Test func theBenchmarkLoadPlacesWhatCanBePlaced() {
        let load = RoutingLoad(offices: 40, agents: 200, waiting: 1_000, seed: 2)
        let router = Router()
        let free = load.agents.filter { $0.state == .available }
        #expect(!free.isEmpty && free.count < load.agents.count)
        let placed = load.waiting.compactMap { router.bestAgent(for: $0, agents: load.agents, index: load.index, now: load.now) }
        #expect(placed.allSatisfy { load.agents[$0.agent].state == .available })
        #expect(free.contains { router.bestInteraction(for: $0, waiting: load.candidates(for: $0), index: load.index, now: load.now) != nil })
    }
}
