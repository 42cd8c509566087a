import Vapor
import Localization
import Identity
import Directory
import Portal

/// The staff form of a training or job fair: raw fields in, an `EventDraft` or per-field
/// messages out. Times are typed in Polish time.
struct EventForm: Content {
    var kind: String?; var title: String?; var organiser: String?; var topic: String?; var description: String?; var online: String?
    var locality: String?; var address: String?; var postal_code: String?; var starts_at: String?; var ends_at: String?
    var price: String?; var funding: String?; var seats: String?; var office_id: String?

    var values: [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: self).children { if let label = child.label, let v = child.value as? String? { out[label] = v ?? "" } }
        return out
    }

    static let minuteStyle = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
        timeZone: BusinessCalendar.warsaw, calendar: Calendar(identifier: .gregorian))

    static func parseMinute(_ text: String) -> Date? { CalendarText.minute(text) }

    static func values(_ d: EventDraft) -> [String: String] {
        func n(_ v: Double?) -> String { v.map { $0.truncatingRemainder(dividingBy: 1) == 0 ? String(Int($0)) : String($0) } ?? "" }
        return ["kind": d.kind.rawValue, "title": d.title, "organiser": d.organiser, "topic": d.topic, "description": d.description,
                "online": d.online ? "on" : "", "locality": d.locality, "address": d.address, "postal_code": d.postalCode ?? "",
                "starts_at": d.startsAt.formatted(minuteStyle), "ends_at": d.endsAt.map { $0.formatted(minuteStyle) } ?? "",
                "price": n(d.price), "funding": d.funding.rawValue, "seats": d.seats.map(String.init) ?? "", "office_id": d.officeID]
    }

    func draft(_ t: Catalogue, now: Date = Date()) -> (EventDraft?, [(field: String, message: String)]) {
        var errors: [(field: String, message: String)] = []
        func fail(_ field: String, _ key: String, _ args: [String: String] = [:]) {
            errors.append((field, t.text("form.invalid_field", ["field": t.text("event.field." + field), "reason": t.text(key, args)])))
        }
        func s(_ v: String?) -> String { (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let kind = EventKind(rawValue: s(self.kind))
        if kind == nil { fail("kind", "offer.error.choice") }
        let funding = Funding(rawValue: s(self.funding).isEmpty ? "free" : s(self.funding))
        if funding == nil { fail("funding", "offer.error.choice") }
        let isOnline = online == "on"
        var postal: String? = nil
        if !s(postal_code).isEmpty {
            do { postal = try PostalCode(s(postal_code)).value } catch { fail("postal_code", error.catalogueKey, error.arguments) }
        }
        var start: Date? = nil
        if s(starts_at).isEmpty { fail("starts_at", "offer.error.required") }
        else if let d = Self.parseMinute(s(starts_at)) { start = d } else { fail("starts_at", "validation.date_format") }
        var end: Date? = nil
        if !s(ends_at).isEmpty { if let d = Self.parseMinute(s(ends_at)) { end = d } else { fail("ends_at", "validation.date_format") } }
        var price: Double? = nil
        if !s(self.price).isEmpty {
            if let p = DecimalText.parse(s(self.price)) { price = p }
            else { fail("price", "offer.error.number") }
        }
        var seats: Int? = nil
        if !s(self.seats).isEmpty { if let n = Int(s(self.seats)) { seats = n } else { fail("seats", "offer.error.number") } }
        if s(office_id).isEmpty { fail("office_id", "offer.error.required") }
        let d = EventDraft(kind: kind ?? .training, title: s(title), organiser: s(organiser), topic: s(topic), description: s(description),
                           online: isOnline, locality: s(locality), address: s(address), postalCode: postal, startsAt: start ?? now, endsAt: end,
                           price: price, funding: funding ?? .free, seats: seats, officeID: s(office_id).lowercased())
        for p in d.problems(now: now) where !errors.contains(where: { $0.field == p.field }) { fail(p.field, p.key, p.arguments) }
        return (errors.isEmpty ? d : nil, errors)
    }
}
