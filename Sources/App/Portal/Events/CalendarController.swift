import Vapor
import Directory

/// `GET /api/v1/calendar?from=&to=`: the contact centre's days, holidays and hours.
struct CalendarController: RouteCollection {
    static let maxDays = 366

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "calendar", use: days)
    }

    struct Day: Content {
        let date: String
        let weekday: Int
        let open: Bool
        let holiday: String?
        let holiday_id: String?
        let hours: String?

        enum CodingKeys: String, CodingKey { case date, weekday, open, holiday, holiday_id, hours }

        /// Absent values are written as `null`, as the API promises, not left out.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(weekday, forKey: .weekday)
            try c.encode(open, forKey: .open)
            try c.encode(holiday, forKey: .holiday)
            try c.encode(holiday_id, forKey: .holiday_id)
            try c.encode(hours, forKey: .hours)
        }
    }

    func days(req: Request) async throws -> [Day] {
        let t = req.catalogue
        func date(_ field: String) throws -> LocalDate {
            guard let raw = try? req.query.get(String.self, at: field) else {
                throw FieldValidationError(field: field, reason: t.text("validation.required"))
            }
            guard let d = LocalDate(iso: raw) else { throw FieldValidationError(field: field, reason: t.text("validation.date_format")) }
            return d
        }
        let from = try date("from"), to = try date("to")
        guard from <= to else { throw FieldValidationError(field: "to", reason: t.text("validation.range_order")) }
        guard to.dayNumber - from.dayNumber < Self.maxDays else {
            throw FieldValidationError(field: "to", reason: t.text("validation.range_too_long", ["max": "\(Self.maxDays)"]))
        }
        let cal = req.services.contactCentre
        return (from.dayNumber...to.dayNumber).map { n in
            let day = cal.day(LocalDate(dayNumber: n))
            return Day(date: day.date.description, weekday: day.date.weekday, open: day.isOpen,
                       holiday: day.holiday.map { t.text("holiday.\($0.rawValue)") }, holiday_id: day.holiday?.rawValue,
                       hours: day.hoursText)
        }
    }
}
