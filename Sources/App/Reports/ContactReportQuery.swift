import Vapor
import Access
import Clients
import ContactCenter
import Directory
import Reporting
import Storage
import Views

/// What a report is asked for (`from`, `to`, `interval`, `by`, `channel`, `voivodeship`,
/// `office`), checked against the staff member's scope: an office outside it was refused
/// (403) by the staff guard, a voivodeship with none of their offices is refused here, and a
/// consultant without a supervisor's role sees their own contacts only.
struct ContactReportQuery: Sendable {
    var period: ReportPeriod
    var interval: ReportInterval
    var dimension: ReportDimension
    var channel: String?
    var voivodeship: String?
    var office: String?
    /// The offices added up (nil: every office).
    var offices: Set<String>?
    /// Only this consultant's contacts (a consultant's own report).
    var agent: String?
    /// The query as given, for the form and the download links.
    var values: [String: String]

    /// What a consultant's own figures can be broken down by (their rows carry office and channel only).
    static let ownDimensions: [ReportDimension] = [.channel, .office]

    static let channels = ContactCenter.Channel.routed.map(\.rawValue)

    static func parse(_ req: Request, _ member: StaffMember, today: Date) async throws -> ContactReportQuery {
        let t = req.catalogue, calendar = ReportInterval.polishCalendar
        func value(_ name: String) -> String { ((try? req.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces) }
        func day(_ name: String) throws -> Date? {
            let text = value(name)
            guard !text.isEmpty else { return nil }
            // Midnight in Warsaw, as the report's days are.
            guard let d = CalendarText.day(text) else { throw FieldValidationError(field: name, reason: t.text("reports.error_date")) }
            return d
        }
        let last = try day("to") ?? today
        let first = try day("from") ?? calendar.date(byAdding: .day, value: -6, to: calendar.startOfDay(for: last))!
        let period: ReportPeriod
        do { period = try ReportPeriod(first: first, last: last, today: today, calendar: calendar) } catch {
            switch error {
            case .reversed: throw FieldValidationError(field: "to", reason: t.text("reports.error_reversed"))
            case .future: throw FieldValidationError(field: "from", reason: t.text("reports.error_future"))
            case .tooLong, .tooFine: throw FieldValidationError(field: "from", reason: t.text("reports.error_too_long", ["days": "\(ReportPeriod.longestDays)"]))
            }
        }
        let intervalText = value("interval")
        guard let interval = intervalText.isEmpty ? (period.days(calendar) > 62 ? .month : period.days(calendar) <= 1 ? .hour : .day)
                : ReportInterval(rawValue: intervalText) else {
            throw FieldValidationError(field: "interval", reason: t.text("reports.error_interval"))
        }
        do { _ = try period.segments(for: interval, calendar: calendar) } catch {
            throw FieldValidationError(field: "interval", reason: t.text("reports.error_too_fine"))
        }
        let channel = value("channel")
        guard channel.isEmpty || channels.contains(channel) else { throw FieldValidationError(field: "channel", reason: t.text("reports.error_channel")) }

        let supervises = AuthorizationMatrix.allows(member.roles, .viewOfficeReports)
        let voivodeship = value("voivodeship"), office = value("office")
        // ?office= outside the scope was refused by the staff guard; a voivodeship without any of the member's offices is here.
        let offices = try await member.listedOffices(req, voivodeship: voivodeship)
        if !voivodeship.isEmpty, let offices, offices.isEmpty { throw Abort(.forbidden, reason: t.text("error.foreign_office")) }
        let byText = value("by")
        var dimension: ReportDimension
        if byText.isEmpty {
            dimension = !supervises ? .channel : !office.isEmpty ? .consultant : offices == nil ? .voivodeship
                : (offices?.count ?? 0) > 1 ? .office : .consultant
        } else {
            guard let d = ReportDimension(rawValue: byText), supervises || Self.ownDimensions.contains(d) else {
                throw FieldValidationError(field: "by", reason: t.text("reports.error_dimension"))
            }
            dimension = d
        }
        var values = ["from": DayFormat().string(from: period.from), "to": DayFormat().string(from: calendar.date(byAdding: .day, value: -1, to: period.until)!),
                      "interval": interval.rawValue, "by": dimension.rawValue]
        if !channel.isEmpty { values["channel"] = channel }
        if !voivodeship.isEmpty { values["voivodeship"] = voivodeship }
        if !office.isEmpty { values["office"] = office }
        return ContactReportQuery(period: period, interval: interval, dimension: dimension, channel: channel.isEmpty ? nil : channel,
                                  voivodeship: voivodeship.isEmpty ? nil : voivodeship, office: office.isEmpty ? nil : office, offices: offices,
                                  agent: supervises ? nil : member.id.uuidString, values: values)
    }

    /// The same report with some parameters changed (a drill-down link, a download).
    func path(_ route: SiteRoute, _ changes: [String: String?] = [:]) -> String {
        var v = values
        for (k, new) in changes { v[k] = new }
        var c = URLComponents()
        c.queryItems = v.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return route.path + "?" + (c.percentEncodedQuery ?? "")
    }
}
