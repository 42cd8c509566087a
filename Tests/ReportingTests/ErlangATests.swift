import Testing
import Foundation
@testable import Reporting
import ContactCenter

/// Erlang A against Erlang C (callers who never hang up), against its own queue-length
/// identity, under overload, and against a simulated queue with the same patience.
struct ErlangATests {
    @Test func withEndlessPatienceItIsErlangC() {
        let c = ErlangC(arrivalsPerSecond: 10.0 / 180, handleTime: 180, agents: 12)
        let a = ErlangA(arrivalsPerSecond: 10.0 / 180, handleTime: 180, patience: 1e9, agents: 12).outcome(within: 20)
        #expect(abs(a.waiting - c.probabilityOfWaiting) < 1e-4)
        #expect(abs(a.serviceLevel - c.serviceLevel(within: 20)) < 1e-3)
        #expect(abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer) < 0.05)
        #expect(a.abandoned < 1e-5)
    }

    @Test func thoseWhoHangUpAreTheQueueTimesTheRateOfGivingUp() {
        for (agents, patience) in [(10, 60.0), (18, 120.0), (25, 300.0)] {
            let lambda = 0.1, o = ErlangA(arrivalsPerSecond: lambda, handleTime: 180, patience: patience, agents: agents).outcome(within: 20)
            // Each of the mean queue gives up at 1/patience: the abandonment rate over the arrival rate.
            #expect(abs(o.abandoned - o.meanQueue / patience / lambda) < 1e-6, "\(agents) agents")
            #expect(o.answeredWithin <= o.answered && o.abandonedWithin <= o.abandoned)
            #expect(abs(o.answered + o.abandoned - 1) < 1e-9)
        }
    }

    @Test func anOverloadedQueueStaysFiniteAndSheds() {
        // 40 Erlangs on 20 agents: at most half can be answered.
        let o = ErlangA(arrivalsPerSecond: 40.0 / 180, handleTime: 180, patience: 90, agents: 20).outcome(within: 20)
        #expect(o.answered <= 0.5 + 1e-9 && o.answered > 0.4)
        #expect(o.abandoned >= 0.5 - 1e-9 && o.serviceLevel < 0.2 && o.averageSpeedOfAnswer.isFinite)
    }

    @Test func itAgreesWithASimulatedQueue() {
        // 18 Erlangs on 18 agents, patience 120 s, T 20 s: a queue Erlang C cannot describe.
        let lambda = 0.1, aht = 180.0, patience = 120.0, agents = 18, within = 20.0
        var rng = SplitMix64(seed: 2026)
        var free = [Double](repeating: 0, count: agents)
        var t = 0.0, answered = 0, answeredWithin = 0, abandoned = 0, abandonedWithin = 0
        let arrivals = 200_000
        for _ in 0..<arrivals {
            t += rng.exponential(mean: 1 / lambda)
            let earliest = free.indices.min { free[$0] < free[$1] }!
            let wait = max(0, free[earliest] - t), willing = rng.exponential(mean: patience)
            if willing < wait {
                abandoned += 1
                if willing <= within { abandonedWithin += 1 }
            } else {
                answered += 1
                if wait <= within { answeredWithin += 1 }
                free[earliest] = t + wait + rng.exponential(mean: aht)
            }
        }
        let simulated = Double(answeredWithin) / Double(answered + abandoned - abandonedWithin)
        let o = ErlangA(arrivalsPerSecond: lambda, handleTime: aht, patience: patience, agents: agents).outcome(within: within)
        #expect(abs(o.serviceLevel - simulated) < 0.015, "Erlang A \(o.serviceLevel), simulated \(simulated)")
        #expect(abs(o.abandoned - Double(abandoned) / Double(arrivals)) < 0.01)
        // Erlang C, blind to those who hang up, is far off here.
        #expect(ErlangC(arrivalsPerSecond: lambda, handleTime: aht, agents: agents).serviceLevel(within: within) == 0)
    }

    @Test func staffingWithAbandonmentNeedsNoMoreThanErlangCAndJustReachesTheTarget() throws {
        let c = try #require(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 400, handleTime: 240))
        let a = try #require(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 400, handleTime: 240, patience: 100))
        #expect(a.agents <= c.agents && a.serviceLevel >= 0.8 && a.abandonment > 0 && a.abandonment < 0.2)
        let fewer = ErlangA(arrivalsPerSecond: 400.0 / 3_600, handleTime: 240, patience: 100, agents: a.agents - 1).outcome(within: 20)
        #expect(fewer.serviceLevel < 0.8)
        #expect(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 0, handleTime: 240, patience: 100) == nil)
    }
}
