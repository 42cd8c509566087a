import Testing
import Foundation
@testable import Reporting

struct ErlangCTests {
    @Test func erlangCMatchesTheTextbookCase() {
        // 10 Erlangs on 12 agents: P(wait) 0.4494, ASA 40.4 s with a 180 s handle time.
        let e = ErlangC(arrivalsPerSecond: 10.0 / 180, handleTime: 180, agents: 12)
        #expect(abs(e.probabilityOfWaiting - 0.4494) < 0.0005)
        #expect(abs(e.averageSpeedOfAnswer - 40.45) < 0.1)
        #expect(abs(e.serviceLevel(within: 20) - 0.6402) < 0.001)
        #expect(ErlangC(arrivalsPerSecond: 1, handleTime: 20, agents: 20).probabilityOfWaiting == 1, "overloaded: everyone waits")
    }

    @Test func queueFiguresComputeServiceLevelAndSatisfactionFromTheirCounts() {
        var f = QueueFigures(officeID: "pup-2002", topic: "registration")
        #expect(f.serviceLevelToday == nil && f.satisfactionToday == nil, "nothing yet")
        f.answeredToday = 8; f.answeredInTargetToday = 6; f.abandonedToday = 2
        f.ratingsToday = 4; f.ratingSumToday = 18
        #expect(f.serviceLevelToday == 0.6, "answered in target ÷ (answered + abandoned)")
        #expect(f.satisfactionToday == 4.5)
    }
}
