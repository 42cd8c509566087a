import Testing
import Foundation
@testable import Privacy

struct RetentionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aRuleGivesTheCutOffAndTheKeepingDateOfTheSameLength() {
        let week = Retention.ivrCallState
        #expect(week.cutoff(now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(week.keptUntil(now) == now.addingTimeInterval(7 * 86_400))
        #expect(Retention.recordings(days: 90).keptUntil(now) == now.addingTimeInterval(90 * 86_400))
        #expect(Retention.recordings(days: 0).keptUntil(now) == now, "0 days keeps nothing")
    }
}
