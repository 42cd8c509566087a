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
