import Testing
import Foundation
import Directory

struct CalendarTextTests {
    @Test func strictDaysInPolishTime() {
        let d = CalendarText.day("2027-02-28")
        #expect(d != nil)
        var c = Calendar(identifier: .gregorian); c.timeZone = BusinessCalendar.warsaw
        #expect(c.dateComponents([.year, .month, .day, .hour], from: d!) == DateComponents(year: 2027, month: 2, day: 28, hour: 0))
        for bad in ["99999-01-01", "2027-02-30", "2027-13-01", "1899-12-31", "2027-1-01", "2027-01-01x", "27-01-01", "2027/01/01", ""] {
            #expect(CalendarText.day(bad) == nil, "\(bad)")
        }
        #expect(CalendarText.minute("2027-03-01T09:30") != nil && CalendarText.minute("2027-03-01 09:30") != nil)
        #expect(CalendarText.minute("2027-03-01T24:00") == nil && CalendarText.minute("2027-03-01") != nil)
    }
}
