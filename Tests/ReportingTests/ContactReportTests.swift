import Testing
import Foundation
@testable import Reporting

/// Periods as managers pick them, and a report assembled from stored sums: whole months from
/// the monthly sums, steps without holes, keys mapped (office → voivodeship), the heat map by
/// weekday.
@Suite struct ContactReportTests {
    static let calendar = ReportInterval.polishCalendar
    static func day(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0) -> Date { calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))! }

    @Test func periodsAreWholeDaysNotReversedNotInTheFutureAndNotTooFine() throws {
        let today = Self.day(2027, 3, 10, 15)
        let p = try ReportPeriod(first: Self.day(2027, 3, 1, 11), last: Self.day(2027, 3, 31), today: today)
        #expect(p.from == Self.day(2027, 3, 1) && p.until == Self.day(2027, 3, 11))   // cut at today
        #expect(p.previous().from == Self.day(2027, 2, 19) && p.previous().until == p.from)
        #expect(throws: ReportPeriod.Problem.reversed) { try ReportPeriod(first: Self.day(2027, 3, 5), last: Self.day(2027, 3, 4), today: today) }
        #expect(throws: ReportPeriod.Problem.future) { try ReportPeriod(first: Self.day(2027, 3, 11), last: Self.day(2027, 3, 12), today: today) }
        #expect(throws: ReportPeriod.Problem.tooLong) { try ReportPeriod(first: Self.day(2025, 1, 1), last: Self.day(2027, 3, 1), today: today) }
        #expect(throws: ReportPeriod.Problem.tooFine) { try p.segments(for: .quarterHour) }
        #expect(try p.segments(for: .hour).map(\.grain) == [.quarter])
    }

    @Test func wholeMonthsAreReadFromMonthlySumsAndTheEdgesFromDays() throws {
        let p = try ReportPeriod(first: Self.day(2026, 1, 15), last: Self.day(2026, 4, 3), today: Self.day(2027, 1, 1))
        let s = try p.segments(for: .month)
        #expect(s.map(\.grain) == [.day, .month, .month, .day])
        #expect(s.map(\.from) == [Self.day(2026, 1, 15), Self.day(2026, 2, 1), Self.day(2026, 3, 1), Self.day(2026, 4, 1)])
        #expect(s.last!.until == Self.day(2026, 4, 4))
        #expect(try p.segments(for: .week).map(\.grain) == [.day])
    }

    @Test func aReportAddsStoredSumsIntoStepsKeysAndTheHeatMap() throws {
        let p = try ReportPeriod(first: Self.day(2027, 3, 8), last: Self.day(2027, 3, 10), today: Self.day(2027, 3, 20))
        var a = ReportCounts(); a.offered = 3; a.answered = 2
        var b = ReportCounts(); b.offered = 1; b.answered = 1
        let parts = [ContactReport.Part(periodStart: Self.day(2027, 3, 8), key: "pup-1061", counts: a),
                     ContactReport.Part(periodStart: Self.day(2027, 3, 10), key: "pup-1062", counts: b),
                     ContactReport.Part(periodStart: Self.day(2027, 3, 10), key: "pup-2002", counts: b)]
        let hours = (0..<24).map { $0 == 9 ? 4 : 0 }
        let r = ContactReport(period: p, interval: .day, series: parts, totals: parts, previous: [parts[1]], breakdown: parts,
                              keyOf: { $0 == "pup-2002" ? nil : "10" }, days: [(Self.day(2027, 3, 10), hours)])
        #expect(r.series.map(\.counts.offered) == [3, 0, 2])
        #expect(r.totals.offered == 5 && r.previousTotals.offered == 1)
        #expect(r.breakdown.count == 1 && r.breakdown[0].key == "10" && r.breakdown[0].counts.offered == 4)
        #expect(r.heatMap[2][9] == 4 && r.heatMap.joined().reduce(0, +) == 4)   // a Wednesday
        #expect(ContactReport.change(0.9, 0.75)! > 0.19 && ContactReport.change(1, 0) == nil)
    }

    @Test func targetsPerChannelAreReadFromTheSetting() {
        let t = ServiceTargets.parse("voice=15:0.9, chat=45:0.85")!
        #expect(t.parameters(for: "voice").answerWithin == 15 && t.parameters(for: "voice").target == 0.9)
        #expect(t.parameters(for: "chat").answerWithin == 45 && t.parameters(for: "email").answerWithin == 8 * 3_600)
        #expect(ServiceTargets.parse("voice=0:0.8") == nil && ServiceTargets.parse("voice=20:1.5") == nil && ServiceTargets.parse("voice") == nil)
    }

    @Test func anAreaIsTheCoarsestThatHoldsExactlyTheOffices() {
        let of = ["a1": "10", "a2": "10", "b1": "20", "c1": "30"]
        #expect(ReportArea.covering(nil, voivodeshipOf: of) == .country)
        #expect(ReportArea.covering(Set(of.keys), voivodeshipOf: of) == .country)
        #expect(ReportArea.covering(["a1", "a2", "b1"], voivodeshipOf: of) == .voivodeships(["10", "20"]))
        #expect(ReportArea.covering(["b1"], voivodeshipOf: of) == .voivodeships(["20"]))
        #expect(ReportArea.covering(["a1", "b1"], voivodeshipOf: of) == .offices(["a1", "b1"]))
        // An office the directory does not know, or no directory at all: the offices themselves.
        #expect(ReportArea.covering(["b1", "x9"], voivodeshipOf: of) == .offices(["b1", "x9"]))
        #expect(ReportArea.covering(["b1"], voivodeshipOf: [:]) == .offices(["b1"]))
        #expect(ReportArea.covering([], voivodeshipOf: of) == .offices([]))
    }
}

