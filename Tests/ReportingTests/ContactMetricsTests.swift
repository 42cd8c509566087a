import Testing
import Foundation
@testable import Reporting

/// The metric definitions on hand-made event streams: every figure can be checked by hand.
struct ContactMetricsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15 08:00 UTC, 09:00 in Warsaw
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    /// Queued at `arrive`, answered after `wait` by `agent`, talk, wrap-up, closed.
    static func answered(_ arrive: Double, wait: Double, talk: Double, wrap: Double, agent: String = "a1", client: UUID? = nil,
                         channel: String = "voice", office: String = "pup-2002", transfer: Bool = false) -> ContactTrace {
        var steps: [ContactTrace.Step] = [.init("queued", at: at(arrive)), .init("offered", at: at(arrive + wait - 2), agent: agent),
                                          .init("connected", at: at(arrive + wait), agent: agent)]
        var t = arrive + wait + talk
        if transfer {
            steps += [.init("transferred", at: at(t)), .init("queued", at: at(t)), .init("offered", at: at(t + 5), agent: "a2"),
                      .init("connected", at: at(t + 10), agent: "a2")]
            t += 10 + talk
        }
        steps += [.init("wrap_up", at: at(t)), .init("closed", at: at(t + wrap))]
        return ContactTrace(channel: channel, officeID: office, topic: "registration", clientID: client, steps: steps)
    }

    static func gaveUp(_ arrive: Double, after wait: Double, client: UUID? = nil) -> ContactTrace {
        ContactTrace(channel: "voice", officeID: "pup-2002", topic: "registration", clientID: client,
                     steps: [.init("queued", at: at(arrive)), .init("abandoned", at: at(arrive + wait))])
    }

    @Test func bothServiceLevelsAbandonsAndTimesFollowTheirDefinitions() {
        let contacts = [
            Self.answered(0, wait: 10, talk: 100, wrap: 20),      // within T
            Self.answered(30, wait: 15, talk: 200, wrap: 40),     // within T
            Self.answered(60, wait: 50, talk: 60, wrap: 0),       // after T
            Self.gaveUp(90, after: 3),                            // short abandon
            Self.gaveUp(120, after: 12),                          // abandoned within T
            Self.gaveUp(150, after: 90),                          // abandoned after T
        ]
        let m = ContactMetrics(contacts, parameters: .init(answerWithin: 20, target: 0.8, shortAbandon: 5))
        #expect(m.offered == 6 && m.answered == 3 && m.answeredWithinT == 2)
        #expect(m.shortAbandons == 1 && m.abandoned == 2 && m.abandonedAfterT == 1)
        #expect(m.serviceLevelOfAnswered == 2.0 / 3, "answered within T ÷ answered")
        #expect(m.serviceLevel == 2.0 / 4, "answered within T ÷ (answered + abandoned after T)")
        #expect(m.meetsTarget == false)
        #expect(m.abandonmentRate == 2.0 / 5, "short abandons are left out of both sides")
        #expect(m.averageSpeedOfAnswer == (10 + 15 + 50) / 3.0)
        #expect(m.averageHandleTime == (120 + 240 + 60) / 3.0, "talk plus wrap-up")
        #expect(m.longestWait == 90)
        #expect(m.occupancy(staffed: 840) == 0.5)
    }

    @Test func aTransferredContactIsCountedOnceWithBothLegsOfTalk() {
        let m = ContactMetrics([Self.answered(0, wait: 10, talk: 60, wrap: 30, transfer: true), Self.answered(0, wait: 5, talk: 60, wrap: 0)])
        #expect(m.offered == 2 && m.answered == 2)
        #expect(m.transferRate == 0.5)
        #expect(m.averageHandleTime == ((60 + 60 + 30) + 60) / 2.0, "two legs of talk and the one wrap-up")
        #expect(m.averageSpeedOfAnswer == 7.5, "the wait is to the first answer")
    }

    @Test func aClientComingBackWithinSevenDaysIsARepeatContact() {
        let anna = UUID(), jan = UUID()
        let lastWeek = [Self.answered(-6 * 86_400, wait: 5, talk: 60, wrap: 0, client: anna),
                        Self.answered(-8 * 86_400, wait: 5, talk: 60, wrap: 0, client: jan)]
        let today = [Self.answered(0, wait: 5, talk: 60, wrap: 0, client: anna),      // repeat (6 days)
                     Self.answered(100, wait: 5, talk: 60, wrap: 0, client: jan),     // not (8 days)
                     Self.answered(200, wait: 5, talk: 60, wrap: 0, client: jan),     // repeat (100 s)
                     Self.answered(300, wait: 5, talk: 60, wrap: 0)]                  // unknown client
        let m = ContactMetrics(today, earlier: lastWeek)
        #expect(m.withKnownClient == 3 && m.repeats == 2)
        #expect(m.firstContactResolution == 1 - 2.0 / 3)
    }

    @Test func nothingToCountGivesNoFigureRatherThanZero() {
        let m = ContactMetrics([])
        #expect(m.serviceLevel == nil && m.averageSpeedOfAnswer == nil && m.abandonmentRate == nil && m.firstContactResolution == nil)
        #expect(Satisfaction(ratings: []).average == nil)
    }

    @Test func satisfactionIsTheMeanAndTheShareOfFoursAndFives() {
        let s = Satisfaction(ratings: [5, 4, 3, 5, 1, 9])
        #expect(s.answers == 5, "a rating outside 1–5 is not an answer")
        #expect(s.average == 18.0 / 5 && s.satisfiedShare == 3.0 / 5)
    }

    @Test func seriesHaveEveryStepInWarsawTimeAndBreakdownsEveryKey() {
        let calendar = ReportInterval.polishCalendar
        let contacts = [Self.answered(0, wait: 5, talk: 60, wrap: 0), Self.answered(20 * 60, wait: 5, talk: 60, wrap: 0, channel: "chat"),
                        Self.answered(50 * 60, wait: 40, talk: 60, wrap: 0, agent: "a2", office: "pup-1061")]
        let series = ReportBreakdown.series(contacts, every: .quarterHour, from: Self.t0, until: Self.at(3600), calendar: calendar)
        #expect(series.map { $0.metrics.offered } == [1, 1, 0, 1], "09:00, 09:15, 09:30 (empty), 09:45")
        #expect(calendar.component(.hour, from: series[0].start) == 9)
        let byDay = ReportBreakdown.series(contacts, every: .day, from: calendar.startOfDay(for: Self.t0), until: Self.at(86_400), calendar: calendar)
        #expect(byDay.count == 2 && byDay[0].metrics.offered == 3)
        let byChannel = ReportBreakdown.by(.channel, contacts)
        #expect(byChannel.map(\.key) == ["chat", "voice"] && byChannel[1].metrics.offered == 2)
        let byVoivodeship = ReportBreakdown.by(.voivodeship, contacts) { $0 == "pup-2002" ? "20" : "10" }
        #expect(byVoivodeship.map(\.key) == ["10", "20"] && byVoivodeship[0].metrics.serviceLevel == 0)
        #expect(ReportBreakdown.by(.consultant, contacts + [Self.gaveUp(0, after: 30)]).map(\.key) == ["a1", "a2"],
                "a contact nobody answered has no consultant")
    }

    @Test func everyMetricSaysHowItIsComputed() {
        #expect(Metric.allCases.allSatisfy { !$0.definition.isEmpty })
        #expect(Set(Metric.allCases.map(\.rawValue)).count == Metric.allCases.count)
    }
}
