import Testing
import Foundation
@testable import Privacy

/// Art. 12(3): a month from receipt, extendable once by up to two months, with a reason, while
/// the first month runs.
struct DataRequestDeadlineTests {
    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Warsaw")!
        return c
    }
    static func day(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 12) -> Date { calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h))! }

    @Test func aMonthFromReceiptAndAtMostTwoMoreWithAReasonInTheFirstMonth() throws {
        let d = DataRequestDeadline(receivedAt: Self.day(2027, 1, 31), calendar: Self.calendar)
        #expect(d.due == Self.day(2027, 2, 28), "the month ends on the last day of a shorter month")
        #expect(d.daysLeft(now: Self.day(2027, 2, 20)) == 8 && d.daysLeft(now: Self.day(2027, 3, 2)) == -2)
        let longer = try d.extended(by: 2, reason: "Wiele wniosków tego dnia.", now: Self.day(2027, 2, 10))
        #expect(longer.due == Self.day(2027, 4, 30) && longer.extendedBy == 2)
        #expect(throws: DataRequestDeadline.Refusal.alreadyExtended) { try longer.extended(by: 1, reason: "Znowu.", now: Self.day(2027, 2, 11)) }
        #expect(throws: DataRequestDeadline.Refusal.noReason) { try d.extended(by: 1, reason: "  ", now: Self.day(2027, 2, 10)) }
        #expect(throws: DataRequestDeadline.Refusal.tooLong) { try d.extended(by: 3, reason: "Dużo.", now: Self.day(2027, 2, 10)) }
        #expect(throws: DataRequestDeadline.Refusal.tooLong) { try d.extended(by: 0, reason: "Dużo.", now: Self.day(2027, 2, 10)) }
        #expect(throws: DataRequestDeadline.Refusal.tooLate) { try d.extended(by: 1, reason: "Dużo.", now: Self.day(2027, 3, 1)) }
    }
}
